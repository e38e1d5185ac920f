/** Where outages fall on a time line [from, to): left and width in percent, clipped to the window; open ones run to `now`. */
export type OutageSegment = { left: number; width: number; open: boolean; start: number; end: number };

export function outageSegments(
  outages: readonly { startedAt: string; endedAt: string | null }[],
  from: number,
  to: number,
  now: number,
): OutageSegment[] {
  const span = to - from;
  if (!(span > 0)) return [];
  const out: OutageSegment[] = [];
  for (const o of outages) {
    const s = Date.parse(o.startedAt);
    const e = o.endedAt ? Date.parse(o.endedAt) : Math.min(now, to);
    if (!Number.isFinite(s) || !Number.isFinite(e) || e <= from || s >= to || e <= s) continue;
    const a = Math.max(s, from);
    const b = Math.min(e, to);
    out.push({ left: ((a - from) / span) * 100, width: ((b - a) / span) * 100, open: o.endedAt === null, start: s, end: e });
  }
  return out.sort((x, y) => x.left - y.left);
}
