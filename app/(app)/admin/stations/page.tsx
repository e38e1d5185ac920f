import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AdminPage } from '@/components/admin/admin-page';
import { StationFilters, StationTable } from '@/components/admin/station-admin';
import { StationForm } from '@/components/admin/station-form';
import { createStationAction } from '@/server/actions/admin-stations';
import { getAdminStations } from '@/server/queries/admin';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminArea.stations');
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AdminStationsPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const [t, data] = await Promise.all([
    getTranslations('adminArea.stations'),
    getAdminStations({ facility: one(sp.facility), kind: one(sp.kind), active: one(sp.active), q: one(sp.q) }),
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
