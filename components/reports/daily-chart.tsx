'use client';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber, type DisplayLocale } from '@/lib/domain/format';
import styles from './reports.module.css';

export type DailyChartPoint = { day: string; value: number | null };

const LINE = '#0b6e4f';
const LIMIT = '#EA3223';

/**
 * Daily means of one parameter over a month with the limit line(s). `fixedWidth` draws at a fixed size (print / PDF:
 * no ResizeObserver measuring, so the chart is there on the first paint).
 */
export function DailyChart({
  title,
  points,
  unit,
  decimals,
  limitMax,
  limitMin,
  locale,
  labels,
  fixedWidth,
}: {
  title: string;
  points: DailyChartPoint[];
  unit: string;
  decimals: number;
  limitMax: number | null;
  limitMin: number | null;
  locale: DisplayLocale;
  labels: { mean: string; limit: string };
  fixedWidth?: number;
}) {
  const fmt = (v: number) => formatNumber(v, decimals, locale);
  const data = points.map((p) => ({ d: p.day.slice(8, 10), v: p.value }));
  const chart = (
    <LineChart
      data={data}
      width={fixedWidth}
      height={fixedWidth ? 220 : undefined}
      margin={{ top: 14, right: 18, bottom: 2, left: 0 }}
    >
      <CartesianGrid stroke="#eef1f4" />
      <XAxis dataKey="d" tick={{ fontSize: 10 }} interval={fixedWidth ? 1 : 'preserveStartEnd'} />
      <YAxis
        tickFormatter={(v: number) => formatNumber(v, Math.min(decimals, 2), locale)}
        tick={{ fontSize: 10 }}
        width={56}
        domain={['auto', 'auto']}
      />
      {!fixedWidth && <Tooltip formatter={(v) => [`${fmt(Number(v))} ${unit}`.trim(), labels.mean]} />}
      {limitMax != null && (
        <ReferenceLine
          y={limitMax}
          stroke={LIMIT}
          strokeDasharray="6 4"
          strokeWidth={1.5}
          ifOverflow="extendDomain"
          className="monthly-limit-line"
          label={{ value: `${labels.limit} ${fmt(limitMax)}`, position: 'insideTopRight', fill: LIMIT, fontSize: 10 }}
        />
      )}
      {limitMin != null && (
        <ReferenceLine
          y={limitMin}
          stroke={LIMIT}
          strokeDasharray="6 4"
          strokeWidth={1.5}
          ifOverflow="extendDomain"
          className="monthly-limit-line"
          label={{
            value: `${labels.limit} ${fmt(limitMin)}`,
            position: 'insideBottomRight',
            fill: LIMIT,
            fontSize: 10,
          }}
        />
      )}
      <Line
        type="linear"
        dataKey="v"
        stroke={LINE}
        strokeWidth={1.6}
        dot={{ r: 2 }}
        connectNulls={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
  return (
    <figure className={styles.chartCard} data-testid="monthly-chart">
      <figcaption className={styles.chartTitle}>{title}</figcaption>
      {fixedWidth ? (
        chart
      ) : (
        <div className={styles.chart}>
          <ResponsiveContainer width="100%" height="100%">
            {chart}
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
