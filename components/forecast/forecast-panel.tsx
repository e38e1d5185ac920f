'use client';
import { useLocale, useTranslations } from 'next-intl';
import { formatNumber } from '@/lib/domain/format';
import { parameterName } from '@/lib/domain/parameters';
import { formatDate, formatDateTime, formatTime } from '@/lib/domain/time';
import { findBandView, textOn } from '@/components/aqi/bands';
import type { ForecastPanelView } from '@/lib/dto/forecast';

const W = 900;
const H = 260;
const PAD = { l: 48, r: 24, t: 12, b: 28 };

/** The last 48 h measured, then the forecast with its 80 % band after "now", and the skill measured from the archive. */
export function ForecastPanel({ view }: { view: ForecastPanelView | null }) {
  const t = useTranslations('forecast');
  const locale = useLocale() === 'en' ? 'en' : 'vi';
  if (!view) {
    return (
      <section className="panel" data-testid="forecast-panel" style={{ margin: '16px 0' }}>
        <p className="muted small">{t('none')}</p>
      </section>
    );
  }
  const { observed, items, skill } = view;
  const t0 = Math.min(observed[0]?.t ?? view.basedOn, view.basedOn);
  const t1 = items.at(-1)?.t ?? view.basedOn;
  const ymax = Math.max(1, ...observed.map((o) => o.v), ...items.map((i) => i.upper)) * 1.05;
  const x = (tm: number) => PAD.l + ((tm - t0) / Math.max(1, t1 - t0)) * (W - PAD.l - PAD.r);
  const y = (v: number) => H - PAD.b - (v / ymax) * (H - PAD.t - PAD.b);
  const path = (pts: { t: number; v: number }[]) => pts.map((p, i) => `${i ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join('');
  const band =
    items.length > 0
      ? `${items.map((it, i) => `${i ? 'L' : 'M'}${x(it.t).toFixed(1)},${y(it.upper).toFixed(1)}`).join('')}` +
        `${[...items].reverse().map((it) => `L${x(it.t).toFixed(1)},${y(it.lower).toFixed(1)}`).join('')}Z`
      : '';
  const last = observed.at(-1);
  const fc = [...(last ? [{ t: last.t, v: last.v }] : []), ...items.map((it) => ({ t: it.t, v: it.value }))];
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * ymax);
  const dayTicks: number[] = [];
  for (let tm = Math.ceil(t0 / 21_600_000) * 21_600_000; tm <= t1; tm += 21_600_000) dayTicks.push(tm);
  const name = parameterName(view.parameter, locale);
  const nf = (v: number | null) => formatNumber(v, 1, locale);
  const tomorrowBand = view.tomorrow ? findBandView('aqi', view.tomorrow.category, locale) : null;
  return (
    <section className="panel" data-testid="forecast-panel" data-method={view.method} style={{ margin: '16px 0' }}>
      <h2 style={{ marginTop: 0 }}>{t('title', { parameter: name })}</h2>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <div style={{ flex: '1 1 520px', minWidth: 0 }}>
          <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t('title', { parameter: name })} style={{ display: 'block' }}>
            {ticks.map((v) => (
              <g key={v}>
                <line x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} stroke="#e5e7eb" />
                <text x={PAD.l - 6} y={y(v) + 4} fontSize="11" textAnchor="end" fill="#6b7280">
                  {formatNumber(v, 0, locale)}
                </text>
              </g>
            ))}
            {dayTicks.map((tm) => (
              <text key={tm} x={x(tm)} y={H - 8} fontSize="11" textAnchor="middle" fill="#6b7280">
                {formatTime(tm) === '00:00' ? formatDate(tm).slice(0, 5) : formatTime(tm)}
              </text>
            ))}
            <path d={band} fill="#60a5fa" fillOpacity={0.25} stroke="none" data-testid="forecast-band" />
            <path d={path(observed.map((o) => ({ t: o.t, v: o.v })))} fill="none" stroke="#111827" strokeWidth={1.5} />
            <path d={path(fc)} fill="none" stroke="#2563eb" strokeWidth={1.5} strokeDasharray="5 3" />
            <line x1={x(view.basedOn)} x2={x(view.basedOn)} y1={PAD.t} y2={H - PAD.b} stroke="#9ca3af" strokeDasharray="2 2" />
            <text x={x(view.basedOn) + 4} y={PAD.t + 10} fontSize="11" fill="#374151">
              {t('now')}
            </text>
          </svg>
          <div className="small" style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
            <span>
              <span style={{ display: 'inline-block', width: 18, borderTop: '2px solid #111827', verticalAlign: 'middle' }} /> {t('observed')} ({view.unit})
            </span>
            <span>
              <span style={{ display: 'inline-block', width: 18, borderTop: '2px dashed #2563eb', verticalAlign: 'middle' }} /> {t('forecast')}
            </span>
            <span>
              <span style={{ display: 'inline-block', width: 18, height: 10, background: '#60a5fa55', verticalAlign: 'middle' }} /> {t('interval')}
            </span>
          </div>
        </div>
        {view.tomorrow && tomorrowBand && (
          <div style={{ flex: '0 0 auto', minWidth: 180 }} data-testid="forecast-tomorrow" data-category={view.tomorrow.category}>
            <div className="small muted">{t('tomorrow')}</div>
            <div style={{ background: view.tomorrow.color, color: textOn(view.tomorrow.color), borderRadius: 8, padding: '10px 14px', margin: '4px 0' }}>
              <div style={{ fontSize: 32, fontWeight: 700, lineHeight: 1 }}>{view.tomorrow.aqi}</div>
              <div style={{ fontWeight: 600 }}>{tomorrowBand.name}</div>
            </div>
          </div>
        )}
      </div>
      <p className="small" data-testid="forecast-skill" style={{ marginBottom: 4 }}>
        {skill.mae != null
          ? t('skill', {
              hours: skill.horizonHours,
              origins: skill.origins,
              mae: nf(skill.mae),
              unit: view.unit,
              persistence: nf(skill.maePersistence),
              seasonal: nf(skill.maeSeasonal),
              coverage: `${formatNumber((skill.coverage ?? 0) * 100, 0, locale)} %`,
            })
          : t('noSkill')}
      </p>
      <p className="small muted" style={{ margin: 0 }}>
        {t('basedOn', { time: formatDateTime(view.basedOn) })} · {t('method', { method: view.method === 'persistence' ? t('methodPersistence') : t('methodModel') })}
      </p>
    </section>
  );
}
