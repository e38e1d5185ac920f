'use client';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import {
  CHART_GRID_COLOR,
  CHART_LINE_COLOR as LINE,
  limitLines,
  valueTooltipFormatter,
  valueYAxisProps,
} from '@/components/charts/value-chart-parts';
import { formatNumber, type DisplayLocale } from '@/lib/domain/format';
import styles from './reports.module.css';

export type DailyChartPoint = { day: string; value: number | null };

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
      <CartesianGrid stroke={CHART_GRID_COLOR} />
      <XAxis dataKey="d" tick={{ fontSize: 10 }} interval={fixedWidth ? 1 : 'preserveStartEnd'} />
      <YAxis {...valueYAxisProps(decimals, locale, 10, 56)} />
      {!fixedWidth && <Tooltip formatter={valueTooltipFormatter(fmt, unit, labels.mean)} />}
      {limitLines({
        max: limitMax,
        min: limitMin,
        label: labels.limit,
        format: fmt,
        className: 'monthly-limit-line',
        fontSize: 10,
      })}
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
