import { firstParam, type SearchParams } from '@/app/_lib/params';
import { AdminPage } from '@/components/admin/admin-page';
import { StationFilters, StationTable } from '@/components/admin/station-admin';
import { StationForm } from '@/components/admin/station-form';
import { titleMetadata } from '@/app/_lib/metadata';
import { createStationAction } from '@/server/actions/admin-stations';
import { getAdminStations } from '@/server/queries/admin';

export const generateMetadata = titleMetadata('adminArea.stations.title');

export default async function AdminStationsPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const data = await getAdminStations({ facility: firstParam(sp.facility), kind: firstParam(sp.kind), active: firstParam(sp.active), q: firstParam(sp.q) });
  const form = <StationForm action={createStationAction} facilities={data.facilities} registry={data.registry} bounds={data.bounds} />;
  return (
    <AdminPage area="stations" create={{ id: 'station-new', form }} beforeList={<StationFilters values={data.filter} facilities={data.facilities} />}>
      <StationTable stations={data.stations} />
    </AdminPage>
  );
}
