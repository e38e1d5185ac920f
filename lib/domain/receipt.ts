/**
 * Receipt of expected files (DOMAIN.md §7). Slots are the station's measurement times (every `intervalMinutes` from
 * midnight, local time); a slot is received when a value exists for it, late when that value arrived more than
 * interval + grace after the slot time, missing when nothing arrived and the slot is over, future when not yet due.
 *
 * When a value arrived is known only from the ledger: the received time of the file that brought it. A value with no
 * file (history loaded straight into the database by the demo seed or a migration) has no arrival time and counts as
 * received, never late. The calendar used the reading row's insertion time instead, so a week of history loaded at
 * once showed as 1,859 "late" slots beside a 100 % receipt rate.
 */
export type SlotStatus = 'received' | 'late' | 'missing' | 'future';

export const SLOT_STATUSES: readonly SlotStatus[] = ['received', 'late', 'missing', 'future'];

/** When a slot's first value arrived: a time (ms) from the ledger, or 'unrecorded' for values that came with no file. */
export type SlotArrival = number | 'unrecorded';

const MIN_MS = 60_000;

/** Slot start times (ms) in [from, to) aligned to the interval counted from `from` (pass a local midnight). */
export function expectedSlots(from: number, to: number, intervalMinutes: number): number[] {
  const step = Math.max(1, Math.trunc(intervalMinutes)) * MIN_MS;
  const out: number[] = [];
  for (let t = from; t < to; t += step) out.push(t);
  return out;
}

/**
 * Status of one slot. `firstReceivedAt` is when the slot's first value arrived (null: never; 'unrecorded': a value
 * with no arrival time). A slot is due once interval + grace have passed since it; received within that allowance is
 * `received`, after it `late`.
 */
export function classifySlot(i: {
  slot: number;
  firstReceivedAt: SlotArrival | null;
  intervalMinutes: number;
  graceMinutes: number;
  now: number;
  activeFrom?: number;
}): SlotStatus {
  const allowance = (i.intervalMinutes + i.graceMinutes) * MIN_MS;
  if (i.firstReceivedAt === 'unrecorded') return 'received';
  if (i.firstReceivedAt !== null) return i.firstReceivedAt - i.slot > allowance ? 'late' : 'received';
  if (i.slot > i.now) return 'future';
  if (i.activeFrom !== undefined && i.slot < i.activeFrom) return 'future';
  return i.now - i.slot >= allowance ? 'missing' : 'future';
}

/** Expected readings in [from, to) for `parameters` parameters, counted only from activeFrom and only up to now. */
export function expectedReadings(i: {
  from: number;
  to: number;
  now: number;
  activeFrom: number;
  intervalMinutes: number;
  parameters: number;
}): number {
  const start = Math.max(i.from, i.activeFrom);
  const end = Math.min(i.to, i.now);
  if (end <= start || i.intervalMinutes <= 0) return 0;
  return Math.floor((end - start) / (i.intervalMinutes * MIN_MS)) * i.parameters;
}

/** received / expected, capped at 1 (resent files never push it above 100 %); null when nothing was expected. */
export function receiptRate(received: number, expected: number): number | null {
  if (!(expected > 0)) return null;
  return Math.min(1, Math.max(0, received / expected));
}

export const DEFAULT_RECEIPT_THRESHOLD = 0.8;

/** Below the configurable threshold (default 80 %) is flagged; no expectation is never flagged. */
export function isBelowThreshold(rate: number | null, threshold = DEFAULT_RECEIPT_THRESHOLD): boolean {
  return rate !== null && rate < threshold;
}

export type SlotDay = { day: string; start: number; slots: SlotStatus[] };

/**
 * Calendar rows: one per local day starting at each `dayStarts` entry, `1440 / interval` slots each, classified from a
 * map slot time → first arrival. Used by the connectivity heatmap.
 */
export function buildSlotCalendar(i: {
  days: readonly { day: string; start: number }[];
  received: ReadonlyMap<number, SlotArrival>;
  intervalMinutes: number;
  graceMinutes: number;
  now: number;
  activeFrom?: number;
}): SlotDay[] {
  return i.days.map((d) => ({
    day: d.day,
    start: d.start,
    slots: expectedSlots(d.start, d.start + 1440 * MIN_MS, i.intervalMinutes).map((slot) =>
      classifySlot({
        slot,
        firstReceivedAt: i.received.get(slot) ?? null,
        intervalMinutes: i.intervalMinutes,
        graceMinutes: i.graceMinutes,
        now: i.now,
        activeFrom: i.activeFrom,
      }),
    ),
  }));
}

export function summariseSlots(days: readonly SlotDay[]): Record<SlotStatus, number> {
  const out: Record<SlotStatus, number> = { received: 0, late: 0, missing: 0, future: 0 };
  for (const d of days) for (const s of d.slots) out[s] += 1;
  return out;
}
