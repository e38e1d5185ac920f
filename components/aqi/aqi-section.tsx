'use client';
import { useLocale, useTranslations } from 'next-intl';
import { formatNumber } from '@/lib/domain/format';
import { formatDate, formatDateTime, formatTime } from '@/lib/domain/time';
import { parameterName } from '@/lib/domain/parameters';
import { BandLegend } from './band-legend';
import { findBandView, textOn } from './bands';
import { IndexBars } from './index-bars';
import type { StationIndexViewProps } from './types';

/** Short label of a sub-index key: pollutant codes through the parameter registry (PM25 → PM2.5). */
export function indexParameterName(code: string, locale: 'vi' | 'en'): string {
  return code === 'PH' ? 'pH' : parameterName(code, locale);
}

/** Current value (band colour, category, dominant pollutant, advice) and hourly/daily history coloured by band. */
export function AqiSection({ view }: { view: StationIndexViewProps }) {
  const t = useTranslations('aqi');
  const locale = useLocale() === 'en' ? 'en' : 'vi';
  const { index, current } = view;
  const band = current ? findBandView(index, current.category, locale) : null;
  const max = index === 'wqi' ? 100 : undefined;
  const name = (category: string) => findBandView(index, category, locale)?.name ?? '';
  return (
    <section className="panel" data-testid={`${index}-section`} style={{ margin: '16px 0' }}>
      <h2 style={{ marginTop: 0 }}>{index === 'aqi' ? t('title') : t('wqiTitle')}</h2>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'stretch' }}>
        <div style={{ minWidth: 220, flex: '0 0 auto' }} data-testid={`${index}-current`}>
          <div className="small muted">{t('current')}</div>
          {current && band ? (
            <>
              <div
                data-value={current.value}
                data-category={current.category}
                style={{ background: current.color, color: textOn(current.color), borderRadius: 8, padding: '10px 14px', margin: '4px 0' }}
              >
                <div style={{ fontSize: 36, fontWeight: 700, lineHeight: 1 }}>{current.value}</div>
                <div style={{ fontWeight: 600 }}>{band.name}</div>
              </div>
              <div className="small muted">{t('currentAt', { time: formatDateTime(current.t) })}</div>
              {current.dominant && (
                <div className="small" data-testid="aqi-dominant">
                  {t('dominant')}: <strong>{indexParameterName(current.dominant, locale)}</strong>
                </div>
              )}
              <div className="small" style={{ maxWidth: 320, marginTop: 6 }}>
                <strong>{index === 'aqi' ? t('advice') : t('use')}:</strong> {band.advice}
              </div>
              <table className="data small" style={{ marginTop: 6 }}>
                <tbody>
                  {Object.entries(current.subIndices).map(([k, v]) => (
                    <tr key={k}>
                      <td>{indexParameterName(k, locale)}</td>
                      <td className="num">{formatNumber(v, 1, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <div className="empty small muted">{t('noCurrent')}</div>
          )}
        </div>
        <div style={{ flex: '1 1 420px', minWidth: 300 }}>
          <h3 style={{ margin: '0 0 4px' }}>{t('hourly')}</h3>
          <IndexBars
            testId={`${index}-hourly-chart`}
            points={view.hourly.map((p) => ({ x: p.t, value: p.value, color: p.color, name: name(p.category) }))}
            label={(x) => (typeof x === 'number' ? `${formatDate(x).slice(0, 5)} ${formatTime(x)}` : String(x))}
            max={max}
            emptyText={t('noData')}
          />
          <h3 style={{ margin: '10px 0 4px' }}>{t('daily')}</h3>
          <IndexBars
            testId={`${index}-daily-chart`}
            points={view.daily.map((p) => ({ x: p.day, value: p.value, color: p.color, name: name(p.category) }))}
            label={(x) => (typeof x === 'string' ? `${x.slice(8, 10)}/${x.slice(5, 7)}` : String(x))}
            max={max}
            emptyText={t('noData')}
          />
        </div>
      </div>
      <div style={{ marginTop: 12 }}>
        <BandLegend index={index} locale={locale} title={index === 'aqi' ? t('legend') : t('wqiLegend')} showAdvice={false} />
        <p className="small muted" style={{ marginBottom: 0 }}>
          {index === 'aqi' ? t('method') : t('wqiMethod')}
        </p>
      </div>
    </section>
  );
}
