'use client';
import Link from 'next/link';
import { TomorrowBadge } from '@/components/forecast/tomorrow-badge';
import dynamic from 'next/dynamic';
import { useLocale, useTranslations } from 'next-intl';
import { indexParameterName } from '@/components/aqi/aqi-section';
import { BandLegend } from '@/components/aqi/band-legend';
import { findBandView, textOn } from '@/components/aqi/bands';
import { LocaleSwitch } from '@/components/shell/locale-switch';
import { formatDateTime, formatTime } from '@/lib/domain/time';
import type { PublicDataView, PublicStationView } from './types';

// Leaflet touches `window` on import: the map renders in the browser only.
const PublicMap = dynamic(() => import('./public-map'), { ssr: false, loading: () => <div className="map-placeholder" /> });

const HOUR_MS = 3_600_000;

/** 24 hourly bars (oldest left), each coloured by its band; an hour without a value leaves a gap. */
function Last24({ station, until }: { station: PublicStationView; until: number }) {
  const end = Math.floor(until / HOUR_MS) * HOUR_MS;
  const byHour = new Map(station.last24.map((p) => [p.t, p]));
  const top = station.index === 'wqi' ? 100 : Math.max(100, ...station.last24.map((p) => p.value));
  return (
    <div
      data-testid="last24"
      style={{ display: 'flex', alignItems: 'flex-end', gap: 2, height: 48, borderBottom: '1px solid #ccd', padding: '0 2px' }}
      aria-hidden
    >
      {Array.from({ length: 24 }, (_, i) => end - (23 - i) * HOUR_MS).map((t) => {
        const p = byHour.get(t);
        return (
          <div
            key={t}
            title={p ? `${formatTime(t)} · ${p.value}` : formatTime(t)}
            data-bar={p ? p.value : ''}
            style={{ flex: 1, height: p ? `${Math.max(6, (p.value / top) * 100)}%` : 0, background: p?.color ?? 'transparent' }}
          />
        );
      })}
    </div>
  );
}

function StationCard({ s, locale, until }: { s: PublicStationView; locale: 'vi' | 'en'; until: number }) {
  const t = useTranslations('aqi');
  const band = s.current ? findBandView(s.index, s.current.category, locale) : null;
  return (
    <li className="panel" data-public-station={s.code} data-kind={s.kind} style={{ listStyle: 'none', display: 'flex', gap: 14, flexWrap: 'wrap' }}>
      <div
        data-testid="public-index"
        data-value={s.current?.value ?? ''}
        data-color={s.current?.color ?? ''}
        style={{
          width: 92,
          minHeight: 72,
          borderRadius: 8,
          background: s.current?.color ?? '#e3e6e4',
          color: s.current ? textOn(s.current.color) : '#555',
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'center',
          justifyContent: 'center',
          textAlign: 'center',
          padding: 4,
        }}
      >
        <div className="small">{s.index === 'aqi' ? 'AQI' : 'WQI'}</div>
        <div style={{ fontSize: 30, fontWeight: 700, lineHeight: 1 }}>{s.current ? s.current.value : '–'}</div>
        {band && <div className="small" style={{ fontWeight: 600 }}>{band.name}</div>}
      </div>
      <div style={{ flex: '1 1 260px', minWidth: 0 }}>
        <h3 style={{ margin: '0 0 2px' }}>{s.name}</h3>
        {s.current && band ? (
          <>
            <div className="small muted">{t('currentAt', { time: formatDateTime(s.current.t) })}</div>
            {s.current.dominant && (
              <div className="small">
                {t('dominant')}: <strong data-testid="public-dominant">{indexParameterName(s.current.dominant, locale)}</strong>
              </div>
            )}
            <p className="small" style={{ margin: '4px 0' }} data-testid="public-advice">
              <strong>{s.index === 'aqi' ? t('advice') : t('use')}:</strong> {band.advice}
            </p>
          </>
        ) : (
          <p className="small muted">{t('noData')}</p>
        )}
        <TomorrowBadge tomorrow={s.tomorrow} />
        <div className="small muted">{t('last24h')}</div>
        <Last24 station={s} until={until} />
      </div>
    </li>
  );
}

/** The public air/water quality page: map, station list with advice and the last 24 hours, legend; language switch. */
export function PublicView({ data, tileUrl }: { data: PublicDataView; tileUrl?: string }) {
  const t = useTranslations('aqi');
  const tc = useTranslations('common');
  const locale = useLocale() === 'en' ? 'en' : 'vi';
  const air = data.stations.filter((s) => s.index === 'aqi');
  const rivers = data.stations.filter((s) => s.index === 'wqi');
  return (
    <main className="public-page" style={{ maxWidth: 1100, margin: '24px auto' }} data-testid="public-page">
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <div>
          <p className="muted" style={{ margin: 0 }}>
            {tc('appName')} · {tc('department')}
          </p>
          <h1 style={{ margin: '4px 0' }}>{t('publicTitle')}</h1>
        </div>
        <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
          <LocaleSwitch />
          <Link href="/login" className="small">
            {t('staffLogin')}
          </Link>
        </div>
      </header>
      <p>{t('publicIntro')}</p>
      <p className="small muted" data-testid="public-delay">
        {t('delayNote', { minutes: data.delayMinutes, time: formatDateTime(data.publishedUntil) })}
      </p>
      <section aria-label={t('map')} className="panel" style={{ height: 420, padding: 0, overflow: 'hidden' }} data-testid="public-map">
        <PublicMap stations={data.stations} tileUrl={tileUrl} />
      </section>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)', gap: 16, marginTop: 16 }} className="public-grid">
        <div>
          <h2>{t('airStations')}</h2>
          {air.length === 0 && <p className="muted">{t('noData')}</p>}
          <ul style={{ padding: 0, margin: 0 }}>
            {air.map((s) => (
              <StationCard key={s.code} s={s} locale={locale} until={data.publishedUntil} />
            ))}
          </ul>
          {rivers.length > 0 && (
            <>
              <h2>{t('riverStations')}</h2>
              <ul style={{ padding: 0, margin: 0 }}>
                {rivers.map((s) => (
                  <StationCard key={s.code} s={s} locale={locale} until={data.publishedUntil} />
                ))}
              </ul>
            </>
          )}
        </div>
        <aside>
          <div className="panel">
            <BandLegend index="aqi" locale={locale} title={t('legend')} />
          </div>
          {rivers.length > 0 && (
            <div className="panel">
              <BandLegend index="wqi" locale={locale} title={t('wqiLegend')} />
            </div>
          )}
        </aside>
      </div>
    </main>
  );
}
