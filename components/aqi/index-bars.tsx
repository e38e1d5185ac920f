'use client';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** A bar per hour or day, coloured by its band. `label` formats the x value for ticks and the tooltip. */
export type BarPoint = { x: number | string; value: number; color: string; name: string };

export function IndexBars({
  points,
  label,
  height = 200,
  max,
  emptyText,
  testId,
}: {
  points: BarPoint[];
  label: (x: number | string) => string;
  height?: number;
  max?: number;
  emptyText: string;
  testId?: string;
}) {
  if (points.length === 0)
    return (
      <div className="empty small muted" data-testid={testId} style={{ padding: 12 }}>
        {emptyText}
      </div>
    );
  return (
    <div style={{ height }} data-testid={testId} data-points={points.length}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 6, right: 6, bottom: 0, left: -18 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="x" tickFormatter={label} fontSize={11} minTickGap={16} />
          <YAxis fontSize={11} domain={[0, max ?? 'auto']} allowDecimals={false} />
          <Tooltip
            labelFormatter={(x) => label(x as number | string)}
            formatter={(v, _n, item) => [`${String(v)} · ${(item.payload as BarPoint).name}`, '']}
          />
          <Bar dataKey="value" isAnimationActive={false} maxBarSize={28}>
            {points.map((p) => (
              <Cell key={String(p.x)} fill={p.color} stroke="#00000033" />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
