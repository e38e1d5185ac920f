/**
 * Skill of forecasts measured against what then happened (rolling origin): each forecast was issued from the data
 * before its origin, so nothing here is scored on the data a model was fitted to.
 */
import { HOUR_MS } from '../time';

export type ScoredForecast = {
  /** End of the last hour with a value when the forecast was issued. */
  basedOn: number;
  items: readonly { time: number; value: number; lower: number; upper: number }[];
};

export type ForecastSkill = {
  horizonHours: number;
  /** Mean absolute error of the forecast over leads 1…horizonHours. */
  mae: number | null;
  /** The same over the same hours for persistence (the value at `basedOn`). */
  maePersistence: number | null;
  /** The same for the value 24 hours before each target hour ("same hour yesterday"). */
  maeSeasonal: number | null;
  /** Share of observed hours inside the forecast's 80 % interval. */
  coverage: number | null;
  /** Forecasts that had at least one scored hour. */
  origins: number;
  /** Scored (forecast, hour) pairs. */
  pairs: number;
};

/**
 * Scores forecasts on the hours of leads 1…horizon that were later observed and for which both baselines exist
 * (so the three errors are over the same hours). `observed` maps hour-end instants (ms) to hourly values.
 */
export function scoreForecasts(
  forecasts: readonly ScoredForecast[],
  observed: ReadonlyMap<number, number>,
  horizonHours = 24,
): ForecastSkill {
  let e = 0;
  let ep = 0;
  let es = 0;
  let inside = 0;
  let pairs = 0;
  let origins = 0;
  for (const f of forecasts) {
    const last = observed.get(f.basedOn);
    if (last == null) continue;
    let used = false;
    for (const it of f.items) {
      const lead = Math.round((it.time - f.basedOn) / HOUR_MS);
      if (lead < 1 || lead > horizonHours) continue;
      const y = observed.get(it.time);
      const yesterday = observed.get(it.time - 24 * HOUR_MS);
      if (y == null || yesterday == null) continue;
      e += Math.abs(it.value - y);
      ep += Math.abs(last - y);
      es += Math.abs(yesterday - y);
      if (y >= it.lower && y <= it.upper) inside++;
      pairs++;
      used = true;
    }
    if (used) origins++;
  }
  const avg = (s: number): number | null => (pairs > 0 ? s / pairs : null);
  return { horizonHours, mae: avg(e), maePersistence: avg(ep), maeSeasonal: avg(es), coverage: avg(inside), origins, pairs };
}
