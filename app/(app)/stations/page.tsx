import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { StationTable } from '@/components/stations/station-table';
import { listStationSummaries } from '@/server/queries/stations';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('stations');
  return { title: t('title') };
}

export default async function StationsPage() {
  const [t, stations] = await Promise.all([getTranslations('stations'), listStationSummaries()]);
  return (
    <>
      <div className="page-head">
        <h1>{t('title')}</h1>
      </div>
      <StationTable rows={stations} />
    </>
  );
}
