'use client';
import { useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { formatTime } from '@/lib/domain/time';
import { STATION_KINDS } from '@/lib/domain/parameters';
import { countStates, STATION_STATES } from '@/lib/domain/stations/states';
import { MapModeToggle, type AqiMapEntryView, type MapColorMode } from '@/components/aqi/map-mode-toggle';
import { MapWhenToggle, type MapAqiWhen } from '@/components/forecast/map-when-toggle';
import { Select } from '@/components/ui/select';
import { filterStations, NO_FILTERS } from './filter';
import { shapeStyle, STATE_SHAPES } from './marker-look';
import type { AqiLoadResult, MapFilters, MapLoadResult, MapView } from './types';

// Leaflet touches `window` on import: the map itself only ever renders in the browser.
const StationMap = dynamic(() => import('./station-map'), {
  ssr: false,
  loading: () => <MapPlaceholder />,
});

function MapPlaceholder() {
  const t = useTranslations('common');
  return <div className="map-placeholder">{t('loading')}</div>;
}

/** New data shows within 30 s without a reload (issue #6): both the state and the AQI data poll at this period. */
export const REFRESH_MS = 30_000;
const NO_AQI: Record<string, AqiMapEntryView> = {};

export function MapPanel({
  initial,
  load,
  loadAqi,
  loadAqi24,
  tileUrl,
  tileAttribution,
}: {
  initial: MapView;
  load: () => Promise<MapLoadResult>;
  /** The AQI colouring's data (newest hourly AQI of visible ambient stations); without it there is no AQI mode. */
  loadAqi?: () => Promise<AqiLoadResult>;
  /** The forecast AQI 24 h ahead (issue 20): the AQI mode's "+24 h" choice. */
  loadAqi24?: () => Promise<AqiLoadResult>;
  tileUrl?: string;
  tileAttribution?: string;
}) {
  const t = useTranslations();
  const tm = useTranslations('monitoring');
  const locale = useLocale();
  const router = useRouter();
  const t2 = useTranslations('monitoring2');
  const [filters, setFilters] = useState<MapFilters>(NO_FILTERS);
  // State colouring is the default; AQI colouring is asked for and only then loaded (and kept fresh).
  const [mode, setMode] = useState<MapColorMode>('state');
  const [when, setWhen] = useState<MapAqiWhen>('now');
  const aqiLoader = when === 'plus24' && loadAqi24 ? loadAqi24 : loadAqi;
  const query = useQuery({
    queryKey: ['map-data'],
    queryFn: async () => {
      const res = await load();
      if (!res.ok) throw new Error(res.error);
      return res.data;
    },
    initialData: initial,
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
  });
  const aqiQuery = useQuery({
    queryKey: ['map-aqi', when],
    queryFn: async () => {
      if (!aqiLoader) return { byStation: NO_AQI, generatedAt: new Date().toISOString() };
      const res = await aqiLoader();
      if (!res.ok) throw new Error(res.error);
      return res.data;
    },
    enabled: mode === 'aqi' && loadAqi !== undefined,
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
  });
  const aqi = mode === 'aqi' ? (aqiQuery.data?.byStation ?? NO_AQI) : NO_AQI;
  const data = query.data;
  const unauthorized = query.error?.message === 'UNAUTHORIZED' || aqiQuery.error?.message === 'UNAUTHORIZED';

  useEffect(() => {
    if (unauthorized) router.replace('/login');
  }, [unauthorized, router]);

  const shown = useMemo(() => filterStations(data.stations, filters), [data.stations, filters]);
  const counts = useMemo(() => countStates(shown.map((s) => s.state)), [shown]);
  const facilities = useMemo(() => {
    const m = new Map<string, string>();
    for (const s of data.stations) m.set(s.facilityCode, s.facilityName);
    return [...m].sort((a, b) => a[1].localeCompare(b[1], 'vi'));
  }, [data.stations]);
  const set = <K extends keyof MapFilters>(k: K, v: MapFilters[K]) => setFilters((f) => ({ ...f, [k]: v }));
  const filtered = filters.kind !== '' || filters.facility !== '' || filters.state !== '' || filters.q !== '';

  return (
    <>
      <div className="toolbar map-filters" data-testid="map-filters">
        <input
          className="input"
          type="search"
          value={filters.q}
          onChange={(e) => set('q', e.target.value)}
          placeholder={tm('filterSearch')}
          aria-label={tm('filterSearch')}
        />
        <Select
          aria-label={tm('filterKind')}
          value={filters.kind}
          onChange={(e) => set('kind', e.target.value as MapFilters['kind'])}
          empty={tm('allKinds')}
          options={STATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <Select
          aria-label={tm('filterFacility')}
          value={filters.facility}
          onChange={(e) => set('facility', e.target.value)}
          empty={tm('allFacilities')}
          options={facilities.map(([code, name]) => ({ value: code, label: name }))}
        />
        <Select
          aria-label={tm('filterState')}
          value={filters.state}
          onChange={(e) => set('state', e.target.value as MapFilters['state'])}
          empty={tm('allStates')}
          options={STATION_STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))}
        />
        {filtered && (
          <button type="button" className="btn" onClick={() => setFilters(NO_FILTERS)}>
            {tm('clearFilters')}
          </button>
        )}
        <span className="muted small" data-testid="map-shown-count" style={{ whiteSpace: 'nowrap' }}>
          {tm('shownCount', { shown: shown.length, total: data.stations.length })}
        </span>
      </div>
      <div className="map-layout">
        <div className="map-frame" data-testid="station-map">
          <StationMap stations={shown} colors={data.colors} tileUrl={tileUrl} tileAttribution={tileAttribution} locale={locale === 'en' ? 'en' : 'vi'} mode={mode} aqi={aqi} />
        </div>
        <aside className="panel legend" aria-label={t('map.legend')} data-color-mode={mode}>
          {loadAqi && (
            <div style={{ marginBottom: 10 }}>
              <MapModeToggle mode={mode} onChange={setMode} />
              {mode === 'aqi' && loadAqi24 && <MapWhenToggle when={when} onChange={setWhen} />}
              {mode === 'aqi' && (
                <p className="small muted" style={{ margin: '6px 0 0' }} data-testid="aqi-coloured-count">
                  {aqiQuery.isSuccess ? t2('aqiColoured', { count: shown.filter((s) => aqi[s.code]).length }) : t('common.loading')}
                  <br />
                  {t2('aqiLegendNote')}
                </p>
              )}
            </div>
          )}
          <h3>{t('map.legend')}</h3>
          <ul>
            {STATION_STATES.map((s) => (
              <li key={s} className={counts[s] === 0 ? 'zero' : undefined} data-legend-state={s}>
                <button
                  type="button"
                  className="legend-item"
                  aria-pressed={filters.state === s}
                  title={tm('filterByState')}
                  onClick={() => set('state', filters.state === s ? '' : s)}
                  style={{ all: 'unset', cursor: 'pointer', display: 'contents' }}
                >
                  <span data-shape={STATE_SHAPES[s]} style={{ ...shapeStyle(STATE_SHAPES[s], data.colors[s]), display: 'inline-block', width: 12, height: 12, flex: 'none' }} aria-hidden />
                  <span>{t(`states.${s}`)}</span>
                  <span className="count">{counts[s]}</span>
                </button>
              </li>
            ))}
          </ul>
          <p className="small muted" style={{ marginBottom: 0 }}>
            {t('map.total', { count: shown.length })}
            <br />
            {t('common.updatedAt', { time: formatTime(data.generatedAt) })}
            <br />
            {t('map.refreshNote')}
          </p>
          {(query.isError || aqiQuery.isError) && !unauthorized && (
            <p className="form-error small" role="status">
              {t('common.loadError')}
            </p>
          )}
          {data.stations.length === 0 && <p className="muted">{t('map.noStations')}</p>}
        </aside>
      </div>
    </>
  );
}
