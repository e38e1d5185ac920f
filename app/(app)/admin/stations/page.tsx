import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AdminAreaNav } from '@/components/admin/admin-area-nav';
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
    <>
      <AdminAreaNav />
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <section className="panel" aria-labelledby="station-new">
        <details>
          <summary id="station-new">{t('new')}</summary>
          <StationForm action={createStationAction} facilities={data.facilities} registry={data.registry} bounds={data.bounds} />
        </details>
      </section>
      <StationFilters values={data.filter} facilities={data.facilities} />
      <section className="panel">
        <StationTable stations={data.stations} />
      </section>
    </>
  );
}
