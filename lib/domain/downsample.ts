/**
 * Server-side downsampling for charts: at most `maxPoints` per series (default 2,000). Min/max per bucket keeps every
 * spike and dip visible (an exceedance never disappears by zooming out); series already short enough pass unchanged.
 */
export const MAX_CHART_POINTS = 2000;

export type SeriesPoint = { t: number; v: number };

/**
 * Splits [first.t, last.t] into maxPoints/2 equal time buckets and keeps each bucket's minimum and maximum (in time
 * order; one point when they coincide). Input must be sorted by t. The result never exceeds maxPoints.
 */
export function downsampleMinMax<P extends SeriesPoint>(points: readonly P[], maxPoints = MAX_CHART_POINTS): P[] {
  if (maxPoints < 2) return points.slice(0, Math.max(0, maxPoints));
  if (points.length <= maxPoints) return points.slice();
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return [];
  const buckets = Math.floor(maxPoints / 2);
  const span = last.t - first.t;
  if (span <= 0) return [first, last];
  const out: P[] = [];
  let current = -1;
  let min: P | null = null;
  let max: P | null = null;
  const flush = () => {
    if (!min || !max) return;
    if (min === max) out.push(min);
    else if (min.t <= max.t) out.push(min, max);
    else out.push(max, min);
  };
  for (const p of points) {
    const b = Math.min(buckets - 1, Math.floor(((p.t - first.t) / span) * buckets));
    if (b !== current) {
      flush();
      current = b;
      min = p;
      max = p;
    } else {
      if (min && p.v < min.v) min = p;
      if (max && p.v > max.v) max = p;
    }
  }
  flush();
  return out;
}

/**
 * Keeps points whose flag matters (suspect / fail marks) even when the line itself is downsampled, capped so the marks
 * never exceed `maxMarks`: the caller draws them as dots over the line.
 */
export function pickMarks<P extends SeriesPoint>(points: readonly P[], isMark: (p: P) => boolean, maxMarks = MAX_CHART_POINTS): P[] {
  const marks = points.filter(isMark);
  return marks.length <= maxMarks ? marks : downsampleMinMax(marks, maxMarks);
}
