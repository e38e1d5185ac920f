/**
 * Reading times a logger cannot have measured yet (DOMAIN.md §2). A time more than `toleranceMinutes` after receipt is
 * clock-ahead: kept as evidence, never valid. A time before 2000, before the station's activeFrom, or more than a day
 * after receipt is impossible: it creates no partition and no aggregate.
 */
export const CLOCK_AHEAD_DEFAULT_MINUTES = 10;
export const EARLIEST_PLAUSIBLE = Date.UTC(2000, 0, 1) - 7 * 3_600_000; // 2000-01-01 00:00 local (UTC+7)
const DAY_MS = 86_400_000;

/** Strictly more than the tolerance after receipt is ahead; exactly at it is not. */
export function isClockAhead(time: Date, receivedAt: Date, toleranceMinutes: number): boolean {
  return time.getTime() > receivedAt.getTime() + toleranceMinutes * 60_000;
}

/** Before 2000 (local), before activeFrom, or more than one day after receipt: no partition, no aggregate. */
export function isImpossibleTime(time: Date, receivedAt: Date, activeFrom: Date | null): boolean {
  const t = time.getTime();
  if (!Number.isFinite(t) || t < EARLIEST_PLAUSIBLE) return true;
  if (activeFrom && t < activeFrom.getTime()) return true;
  return t > receivedAt.getTime() + DAY_MS;
}
