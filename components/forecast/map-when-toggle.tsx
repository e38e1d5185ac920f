'use client';
import { useTranslations } from 'next-intl';

export type MapAqiWhen = 'now' | 'plus24';

/** In the map's AQI mode: colour by the AQI now or by the forecast AQI 24 hours ahead. */
export function MapWhenToggle({ when, onChange }: { when: MapAqiWhen; onChange: (w: MapAqiWhen) => void }) {
  const t = useTranslations('forecast');
  return (
    <div className="lang-switch" role="group" aria-label={t('mapWhen')} data-testid="map-aqi-when" style={{ marginTop: 6 }}>
      {(['now', 'plus24'] as const).map((w) => (
        <button key={w} type="button" aria-pressed={when === w} data-map-when={w} onClick={() => onChange(w)}>
          {w === 'now' ? t('mapNow') : t('mapTomorrow')}
        </button>
      ))}
    </div>
  );
}
