/**
 * NowCast over the last 12 hourly means, c1 = newest (Decision 1459/QĐ-TCMT, DOMAIN.md §9):
 * w* = min/max over the available hours, w = max(w*, 0.5), NowCast = Σ w^(i−1)·c_i / Σ w^(i−1) over available hours.
 * Not computed (null) unless at least 2 of c1, c2, c3 exist; null, NaN and negative values count as missing.
 */
export const NOWCAST_HOURS = 12;
export const NOWCAST_MIN_WEIGHT = 0.5;

export function nowcast(hourlyNewestFirst: readonly (number | null | undefined)[]): number | null {
  const window = hourlyNewestFirst.slice(0, NOWCAST_HOURS).map((c) => (isUsable(c) ? c : null));
  const recent = window.slice(0, 3).filter((c) => c !== null).length;
  if (recent < 2) return null;

  const available = window.filter((c): c is number => c !== null);
  const max = Math.max(...available);
  const min = Math.min(...available);
  // All-zero hours: the ratio is undefined, but every weight being equal (w = 1) gives the obvious 0.
  const w = max > 0 ? Math.max(min / max, NOWCAST_MIN_WEIGHT) : 1;

  let weighted = 0;
  let weights = 0;
  window.forEach((c, i) => {
    if (c === null) return;
    const weight = w ** i;
    weighted += weight * c;
    weights += weight;
  });
  return weighted / weights;
}

function isUsable(c: number | null | undefined): c is number {
  return typeof c === 'number' && Number.isFinite(c) && c >= 0;
}
