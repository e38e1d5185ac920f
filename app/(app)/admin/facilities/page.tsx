import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AdminAreaNav } from '@/components/admin/admin-area-nav';
import { FacilityCreateForm, FacilityTable } from '@/components/admin/facility-admin';
import { createFacilityAction } from '@/server/actions/admin-facilities';
import { getAdminFacilities } from '@/server/queries/admin';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminArea.facilities');
  return { title: t('title') };
}

export default async function AdminFacilitiesPage() {
  const [t, facilities] = await Promise.all([getTranslations('adminArea.facilities'), getAdminFacilities()]);
  return (
    <>
      <AdminAreaNav />
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <section className="panel" aria-labelledby="facility-new">
        <details>
          <summary id="facility-new">{t('new')}</summary>
          <FacilityCreateForm action={createFacilityAction} />
        </details>
      </section>
      <section className="panel">
        <FacilityTable facilities={facilities} />
      </section>
    </>
  );
}
