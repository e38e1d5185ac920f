/**
 * The product's local time: Asia/Ho_Chi_Minh, a fixed UTC+7 (Vietnam has had no daylight saving since 1975), so one
 * constant offset is exact and no zone database is needed. Storage is UTC; this folder is the only place that knows
 * the offset. Callers import `lib/domain/time` (the index), never these files.
 */
export const LOCAL_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const LOCAL_OFFSET_MINUTES = 7 * 60;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const OFFSET_MS = LOCAL_OFFSET_MINUTES * MINUTE_MS;

/** Local wall-clock milliseconds (a UTC-based count whose UTC fields read as local time) of an instant. */
export const toWallMs = (instantMs: number): number => instantMs + OFFSET_MS;
/** The instant of local wall-clock milliseconds. */
export const fromWallMs = (wallMs: number): number => wallMs - OFFSET_MS;

export type LocalParts = {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday */
  weekday: number;
};

/** Local wall-clock fields of an instant. */
export function localParts(t: Date): LocalParts {
  const l = new Date(toWallMs(t.getTime()));
  return {
    year: l.getUTCFullYear(),
    month: l.getUTCMonth() + 1,
    day: l.getUTCDate(),
    hour: l.getUTCHours(),
    minute: l.getUTCMinutes(),
    second: l.getUTCSeconds(),
    millisecond: l.getUTCMilliseconds(),
    weekday: l.getUTCDay(),
  };
}

/** The instant of a local wall-clock time (month 1–12); out-of-range fields roll over as in Date.UTC. */
export function fromLocalParts(p: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number; millisecond?: number }): Date {
  return new Date(fromWallMs(Date.UTC(p.year, p.month - 1, p.day, p.hour ?? 0, p.minute ?? 0, p.second ?? 0, p.millisecond ?? 0)));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A calendar date the product accepts from text: a real day in the years 1970–9999. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return year >= 1970 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Epoch ms at which local calendar day (year, month 1–12, day) starts; null unless isCalendarDate. */
export function calendarDayStartMs(year: number, month: number, day: number): number | null {
  return isCalendarDate(year, month, day) ? fromWallMs(Date.UTC(year, month - 1, day)) : null;
}

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
