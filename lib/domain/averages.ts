import { dayLabel, HOUR_MS, hourLabel } from './time';

/**
 * Hourly, daily and 8-hour means (DOMAIN.md §5) in local time. Hour h holds readings in (h−1:00, h:00] and is labelled
 * by its end; day D holds hours 01:00 … 24:00, i.e. readings in (D 00:00, D+1 00:00] (labels: lib/domain/time).
 */
export const DEFAULT_COMPLETE_RATIO = 0.75;
export const HOURS_PER_DAY = 24;
export const HOURS_PER_EIGHT_HOUR = 8;

export type AverageInput = { time: number; value: number | null; valid: boolean };

export type AverageStats = { value: number | null; validCount: number; expectedCount: number; complete: boolean; min: number | null; max: number | null };
export type HourlyAverage = AverageStats & { hourEnd: number };
export type DailyAverage = AverageStats & { day: string };
export type EightHourAverage = AverageStats & { hourEnd: number };

export type HourlyOptions = { intervalMinutes: number; completeRatio?: number };
export type PeriodOptions = { completeRatio?: number };

/** Least number of valid values that makes an average complete: ceil(ratio × expected), 9 of 12 at 0.75. */
export function requiredCount(expected: number, completeRatio: number = DEFAULT_COMPLETE_RATIO): number {
  return Math.ceil(completeRatio * expected - 1e-9);
}

function stats(values: readonly number[], expectedCount: number, completeRatio: number): AverageStats {
  const validCount = values.length;
  if (validCount === 0) return { value: null, validCount, expectedCount, complete: false, min: null, max: null };
  return {
    value: values.reduce((a, b) => a + b, 0) / validCount,
    validCount,
    expectedCount,
    complete: validCount >= requiredCount(expectedCount, completeRatio),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/**
 * One hourly average per hour that holds any input reading, sorted by hour. Mean, min and max use valid readings
 * only; expected = floor(60 / interval) (12 at 5 minutes); complete when validCount ≥ ceil(ratio × expected).
 */
export function computeHourly(readings: readonly AverageInput[], opts: HourlyOptions): HourlyAverage[] {
  const expected = Math.floor(60 / opts.intervalMinutes);
  const ratio = opts.completeRatio ?? DEFAULT_COMPLETE_RATIO;
  if (inTimeOrder(readings)) return hourlyOfSorted(readings, expected, ratio);
  return [...groupBy(readings, (r) => hourLabel(r.time))]
    .sort(([a], [b]) => a - b)
    .map(([hourEnd, rs]) => {
      const values = rs.flatMap((r) => (r.valid && r.value !== null && Number.isFinite(r.value) ? [r.value] : []));
      return { hourEnd, ...stats(values, expected, ratio) };
    });
}

function inTimeOrder(readings: readonly AverageInput[]): boolean {
  for (let i = 1; i < readings.length; i++) if (readings[i]!.time < readings[i - 1]!.time) return false;
  return true;
}

/** computeHourly of readings in time order in one pass (a recompute averages tens of thousands): the same figures. */
function hourlyOfSorted(readings: readonly AverageInput[], expected: number, ratio: number): HourlyAverage[] {
  const out: HourlyAverage[] = [];
  const required = requiredCount(expected, ratio);
  let i = 0;
  while (i < readings.length) {
    const hourEnd = hourLabel(readings[i]!.time);
    let sum = 0;
    let n = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (; i < readings.length && hourLabel(readings[i]!.time) === hourEnd; i++) {
      const r = readings[i]!;
      if (!r.valid || r.value === null || !Number.isFinite(r.value)) continue;
      sum += r.value;
      n += 1;
      min = Math.min(min, r.value);
      max = Math.max(max, r.value);
    }
    out.push(
      n === 0
        ? { hourEnd, value: null, validCount: 0, expectedCount: expected, complete: false, min: null, max: null }
        : { hourEnd, value: sum / n, validCount: n, expectedCount: expected, complete: n >= required, min, max },
    );
  }
  return out;
}

/** Hourly means that count for longer periods: only complete hours are valid hourly values (DOMAIN.md §5, §9). */
const completeMeans = (hours: readonly HourlyAverage[]): number[] =>
  hours.flatMap((h) => (h.complete && h.value !== null ? [h.value] : []));

/**
 * Daily means from hourly means: DOMAIN.md §5 counts a day's expected readings as its 24 hours ("18 of 24 hours"), so
 * the value is the mean of the day's complete hourly means, min/max are the lowest/highest of them, and the day is
 * complete with ≥ ceil(ratio × 24) = 18 complete hours. One row per local day present in `hourly`, sorted.
 */
export function computeDaily(hourly: readonly HourlyAverage[], opts: PeriodOptions = {}): DailyAverage[] {
  const ratio = opts.completeRatio ?? DEFAULT_COMPLETE_RATIO;
  return [...groupBy(hourly, (h) => dayLabel(h.hourEnd))]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, hours]) => ({ day, ...stats(completeMeans(hours), HOURS_PER_DAY, ratio) }));
}

/**
 * 8-hour means, labelled by the last hour: the mean of the complete hourly means among the 8 hours ending at that
 * label, complete with ≥ ceil(ratio × 8) = 6 of them. One row per hour label present in `hourly`, sorted; the window
 * reads `hourly`, so pass the 7 hours before the first label you need.
 */
export function computeEightHour(hourly: readonly HourlyAverage[], opts: PeriodOptions = {}): EightHourAverage[] {
  const ratio = opts.completeRatio ?? DEFAULT_COMPLETE_RATIO;
  const byLabel = new Map(hourly.map((h) => [h.hourEnd, h]));
  return [...byLabel.keys()]
    .sort((a, b) => a - b)
    .map((hourEnd) => {
      const window = Array.from({ length: HOURS_PER_EIGHT_HOUR }, (_, k) => byLabel.get(hourEnd - k * HOUR_MS));
      const hours = window.filter((h): h is HourlyAverage => h !== undefined);
      return { hourEnd, ...stats(completeMeans(hours), HOURS_PER_EIGHT_HOUR, ratio) };
    });
}

const sortedUnique = <T extends number | string>(xs: Iterable<T>): T[] => [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Local days touched by new reading times: the daily averages to recompute. */
export function affectedDays(times: readonly number[]): string[] {
  return sortedUnique(times.map(dayLabel));
}

/** 8-hour labels whose window holds one of these hours: each hour and the 7 after it. */
export function affectedEightHours(hourEnds: readonly number[]): number[] {
  return sortedUnique(hourEnds.flatMap((h) => Array.from({ length: HOURS_PER_EIGHT_HOUR }, (_, k) => hourLabel(h) + k * HOUR_MS)));
}
