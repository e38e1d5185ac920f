'use client';
import { QC_CHART_FLAGS, QC_FLAG_COLORS, type QcChartFlag } from './flags';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type FlagChartDay = { label: string } & Record<QcChartFlag, number>;

/** Readings per local day stacked by QC flag. Static (no animation) so screenshots and tests are stable. */
export function FlagChart({ days, labels, ariaLabel }: { days: FlagChartDay[]; labels: Record<QcChartFlag, string>; ariaLabel: string }) {
  return (
    <div style={{ width: '100%', height: 280 }} role="img" aria-label={ariaLabel} data-testid="qc-flag-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={days} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} barCategoryGap="18%">
          <CartesianGrid stroke="#eef1f4" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={8} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={56} />
          <Tooltip formatter={(v, name) => [String(v), labels[name as QcChartFlag] ?? String(name)]} />
          <Legend formatter={(name: string) => labels[name as QcChartFlag] ?? name} wrapperStyle={{ fontSize: 12 }} />
          {QC_CHART_FLAGS.map((f) => (
            <Bar key={f} dataKey={f} stackId="flags" fill={QC_FLAG_COLORS[f]} isAnimationActive={false} maxBarSize={44} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
