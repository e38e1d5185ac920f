/**
 * Local time of data files (Asia/Ho_Chi_Minh, fixed UTC+7: Vietnam has had no daylight saving since 1975) ↔ UTC.
 * File times are `yyyyMMddHHmmss` in local time.
 */
export const LOCAL_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = LOCAL_OFFSET_MINUTES * 60_000;
const HOUR_MS = 3_600_000;

const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `yyyyMMddHHmmss` local → UTC instant; null for anything else, including impossible dates and 24:00:00. */
export function parseCompactLocalTime(text: string): Date | null {
  // The lines of a file share their time: the last one parsed is remembered.
  if (text === lastCompact.text) return lastCompact.ms === null ? null : new Date(lastCompact.ms);
  const d = parseCompact(text);
  lastCompact = { text, ms: d === null ? null : d.getTime() };
  return d;
}

let lastCompact: { text: string | null; ms: number | null } = { text: null, ms: null };

function parseCompact(text: string): Date | null {
  const m = COMPACT_RE.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s) - OFFSET_MS);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** UTC instant → `yyyyMMddHHmmss` local (whole seconds). */
export function formatCompactLocalTime(d: Date): string {
  const l = new Date(d.getTime() + OFFSET_MS);
  return (
    pad(l.getUTCFullYear(), 4) +
    pad(l.getUTCMonth() + 1) +
    pad(l.getUTCDate()) +
    pad(l.getUTCHours()) +
    pad(l.getUTCMinutes()) +
    pad(l.getUTCSeconds())
  );
}

/** Local calendar parts of an instant. */
export function localParts(d: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const l = new Date(d.getTime() + OFFSET_MS);
  return {
    year: l.getUTCFullYear(),
    month: l.getUTCMonth() + 1,
    day: l.getUTCDate(),
    hour: l.getUTCHours(),
    minute: l.getUTCMinutes(),
    second: l.getUTCSeconds(),
  };
}

/** Local midnight (start of the local day) containing the instant. */
export function startOfLocalDay(d: Date): Date {
  const localMs = d.getTime() + OFFSET_MS;
  return new Date(localMs - (((localMs % 86_400_000) + 86_400_000) % 86_400_000) - OFFSET_MS);
}

/**
 * The hour a reading belongs to (DOMAIN.md §5): (h−1:00, h:00], labelled by its end. A reading at exactly 10:00 belongs
 * to the hour ending 10:00; one at 10:00:01 to the hour ending 11:00. The offset is whole hours, so local and UTC hour
 * boundaries coincide.
 */
export function hourEndingOf(t: Date): Date {
  const ms = t.getTime();
  return new Date(Math.ceil(ms / HOUR_MS) * HOUR_MS);
}

/** The distinct hours (by end) touched by the given times, ascending. */
export function affectedHourEnds(times: readonly Date[]): Date[] {
  const ends = new Set<number>();
  for (const t of times) ends.add(hourEndingOf(t).getTime());
  return [...ends].sort((a, b) => a - b).map((ms) => new Date(ms));
}
