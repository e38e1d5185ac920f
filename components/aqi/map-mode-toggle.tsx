'use client';
import { useLocale, useTranslations } from 'next-intl';
import { bandViews } from './bands';

export type MapColorMode = 'state' | 'aqi';
/** Per station code: the newest hourly AQI (server/queries/aqi.ts loadAqiMapData / getAqiMapDataAction). */
export type AqiMapEntryView = { aqi: number; category: string; color: string; dominant: string | null; time: string };

/**
 * Switch between colouring the operator map by station state and, for ambient stations, by AQI band. The map keeps
 * its own state colours for the other stations; `markerColor` gives the fill for a station in the chosen mode.
 */
export function MapModeToggle({ mode, onChange }: { mode: MapColorMode; onChange: (m: MapColorMode) => void }) {
  const t = useTranslations('aqi');
  const locale = useLocale() === 'en' ? 'en' : 'vi';
  return (
    <div data-testid="map-mode-toggle">
      <div className="lang-switch" role="group" aria-label={t('mapMode')}>
        {(['state', 'aqi'] as const).map((m) => (
          <button key={m} type="button" aria-pressed={mode === m} data-map-mode={m} onClick={() => onChange(m)}>
            {m === 'state' ? t('mapModeState') : t('mapModeAqi')}
          </button>
        ))}
      </div>
      {mode === 'aqi' && (
        <ul className="small" style={{ listStyle: 'none', padding: 0, margin: '6px 0 0' }} data-testid="aqi-map-legend">
          {bandViews('aqi', locale).map((b) => (
            <li key={b.category} data-legend-aqi={b.category}>
              <span className="badge-dot" style={{ background: b.color, display: 'inline-block', marginRight: 6 }} aria-hidden />
              {b.range} {b.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Fill colour of a marker: its AQI band in AQI mode when the station has a current AQI, otherwise its state colour. */
export function markerColor(mode: MapColorMode, stateColor: string, aqi: AqiMapEntryView | undefined): string {
  return mode === 'aqi' && aqi ? aqi.color : stateColor;
}
