import type { SlotStatus } from '@/lib/domain/receipt';

export const SLOT_COLORS: Record<SlotStatus, string> = { received: '#1DCE6C', late: '#F08432', missing: '#EA3223', future: '#EEF1F4' };

export type HeatmapDay = { day: string; slots: SlotStatus[] };

/**
 * Expected-file calendar: one row per day, one column per slot (288 at 5 minutes), coloured received / late /
 * missing / not yet due. Runs of equal slots are drawn as one rectangle to keep the SVG small.
 */
export function SlotHeatmap({ days, labels, dayLabel }: { days: HeatmapDay[]; labels: Record<SlotStatus, string>; dayLabel: (day: string) => string }) {
  const cols = Math.max(1, ...days.map((d) => d.slots.length));
  const cell = Math.max(2, Math.floor(864 / cols));
  const rowH = 14;
  const left = 78;
  const top = 16;
  const width = left + cols * cell;
  const height = top + days.length * (rowH + 2);
  const hours = [0, 3, 6, 9, 12, 15, 18, 21];
  return (
    <div className="table-wrap" style={{ overflowX: 'auto' }}>
      <svg width={width} height={height} role="img" aria-label="slot calendar" data-testid="slot-heatmap" style={{ fontSize: 10, display: 'block' }}>
        {hours.map((h) => (
          <text key={h} x={left + (h / 24) * cols * cell} y={10} fill="#6b7785">
            {String(h).padStart(2, '0')}:00
          </text>
        ))}
        {days.map((d, row) => {
          const y = top + row * (rowH + 2);
          const runs: { start: number; len: number; s: SlotStatus }[] = [];
          d.slots.forEach((s, i) => {
            const last = runs[runs.length - 1];
            if (last && last.s === s) last.len++;
            else runs.push({ start: i, len: 1, s });
          });
          return (
            <g key={d.day} data-day={d.day}>
              <text x={0} y={y + rowH - 3} fill="#334">
                {dayLabel(d.day)}
              </text>
              {runs.map((r) => (
                <rect key={r.start} x={left + r.start * cell} y={y} width={r.len * cell} height={rowH} fill={SLOT_COLORS[r.s]} data-status={r.s} data-slots={r.len}>
                  <title>{`${dayLabel(d.day)} ${labels[r.s]}: ${r.len}`}</title>
                </rect>
              ))}
            </g>
          );
        })}
      </svg>
      <p className="small muted">
        {(Object.keys(SLOT_COLORS) as SlotStatus[]).map((s) => (
          <span key={s} style={{ marginRight: 12 }}>
            <span className="badge-dot" style={{ background: SLOT_COLORS[s], display: 'inline-block', marginRight: 4 }} aria-hidden />
            {labels[s]}
          </span>
        ))}
      </p>
    </div>
  );
}
