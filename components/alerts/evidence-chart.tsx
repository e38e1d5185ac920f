'use client';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  CHART_GRID_COLOR,
  CHART_LIMIT_COLOR as LIMIT,
  CHART_LINE_COLOR as LINE,
  limitLines,
  valueTooltipFormatter,
  valueYAxisProps,
} from '@/components/charts/value-chart-parts';
import { formatNumber, type DisplayLocale } from '@/lib/domain/format';
import { DAY_MS, formatDateTime, formatTime, HOUR_MS } from '@/lib/domain/time';
import styles from './alerts.module.css';

export type EvidenceChartPoint = { t: number; v: number; flagged: boolean; exceeding: boolean };

const AVERAGE = '#1e4f91';
const FLAGGED = '#F08432';

function ticks(from: number, to: number): number[] {
  const span = to - from;
  const step = (span > 4 * DAY_MS ? 24 : span > 36 * HOUR_MS ? 6 : span > 12 * HOUR_MS ? 3 : 1) * HOUR_MS;
  const out: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) out.push(t);
  return out;
}

type DotProps = { cx?: number; cy?: number; index?: number; payload?: EvidenceChartPoint };

/**
 * The evidence of one alert: raw readings over the window, the limit line(s), the period's average as a segment over
 * the period, and a mark on every flagged (invalid or suspect) or exceeding reading.
 */
export function EvidenceChart({
  points,
  from,
  to,
  unit,
  decimals,
  limitMax,
  limitMin,
  average,
  periodStart,
  periodEnd,
  locale,
  labels,
}: {
  points: EvidenceChartPoint[];
  from: number;
  to: number;
  unit: string;
  decimals: number;
  limitMax: number | null;
  limitMin: number | null;
  average: number | null;
  periodStart: number | null;
  periodEnd: number | null;
  locale: DisplayLocale;
  labels: {
    title: string;
    empty: string;
    value: string;
    limit: string;
    average: string;
    flagged: string;
    exceeding: string;
    period: string;
  };
}) {
  const fmt = (v: number) => formatNumber(v, decimals, locale);
  const dot = ({ cx, cy, index, payload }: DotProps) => {
    if (cx == null || cy == null || !payload || (!payload.flagged && !payload.exceeding))
      return <g key={`d${index}`} />;
    return (
      <circle
        key={`d${index}`}
        cx={cx}
        cy={cy}
        r={3.5}
        fill={payload.flagged ? FLAGGED : LIMIT}
        stroke="#fff"
        strokeWidth={1}
        className={payload.flagged ? 'evidence-flagged' : 'evidence-exceeding'}
      />
    );
  };
  return (
    <figure className="chart-card" style={{ margin: 0 }} data-testid="evidence-chart">
      <figcaption>
        <h3>
          {labels.title} {unit && <span className="muted small">({unit})</span>}
        </h3>
      </figcaption>
      <div className={styles.chartBox}>
        {points.length === 0 ? (
          <div className="empty">{labels.empty}</div>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={points} margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
              <CartesianGrid stroke={CHART_GRID_COLOR} />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={[from, to]}
                ticks={ticks(from, to)}
                tickFormatter={(v: number) =>
                  to - from > 36 * HOUR_MS ? formatDateTime(v).slice(0, 5) + ' ' + formatTime(v) : formatTime(v)
                }
                tick={{ fontSize: 11 }}
                minTickGap={24}
              />
              <YAxis {...valueYAxisProps(decimals, locale, 11, 60)} />
              <Tooltip
                labelFormatter={(v) => formatDateTime(Number(v))}
                formatter={valueTooltipFormatter(fmt, unit, labels.value)}
              />
              {periodStart != null && periodEnd != null && (
                <ReferenceArea
                  x1={periodStart}
                  x2={periodEnd}
                  fill="#1e4f91"
                  fillOpacity={0.06}
                  ifOverflow="hidden"
                  className="evidence-period"
                />
              )}
              {limitLines({
                max: limitMax,
                min: limitMin,
                label: labels.limit,
                format: fmt,
                className: 'evidence-limit-line',
                fontSize: 11,
              })}
              {average != null && periodStart != null && periodEnd != null && (
                <ReferenceLine
                  segment={[
                    { x: periodStart, y: average },
                    { x: periodEnd, y: average },
                  ]}
                  stroke={AVERAGE}
                  strokeWidth={2}
                  ifOverflow="extendDomain"
                  className="evidence-average-line"
                  label={{
                    value: `${labels.average} ${fmt(average)}`,
                    position: 'insideTopLeft',
                    fill: AVERAGE,
                    fontSize: 11,
                  }}
                />
              )}
              <Line
                type="linear"
                dataKey="v"
                stroke={LINE}
                strokeWidth={1.5}
                dot={dot}
                activeDot={{ r: 4 }}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
      <div className={styles.legend}>
        <span>
          <span className={styles.swatchDot} style={{ background: LINE }} /> {labels.value}
        </span>
        {(limitMax != null || limitMin != null) && (
          <span style={{ color: LIMIT }}>
            <span className={styles.swatchLine} /> {labels.limit}
          </span>
        )}
        {average != null && (
          <span style={{ color: AVERAGE }}>
            <span className={styles.swatchLine} /> {labels.average}
          </span>
        )}
        <span>
          <span className={styles.swatchDot} style={{ background: LIMIT }} /> {labels.exceeding}
        </span>
        <span>
          <span className={styles.swatchDot} style={{ background: FLAGGED }} /> {labels.flagged}
        </span>
        {periodStart != null && periodEnd != null && (
          <span>
            <span className={styles.swatchDot} style={{ background: 'rgba(30,79,145,0.15)', borderRadius: 2 }} />{' '}
            {labels.period}
          </span>
        )}
      </div>
    </figure>
  );
}
