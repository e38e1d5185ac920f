import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MapPanel } from '@/components/map/map-panel';
import { getAqiMapDataAction } from '@/server/actions/aqi';
import { getMapDataAction } from '@/server/actions/map';
import { getMapSettings, loadMapData } from '@/server/queries/map';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('map');
  return { title: t('title') };
}

export default async function MapPage() {
  const [t, initial, settings] = await Promise.all([getTranslations('map'), loadMapData(), getMapSettings()]);
  return (
    <>
      <div className="page-head">
        <h1>{t('title')}</h1>
      </div>
      <MapPanel initial={initial} load={getMapDataAction} loadAqi={getAqiMapDataAction} tileUrl={settings.tileUrl} />
    </>
  );
}
