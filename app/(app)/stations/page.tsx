import { getTranslations } from 'next-intl/server';
import { StationTable } from '@/components/stations/station-table';
import { PageHead } from '@/components/ui/page-head';
import { titleMetadata } from '@/app/_lib/metadata';
import { listStationSummaries } from '@/server/queries/stations';

export const generateMetadata = titleMetadata('stations.title');

export default async function StationsPage() {
  const [t, stations] = await Promise.all([getTranslations('stations'), listStationSummaries()]);
  return (
    <>
      <PageHead title={t('title')} />
      <StationTable rows={stations} />
    </>
  );
}
