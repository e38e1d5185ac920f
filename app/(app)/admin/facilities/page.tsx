import { getTranslations } from 'next-intl/server';
import { AdminPage } from '@/components/admin/admin-page';
import { FacilityCreateForm, FacilityTable } from '@/components/admin/facility-admin';
import { titleMetadata } from '@/i18n/metadata';
import { createFacilityAction } from '@/server/actions/admin-facilities';
import { getAdminFacilities } from '@/server/queries/admin';

export const generateMetadata = titleMetadata('adminArea.facilities');

export default async function AdminFacilitiesPage() {
  const [t, facilities] = await Promise.all([getTranslations('adminArea.facilities'), getAdminFacilities()]);
  return (
    <AdminPage
      title={t('title')}
      intro={t('intro')}
      create={{ id: 'facility-new', label: t('new'), form: <FacilityCreateForm action={createFacilityAction} /> }}
    >
      <FacilityTable facilities={facilities} />
    </AdminPage>
  );
}
