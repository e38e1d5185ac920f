/**
 * "Xu hướng vượt" (trend warning) for wastewater and emission stations: a least-squares line through the last hour of
 * valid readings that reaches the limit within the horizon (default 2 h). Pure: the caller passes the readings and
 * the time.
 */

export type TrendOptions = {
  /** How far ahead a crossing counts (minutes; default 120). */
  horizonMinutes: number;
  /** Readings considered: those within this many minutes before the newest (default 60). */
  windowMinutes: number;
  /** Fewest valid readings for a trend (default 6: half an hour at 5 minutes). */
  minPoints: number;
  /** Smallest share of the variance the line must explain (R², default 0.6): noise is not a trend. */
  minR2: number;
};

export const DEFAULT_TREND_OPTIONS: TrendOptions = { horizonMinutes: 120, windowMinutes: 60, minPoints: 6, minR2: 0.6 };

export type TrendLimit = { min: number | null; max: number | null };
export type TrendPoint = { time: number; value: number };

export type TrendResult =
  /** Too few readings, a flat or noisy line, or one heading away from the limits. */
  | { state: 'none' }
  /** The newest value is already beyond a limit: that is an exceedance, not a trend warning. */
  | { state: 'beyond'; value: number }
  /** The line reaches `limit` (the `side` bound) `minutesToLimit` after the newest reading. */
  | { state: 'heading'; side: 'max' | 'min'; limit: number; value: number; slopePerHour: number; minutesToLimit: number; r2: number };

/**
 * Trend of valid readings (oldest first) against the limits. Heading when: at least minPoints readings in the window,
 * R² ≥ minR2, the newest value within the limits, and the line from the newest value at the fitted slope reaches a
 * limit within the horizon (a value exactly at the limit is not beyond it; reaching it exactly at the horizon counts).
 */
export function evaluateTrend(points: readonly TrendPoint[], limit: TrendLimit, options: Partial<TrendOptions> = {}): TrendResult {
  const o = { ...DEFAULT_TREND_OPTIONS, ...options };
  const newest = points[points.length - 1];
  if (!newest) return { state: 'none' };
  if ((limit.max != null && newest.value > limit.max) || (limit.min != null && newest.value < limit.min)) {
    return { state: 'beyond', value: newest.value };
  }
  const from = newest.time - o.windowMinutes * 60_000;
  const win = points.filter((p) => p.time >= from && p.time <= newest.time && Number.isFinite(p.value));
  if (win.length < o.minPoints) return { state: 'none' };
  // Least squares in hours relative to the newest reading.
  const xs = win.map((p) => (p.time - newest.time) / 3_600_000);
  const ys = win.map((p) => p.value);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxx += (xs[i]! - mx) ** 2;
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    syy += (ys[i]! - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return { state: 'none' };
  const slope = sxy / sxx;
  const r2 = (sxy * sxy) / (sxx * syy);
  if (r2 < o.minR2) return { state: 'none' };
  const heading = (side: 'max' | 'min', bound: number): TrendResult | null => {
    const towards = side === 'max' ? slope > 0 : slope < 0;
    if (!towards) return null;
    const minutes = ((bound - newest.value) / slope) * 60;
    // A microsecond of tolerance: "exactly at the horizon" must not fail on rounding of the fitted slope.
    if (minutes < 0 || minutes > o.horizonMinutes + 1e-6) return null;
    return { state: 'heading', side, limit: bound, value: newest.value, slopePerHour: slope, minutesToLimit: minutes, r2 };
  };
  return (limit.max != null ? heading('max', limit.max) : null) ?? (limit.min != null ? heading('min', limit.min) : null) ?? { state: 'none' };
}

export type TrendEpisodeAction = 'open' | 'repeat' | 'resolve' | 'none';

/**
 * The episode rule of DOMAIN §8 for trend warnings: a heading trend opens an alert (or repeats the open one); the alert
 * resolves once no heading trend has been seen for the clear time (default 30 min). A value beyond the limit never
 * opens one (the exceedance alerts cover it) and counts as clear.
 */
export function decideTrendEpisode(input: { active: { lastSeenAt: number } | null; result: TrendResult; at: number; clearMinutes: number }): TrendEpisodeAction {
  if (input.result.state === 'heading') return input.active ? 'repeat' : 'open';
  if (input.active && input.at - input.active.lastSeenAt >= input.clearMinutes * 60_000) return 'resolve';
  return 'none';
}
