'use client';
import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber, type DisplayLocale } from '@/lib/domain/format';
import { formatDate, formatDateTime, formatTime } from '@/lib/domain/time';

export type ChartPoint = { t: number; v: number | null; lo?: number | null; hi?: number | null };
export type ChartMark = { t: number; v: number; f: number };
/** A shaded period; `parameters` (overlays) limits it to those parameters, empty or absent = all. */
export type ChartPeriodView = { start: number; end: number; kind: 'calibrating' | 'device_error' | 'offline' | 'overlay'; parameters?: string[]; note?: string };
export type ValueBandView = { from: number; to: number };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const LIMIT_COLOR = '#EA3223';
const APPROACHING_COLOR = '#F08432';
export const LIMIT_LINE_COLOR = LIMIT_COLOR;
export const APPROACHING_BAND_COLOR = APPROACHING_COLOR;
export const MARK_COLORS: Record<3 | 4, string> = { 3: '#F5B700', 4: '#C0392B' };
const markColor = (f: number | undefined) => (f === 4 ? MARK_COLORS[4] : MARK_COLORS[3]);

/** Whether a shaded period applies to this parameter's chart. */
export function periodApplies(p: ChartPeriodView, parameter: string | undefined): boolean {
  return !p.parameters || p.parameters.length === 0 || parameter === undefined || p.parameters.includes(parameter);
}
export const PERIOD_COLORS: Record<ChartPeriodView['kind'], string> = {
  calibrating: '#8E44AD',
  device_error: '#FF7E00',
  offline: '#999999',
  overlay: '#2C7BE5',
};

/** Tick positions on whole hours or local midnights depending on the span. */
function ticksFor(from: number, to: number): number[] {
  const span = to - from;
  const step = span <= 2 * DAY_MS ? 3 * HOUR_MS : span <= 8 * DAY_MS ? DAY_MS : span <= 40 * DAY_MS ? 5 * DAY_MS : 30 * DAY_MS;
  const offset = 7 * HOUR_MS;
  const ticks: number[] = [];
  for (let t = Math.ceil((from + offset) / step) * step - offset; t <= to; t += step) ticks.push(t);
  return ticks;
}

/**
 * One parameter over a window: the values (raw or averages), limit line(s) (min and max for a range like pH), the
 * approaching band(s), dots on suspect (yellow) and failed (red) readings, and shaded calibration / error / offline /
 * operator-invalidation periods.
 */
export function ParameterChart({
  title,
  parameter,
  unit,
  decimals,
  points,
  marks = [],
  periods = [],
  from,
  to,
  limitMin,
  limitMax,
  approachingBands = [],
  locale,
  emptyText,
  labels,
}: {
  title: string;
  parameter?: string;
  unit: string;
  decimals: number;
  points: ChartPoint[];
  marks?: ChartMark[];
  periods?: ChartPeriodView[];
  from: number;
  to: number;
  limitMin: number | null;
  limitMax: number | null;
  approachingBands?: ValueBandView[];
  locale: DisplayLocale;
  emptyText: string;
  labels?: { limit: string; limitMin?: string; approaching: string };
}) {
  const unitLabel = unit === '-' ? '' : unit;
  const long = to - from > 2 * DAY_MS;
  const shaded = periods.filter((p) => periodApplies(p, parameter));
  return (
    <figure
      className="chart-card"
      style={{ margin: 0 }}
      data-chart={title}
      data-parameter={parameter}
      data-points={points.length}
      data-marks={marks.length}
      data-periods={shaded.map((p) => p.kind).join(' ')}
      data-limit-min={limitMin ?? undefined}
      data-limit-max={limitMax ?? undefined}
    >
      <figcaption>
        <h3>
          {title} {unitLabel && <span className="muted small">({unitLabel})</span>}
        </h3>
      </figcaption>
      <div className="chart-box">
        {points.length === 0 ? (
          <div className="empty">{emptyText}</div>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={points} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
              <CartesianGrid stroke="#eef1f4" />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={[from, to]}
                ticks={ticksFor(from, to)}
                tickFormatter={(v: number) => (long ? formatDate(v).slice(0, 5) : formatTime(v))}
                tick={{ fontSize: 11 }}
                minTickGap={28}
                allowDataOverflow
              />
              <YAxis
                tickFormatter={(v: number) => formatNumber(v, Math.min(decimals, 2), locale)}
                tick={{ fontSize: 11 }}
                width={56}
                domain={['auto', 'auto']}
              />
              <Tooltip
                labelFormatter={(v) => formatDateTime(Number(v))}
                formatter={(v) => [`${formatNumber(Number(v), decimals, locale)} ${unitLabel}`.trim(), title]}
              />
              {shaded.map((p, i) => (
                <ReferenceArea
                  key={`${p.kind}-${i}`}
                  x1={Math.max(from, p.start)}
                  x2={Math.min(to, p.end)}
                  fill={PERIOD_COLORS[p.kind]}
                  fillOpacity={0.15}
                  strokeOpacity={0}
                  ifOverflow="hidden"
                  className={`chart-period chart-period-${p.kind}`}
                />
              ))}
              {approachingBands.map((b, i) => (
                <ReferenceArea
                  key={`band-${i}`}
                  y1={b.from}
                  y2={b.to}
                  fill={APPROACHING_COLOR}
                  fillOpacity={0.12}
                  strokeOpacity={0}
                  ifOverflow="extendDomain"
                  className="chart-approaching-band"
                />
              ))}
              {limitMax != null && (
                <ReferenceLine
                  y={limitMax}
                  stroke={LIMIT_COLOR}
                  strokeDasharray="4 4"
                  ifOverflow="extendDomain"
                  className="chart-limit-line chart-limit-max"
                  label={labels ? { value: labels.limit, position: 'insideTopRight', fontSize: 10, fill: LIMIT_COLOR } : undefined}
                />
              )}
              {limitMin != null && (
                <ReferenceLine
                  y={limitMin}
                  stroke={LIMIT_COLOR}
                  strokeDasharray="4 4"
                  ifOverflow="extendDomain"
                  className="chart-limit-line chart-limit-min"
                  label={labels ? { value: labels.limitMin ?? labels.limit, position: 'insideBottomRight', fontSize: 10, fill: LIMIT_COLOR } : undefined}
                />
              )}
              <Line type="linear" dataKey="v" stroke="#0b6e4f" strokeWidth={1.4} dot={false} isAnimationActive={false} connectNulls={false} />
              {marks.length > 0 && (
                <Scatter
                  data={marks}
                  dataKey="v"
                  isAnimationActive={false}
                  shape={(props: { cx?: number; cy?: number; payload?: ChartMark }) => (
                    <circle cx={props.cx} cy={props.cy} r={3} fill={markColor(props.payload?.f)} className={`chart-mark chart-mark-${props.payload?.f ?? 3}`} />
                  )}
                />
              )}
            </ComposedChart>
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}
