import { DAY_KEY_RE, dayKeyStartMs } from './days';
import { calendarDayStartMs, pad, toWallMs } from './zone';

/**
 * Screen formats (DESIGN: dd/MM/yyyy, 24-hour clock) in local time, and the one parser of dates typed by people.
 * Display functions take a Date, ISO text or epoch ms and print '—' for a missing or invalid time.
 */
export type TimeValue = Date | string | number | null | undefined;

/** Local wall clock as a Date whose UTC fields read as local time; null for missing/invalid. */
function wallClock(value: TimeValue): Date | null {
  if (value == null) return null;
  const ms = (value instanceof Date ? value : new Date(value)).getTime();
  return Number.isNaN(ms) ? null : new Date(toWallMs(ms));
}

const dmy = (l: Date) => `${pad(l.getUTCDate())}/${pad(l.getUTCMonth() + 1)}/${pad(l.getUTCFullYear(), 4)}`;
const hm = (l: Date) => `${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}`;

/** dd/MM/yyyy */
export function formatDate(value: TimeValue): string {
  const l = wallClock(value);
  return l ? dmy(l) : '—';
}

/** HH:mm (24 h) */
export function formatTime(value: TimeValue): string {
  const l = wallClock(value);
  return l ? hm(l) : '—';
}

/** dd/MM/yyyy HH:mm, or dd/MM/yyyy HH:mm:ss with `seconds`. */
export function formatDateTime(value: TimeValue, opts: { seconds?: boolean } = {}): string {
  const l = wallClock(value);
  if (!l) return '—';
  return `${dmy(l)} ${hm(l)}${opts.seconds ? `:${pad(l.getUTCSeconds())}` : ''}`;
}

/** A local day key `yyyy-MM-dd` as dd/MM/yyyy; '—' when absent or not a key. */
export function formatDayKey(day: string | null | undefined): string {
  const m = day ? DAY_KEY_RE.exec(day) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '—';
}

const DMY_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A date typed in a form or URL → the instant its local day starts. Accepts dd/MM/yyyy (also d/M/yyyy) and
 * yyyy-MM-dd, surrounding whitespace ignored; null unless it is a real calendar date in 1970–9999.
 */
export function parseLocalDate(text: string | null | undefined): Date | null {
  const s = (text ?? '').trim();
  const m = DMY_RE.exec(s);
  const start = m ? calendarDayStartMs(Number(m[3]), Number(m[2]), Number(m[1])) : dayKeyStartMs(s);
  return start === null ? null : new Date(start);
}
