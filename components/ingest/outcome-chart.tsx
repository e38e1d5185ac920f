'use client';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { OUTCOME_COLORS, OUTCOMES, type Outcome } from './outcome-badge';
import styles from './ingest.module.css';

export type OutcomeChartDay = { day: string; label: string } & Record<Outcome, number>;

/** Files per local day stacked by outcome (the totals beside it are the legend). No animation: stable screenshots. */
export function OutcomeChart({
  days,
  labels,
  ariaLabel,
}: {
  days: OutcomeChartDay[];
  labels: Record<Outcome, string>;
  ariaLabel: string;
}) {
  return (
    <div className={styles.chartBox} role="img" aria-label={ariaLabel} data-testid="ingest-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={days} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} barCategoryGap="18%">
          <CartesianGrid stroke="#eef1f4" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={8} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={44} />
          <Tooltip
            cursor={{ fill: 'rgba(11, 110, 79, 0.06)' }}
            formatter={(v, name) => [String(v), labels[name as Outcome] ?? String(name)]}
          />
          {OUTCOMES.map((o) => (
            <Bar key={o} dataKey={o} stackId="files" fill={OUTCOME_COLORS[o]} isAnimationActive={false} maxBarSize={44} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
