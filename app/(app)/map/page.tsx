import { getTranslations } from 'next-intl/server';
import { MapPanel } from '@/components/map/map-panel';
import { PageHead } from '@/components/ui/page-head';
import { titleMetadata } from '@/app/_lib/metadata';
import { getAqiMapDataAction } from '@/server/actions/aqi';
import { getMapDataAction } from '@/server/actions/map';
import { getAqiMapForecastAction } from '@/server/actions/forecast';
import { getMapSettings, loadMapData } from '@/server/queries/map';

export const generateMetadata = titleMetadata('map.title');

export default async function MapPage() {
  const [t, initial, settings] = await Promise.all([getTranslations('map'), loadMapData(), getMapSettings()]);
  return (
    <>
      <PageHead title={t('title')} />
      <MapPanel initial={initial} load={getMapDataAction} loadAqi={getAqiMapDataAction} loadAqi24={getAqiMapForecastAction} tileUrl={settings.tileUrl} tileAttribution={settings.tileAttribution} />
    </>
  );
}
