import { AdminPage } from '@/components/admin/admin-page';
import { FacilityCreateForm, FacilityTable } from '@/components/admin/facility-admin';
import { titleMetadata } from '@/app/_lib/metadata';
import { createFacilityAction } from '@/server/actions/admin-facilities';
import { getAdminFacilities } from '@/server/queries/admin';

export const generateMetadata = titleMetadata('adminArea.facilities.title');

export default async function AdminFacilitiesPage() {
  const facilities = await getAdminFacilities();
  return (
    <AdminPage area="facilities" create={{ id: 'facility-new', form: <FacilityCreateForm action={createFacilityAction} /> }}>
      <FacilityTable facilities={facilities} />
    </AdminPage>
  );
}
