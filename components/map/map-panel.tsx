'use client';
import { useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { formatTime } from '@/lib/domain/format';
import { STATE_COLORS, STATION_STATES, type StationState } from '@/lib/domain/station-status';
import type { MapLoadResult, MapView } from './types';

// Leaflet touches `window` on import: the map itself only ever renders in the browser.
const StationMap = dynamic(() => import('./station-map'), {
  ssr: false,
  loading: () => <MapPlaceholder />,
});

function MapPlaceholder() {
  const t = useTranslations('common');
  return <div className="map-placeholder">{t('loading')}</div>;
}

/** States the current rules can produce; others appear in the legend only once a station is in them. */
const ALWAYS_SHOWN: readonly StationState[] = ['good', 'offline', 'not_in_use'];
const REFRESH_MS = 30_000;

export function MapPanel({
  initial,
  load,
  tileUrl,
}: {
  initial: MapView;
  load: () => Promise<MapLoadResult>;
  tileUrl?: string;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
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
  const data = query.data;
  const unauthorized = query.error?.message === 'UNAUTHORIZED';

  useEffect(() => {
    if (unauthorized) router.replace('/login');
  }, [unauthorized, router]);

  const shown = STATION_STATES.filter((s) => ALWAYS_SHOWN.includes(s) || data.counts[s] > 0);

  return (
    <div className="map-layout">
      <div className="map-frame" data-testid="station-map">
        <StationMap stations={data.stations} tileUrl={tileUrl} locale={locale === 'en' ? 'en' : 'vi'} />
      </div>
      <aside className="panel legend" aria-label={t('map.legend')}>
        <h3>{t('map.legend')}</h3>
        <ul>
          {shown.map((s) => (
            <li key={s} className={data.counts[s] === 0 ? 'zero' : undefined} data-legend-state={s}>
              <span className="badge-dot" style={{ background: STATE_COLORS[s] }} aria-hidden />
              <span>{t(`states.${s}`)}</span>
              <span className="count">{data.counts[s]}</span>
            </li>
          ))}
        </ul>
        <p className="small muted" style={{ marginBottom: 0 }}>
          {t('map.total', { count: data.stations.length })}
          <br />
          {t('common.updatedAt', { time: formatTime(data.generatedAt) })}
          <br />
          {t('map.refreshNote')}
        </p>
        {query.isError && !unauthorized && (
          <p className="form-error small" role="status">
            {t('common.loadError')}
          </p>
        )}
        {data.stations.length === 0 && <p className="muted">{t('map.noStations')}</p>}
      </aside>
    </div>
  );
}
