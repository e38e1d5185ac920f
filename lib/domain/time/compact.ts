import { fromWallMs, isCalendarDate, localParts, pad } from './zone';

/** File times (DOMAIN.md §2): `yyyyMMddHHmmss` in local time, whole seconds. */

const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** `yyyyMMddHHmmss` local → instant; null for anything else, including impossible dates, 24:00:00 and years < 1970. */
export function parseCompactLocalTime(text: string): Date | null {
  // The lines of a file share their time: the last one parsed is remembered.
  if (text === lastCompact.text) return lastCompact.ms === null ? null : new Date(lastCompact.ms);
  const ms = parseCompactMs(text);
  lastCompact = { text, ms };
  return ms === null ? null : new Date(ms);
}

let lastCompact: { text: string | null; ms: number | null } = { text: null, ms: null };

function parseCompactMs(text: string): number | null {
  const m = COMPACT_RE.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  return fromWallMs(Date.UTC(y, mo - 1, d, h, mi, s));
}

/** Instant → `yyyyMMddHHmmss` local (milliseconds dropped). */
export function formatCompactLocalTime(t: Date): string {
  const l = localParts(t);
  return `${pad(l.year, 4)}${pad(l.month)}${pad(l.day)}${pad(l.hour)}${pad(l.minute)}${pad(l.second)}`;
}
