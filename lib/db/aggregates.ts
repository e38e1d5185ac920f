import { computeEightHour, type AverageStats, type HourlyAverage } from '../domain/averages';
import { DAY_MS, HOUR_MS, localDayBounds, localDayKey } from '../domain/time';
import { listStoredDaily, listStoredHourly } from './averages';

/**
 * Stored averages (avg_hour, avg_day) as the readings API and the station page read them. They are maintained from raw
 * readings, QC flags and overlays by the recompute job (lib/services/qc); an hour whose job has not run has no row.
 */
export type AggregateRow = {
  /** Hour label (end of the hour / last hour), or local midnight starting the day. */
  time: Date;
  /** Local date for daily rows. */
  date?: string;
} & AverageStats;

/**
 * One parameter's stored averages in [from, to): `1h` from avg_hour, `8h` as the mean of 8 stored hourly means
 * (computeEightHour at `completeRatio`, labelled by the last hour), `24h` from avg_day (items at local midnight, in range by day start).
 */
export async function listAggregateRows(
  stationId: number,
  parameter: string,
  resolution: '1h' | '8h' | '24h',
  from: Date,
  to: Date,
  completeRatio: number,
): Promise<AggregateRow[]> {
  const hourRow = (h: HourlyAverage): AggregateRow => ({
    time: new Date(h.hourEnd),
    value: h.value,
    validCount: h.validCount,
    expectedCount: h.expectedCount,
    complete: h.complete,
    min: h.min,
    max: h.max,
  });
  if (resolution === '1h') return (await listStoredHourly(stationId, parameter, from, to)).map(hourRow);
  if (resolution === '8h') {
    const hourly = await listStoredHourly(stationId, parameter, new Date(from.getTime() - 7 * HOUR_MS), to);
    return computeEightHour(hourly, { completeRatio })
      .filter((h) => h.hourEnd >= from.getTime() && h.hourEnd < to.getTime())
      .map(hourRow);
  }
  // Days whose local midnight lies in [from, to).
  const firstDay = localDayKey(new Date(from.getTime() + DAY_MS - 1));
  const lastDayExclusive = localDayKey(new Date(to.getTime() + DAY_MS - 1));
  const rows = await listStoredDaily(stationId, parameter, firstDay, lastDayExclusive);
  return rows.map((d) => ({
    time: localDayBounds(d.day).start,
    date: d.day,
    value: d.value,
    validCount: d.validCount,
    expectedCount: d.expectedCount,
    complete: d.complete,
    min: d.min,
    max: d.max,
  }));
}
