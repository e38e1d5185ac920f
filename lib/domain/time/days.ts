import { calendarDayStartMs, DAY_MS, fromWallMs, HOUR_MS, MINUTE_MS, pad, toWallMs } from './zone';

/**
 * Local calendar days and hours. A calendar day D is [D 00:00, D+1 00:00) local; keys are `yyyy-MM-dd`.
 * Averages follow DOMAIN.md §5 instead: hour h holds (h−1:00, h:00] labelled by its end, and day D holds hours
 * 01:00 … 24:00, i.e. (D 00:00, D+1 00:00] — see hourLabel, dayLabel and dayRange.
 */

/** Start of the local day holding `t`, moved by `addDays` whole days (negative = earlier). */
export function startOfLocalDay(t: Date, addDays = 0): Date {
  const wall = toWallMs(t.getTime());
  return new Date(fromWallMs(Math.floor(wall / DAY_MS) * DAY_MS) + addDays * DAY_MS);
}

/** `yyyy-MM-dd` of the local calendar day holding `t` (local midnight starts its day). */
export function localDayKey(t: Date): string {
  const l = new Date(toWallMs(t.getTime()));
  return `${pad(l.getUTCFullYear(), 4)}-${pad(l.getUTCMonth() + 1)}-${pad(l.getUTCDate())}`;
}

export const DAY_KEY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch ms at which local day `yyyy-MM-dd` starts; null when the text is not a real calendar date. */
export function dayKeyStartMs(day: string): number | null {
  const m = DAY_KEY_RE.exec(day);
  if (!m) return null;
  return calendarDayStartMs(Number(m[1]), Number(m[2]), Number(m[3]));
}

function dayKeyStartOrThrow(day: string): number {
  const start = dayKeyStartMs(day);
  if (start === null) throw new RangeError(`expected a local day yyyy-MM-dd, got '${day}'`);
  return start;
}

/** [start, end) instants of the local calendar day `yyyy-MM-dd`; RangeError when it is not a real date. */
export function localDayBounds(day: string): { start: Date; end: Date } {
  const start = dayKeyStartOrThrow(day);
  return { start: new Date(start), end: new Date(start + DAY_MS) };
}

export type DayWindow = { day: string; from: Date; to: Date };

/** Local calendar days overlapping [from, to), each clipped to the range. */
export function localDayWindows(from: Date, to: Date): DayWindow[] {
  const out: DayWindow[] = [];
  for (let start = startOfLocalDay(from).getTime(); start < to.getTime(); start += DAY_MS) {
    out.push({
      day: localDayKey(new Date(start)),
      from: new Date(Math.max(start, from.getTime())),
      to: new Date(Math.min(start + DAY_MS, to.getTime())),
    });
  }
  return out;
}

/** Whole minutes from `from` to `now` (floored, never negative); null when `from` is missing or invalid. */
export function minutesSince(from: Date | string | null | undefined, now: Date): number | null {
  if (from == null) return null;
  const ms = (from instanceof Date ? from : new Date(from)).getTime();
  if (Number.isNaN(ms)) return null;
  return Math.max(0, Math.floor((now.getTime() - ms) / MINUTE_MS));
}

// ── DOMAIN.md §5 labels (epoch ms: they run once per reading) ──

/** End of the hour holding `timeMs`: exactly 10:00 belongs to the hour ending 10:00, 10:00:00.001 to 11:00. */
export function hourLabel(timeMs: number): number {
  // The offset is whole hours, so local hour boundaries are UTC hour boundaries.
  return Math.ceil(timeMs / HOUR_MS) * HOUR_MS;
}

/** The distinct hours (by end) touched by the given times, ascending. */
export function affectedHourEnds(times: readonly Date[]): Date[] {
  const ends = new Set<number>();
  for (const t of times) ends.add(hourLabel(t.getTime()));
  return [...ends].sort((a, b) => a - b).map((ms) => new Date(ms));
}

/** Averaging day `yyyy-MM-dd` holding `timeMs`: local midnight belongs to the day before (it is that day's 24:00). */
export function dayLabel(timeMs: number): string {
  return localDayKey(new Date(Math.ceil(timeMs) - 1));
}

/** Bounds of averaging day `yyyy-MM-dd`: readings with `after < time <= through`. RangeError for a bad key. */
export function dayRange(day: string): { after: number; through: number } {
  const after = dayKeyStartOrThrow(day);
  return { after, through: after + DAY_MS };
}
