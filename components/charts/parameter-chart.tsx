'use client';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDateTime, formatNumber, formatTime, type DisplayLocale } from '@/lib/domain/format';

export type ChartPoint = { t: number; v: number };

const HOUR_MS = 3_600_000;

/** Ticks on whole hours (UTC+7 has whole-hour offsets), every `stepHours`, inside [from, to]. */
function hourTicks(from: number, to: number, stepHours: number): number[] {
  const ticks: number[] = [];
  const step = stepHours * HOUR_MS;
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}

/** One parameter's raw readings over a window; the limit lines show where the station's limits lie. */
export function ParameterChart({
  title,
  unit,
  decimals,
  points,
  from,
  to,
  limitMin,
  limitMax,
  locale,
  emptyText,
}: {
  title: string;
  unit: string;
  decimals: number;
  points: ChartPoint[];
  from: number;
  to: number;
  limitMin: number | null;
  limitMax: number | null;
  locale: DisplayLocale;
  emptyText: string;
}) {
  const unitLabel = unit === '-' ? '' : unit;
  return (
    <figure className="chart-card" style={{ margin: 0 }} data-chart={title}>
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
            <LineChart data={points} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
              <CartesianGrid stroke="#eef1f4" />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={[from, to]}
                ticks={hourTicks(from, to, to - from > 12 * HOUR_MS ? 3 : 1)}
                tickFormatter={(v: number) => formatTime(v)}
                tick={{ fontSize: 11 }}
                minTickGap={28}
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
              {limitMax != null && <ReferenceLine y={limitMax} stroke="#EA3223" strokeDasharray="4 4" ifOverflow="extendDomain" />}
              {limitMin != null && <ReferenceLine y={limitMin} stroke="#EA3223" strokeDasharray="4 4" ifOverflow="extendDomain" />}
              <Line type="linear" dataKey="v" stroke="#0b6e4f" strokeWidth={1.6} dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}
