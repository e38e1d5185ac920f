/**
 * Data-completeness KPIs (DOMAIN.md §7). For one parameter over a period: expected = period / interval counted from
 * max(activeFrom, from); received = distinct time slots with a value; valid = slots with a valid reading.
 * Receipt rate = received / expected, valid rate = valid / expected; below the threshold (default 80 %) is flagged.
 * Stations, facilities and the province sum their parameters' counts before dividing.
 */

export const DEFAULT_KPI_THRESHOLD = 0.8;

export type KpiCounts = { expected: number; received: number; valid: number };

export type KpiRates = KpiCounts & {
  /** null when nothing was expected (period before activeFrom). */
  receiptRate: number | null;
  validRate: number | null;
  belowThreshold: boolean;
};

const MINUTE_MS = 60_000;

/**
 * Slots expected in [from, to) for a station sending every `intervalMinutes` that counts from `activeFrom` on:
 * floor((to − max(from, activeFrom)) / interval), never negative. A 5-minute station expects 288 a day.
 */
export function expectedSlots(p: { from: Date; to: Date; activeFrom: Date; intervalMinutes: number }): number {
  if (!(p.intervalMinutes > 0)) return 0;
  const start = Math.max(p.from.getTime(), p.activeFrom.getTime());
  const span = p.to.getTime() - start;
  if (span <= 0) return 0;
  return Math.floor(span / (p.intervalMinutes * MINUTE_MS));
}

/**
 * Rates of the counts. Received and valid are capped at expected (a datalogger sending off-schedule values cannot push
 * a rate above 100 %). Below the threshold means valid rate < threshold (valid ≤ received, so a low receipt rate is
 * always flagged too); exactly at the threshold is not below. Nothing expected is never flagged.
 */
export function kpiRates(c: KpiCounts, threshold: number = DEFAULT_KPI_THRESHOLD): KpiRates {
  const expected = Math.max(0, c.expected);
  const received = Math.min(Math.max(0, c.received), expected);
  const valid = Math.min(Math.max(0, c.valid), received);
  if (expected === 0) return { expected, received, valid, receiptRate: null, validRate: null, belowThreshold: false };
  const receiptRate = received / expected;
  const validRate = valid / expected;
  return { expected, received, valid, receiptRate, validRate, belowThreshold: validRate < threshold };
}

/** Sums counts (each already capped at its own expected) so a group's rate weights its members by expected slots. */
export function sumCounts(items: readonly KpiCounts[]): KpiCounts {
  let expected = 0;
  let received = 0;
  let valid = 0;
  for (const c of items) {
    const e = Math.max(0, c.expected);
    const r = Math.min(Math.max(0, c.received), e);
    expected += e;
    received += r;
    valid += Math.min(Math.max(0, c.valid), r);
  }
  return { expected, received, valid };
}

/** yyyy-MM of a yyyy-MM-dd day key. */
export function monthOfDay(day: string): string {
  return day.slice(0, 7);
}
