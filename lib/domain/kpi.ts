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

export type DayWindow = { day: string; from: Date; to: Date };

/**
 * Local calendar days (UTC offset `offsetMinutes`, +07:00 for Vietnam) overlapping [from, to), each clipped to the
 * range; `day` is yyyy-MM-dd local. Day D holds times in [D 00:00, D+1 00:00) local.
 */
export function localDayWindows(from: Date, to: Date, offsetMinutes: number): DayWindow[] {
  const DAY = 86_400_000;
  const off = offsetMinutes * MINUTE_MS;
  const out: DayWindow[] = [];
  let dayStart = Math.floor((from.getTime() + off) / DAY) * DAY - off;
  while (dayStart < to.getTime()) {
    const dayEnd = dayStart + DAY;
    const d = new Date(dayStart + off);
    const key = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
    out.push({ day: key, from: new Date(Math.max(dayStart, from.getTime())), to: new Date(Math.min(dayEnd, to.getTime())) });
    dayStart = dayEnd;
  }
  return out;
}

/** yyyy-MM of a yyyy-MM-dd day key. */
export function monthOfDay(day: string): string {
  return day.slice(0, 7);
}

/**
 * A day typed in a report form: dd/MM/yyyy (or yyyy-MM-dd) → the instant its local day starts (UTC offset
 * `offsetMinutes`); null when it is not a real calendar date.
 */
export function parseDayInput(text: string, offsetMinutes: number): Date | null {
  const s = text.trim();
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s) ?? null;
  const iso = m ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const [y, mo, d] = m ? [Number(m[3]), Number(m[2]), Number(m[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [NaN, NaN, NaN];
  if (!Number.isInteger(y) || !Number.isInteger(mo) || !Number.isInteger(d)) return null;
  const utc = Date.UTC(y, mo - 1, d);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return new Date(utc - offsetMinutes * MINUTE_MS);
}

/** dd/MM/yyyy of the local day that starts at or contains `instant`. */
export function formatDayInput(instant: Date, offsetMinutes: number): string {
  const d = new Date(instant.getTime() + offsetMinutes * MINUTE_MS);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}
