import { getTranslations } from 'next-intl/server';
import { firstParam, type SearchParams } from '@/app/_lib/params';
import { AdminPage } from '@/components/admin/admin-page';
import { StationFilters, StationTable } from '@/components/admin/station-admin';
import { StationForm } from '@/components/admin/station-form';
import { titleMetadata } from '@/i18n/metadata';
import { createStationAction } from '@/server/actions/admin-stations';
import { getAdminStations } from '@/server/queries/admin';

export const generateMetadata = titleMetadata('adminArea.stations');

export default async function AdminStationsPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const [t, data] = await Promise.all([
    getTranslations('adminArea.stations'),
    getAdminStations({ facility: firstParam(sp.facility), kind: firstParam(sp.kind), active: firstParam(sp.active), q: firstParam(sp.q) }),
  ]);
  return (
    <AdminPage
      title={t('title')}
      intro={t('intro')}
      create={{
        id: 'station-new',
        label: t('new'),
        form: (
          <StationForm
            action={createStationAction}
            facilities={data.facilities}
            registry={data.registry}
            bounds={data.bounds}
          />
        ),
      }}
      beforeList={<StationFilters values={data.filter} facilities={data.facilities} />}
    >
      <StationTable stations={data.stations} />
    </AdminPage>
  );
}
