/**
 * ISO 8601 formatting and parsing at the API edge. Output is always in Vietnam local time with an explicit offset
 * (`2024-05-24T10:05:00+07:00`); Vietnam has had no daylight saving since 1975, so a fixed offset is exact.
 * Inputs accept any offset; a time without one is read as local time at `offsetMinutes`.
 */
import { z } from 'zod';

export const VN_OFFSET_MINUTES = 7 * 60;

const pad = (n: number, width = 2): string => String(Math.trunc(Math.abs(n))).padStart(width, '0');

function formatOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return '+00:00';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `2024-05-24T10:05:00+07:00`; milliseconds are shown only when not zero. */
export function formatIsoLocal(date: Date, offsetMinutes: number = VN_OFFSET_MINUTES): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('formatIsoLocal: invalid date');
  const local = new Date(ms + offsetMinutes * 60_000);
  const y = local.getUTCFullYear();
  const year = y >= 0 && y <= 9999 ? pad(y, 4) : `${y < 0 ? '-' : '+'}${pad(y, 6)}`;
  const millis = local.getUTCMilliseconds();
  return (
    `${year}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    (millis ? `.${pad(millis, 3)}` : '') +
    formatOffset(offsetMinutes)
  );
}

/** Null-preserving variant for optional timestamps. */
export function formatIsoLocalOrNull(date: Date | null | undefined, offsetMinutes: number = VN_OFFSET_MINUTES): string | null {
  return date ? formatIsoLocal(date, offsetMinutes) : null;
}

/** The local calendar date `YYYY-MM-DD` of an instant. */
export function formatLocalDate(date: Date, offsetMinutes: number = VN_OFFSET_MINUTES): string {
  return formatIsoLocal(date, offsetMinutes).slice(0, 10);
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:mm[:ss[.fff]]` with `Z`, `±HH:mm`, `±HHmm` or `±HH`, or no offset (local time).
 * A bare date is local midnight. Returns null for anything else, including impossible dates (2024-02-30).
 */
export function parseIsoInstant(text: string, offsetMinutes: number = VN_OFFSET_MINUTES): Date | null {
  const m = ISO_RE.exec(text.trim());
  if (!m) return null;
  const [, ys, mos, ds, hs, mis, ss, frac, tz] = m;
  const y = Number(ys);
  const mo = Number(mos);
  const d = Number(ds);
  const h = hs === undefined ? 0 : Number(hs);
  const mi = mis === undefined ? 0 : Number(mis);
  const s = ss === undefined ? 0 : Number(ss);
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 24 || mi > 59 || s > 59) return null;
  if (h === 24 && (mi !== 0 || s !== 0 || ms !== 0)) return null;
  let offset = offsetMinutes;
  if (tz !== undefined) {
    if (tz === 'Z' || tz === 'z') offset = 0;
    else {
      const sign = tz.startsWith('-') ? -1 : 1;
      const digits = tz.slice(1).replace(':', '');
      const oh = Number(digits.slice(0, 2));
      const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
      if (oh > 23 || om > 59) return null;
      offset = sign * (oh * 60 + om);
    }
  }
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms) - offset * 60_000);
}

/** An instant given as ISO 8601 text with any offset (no offset = Vietnam local time), or a Date from code. */
export const isoInstant = z.union([
  z.date(),
  z.string().transform((text, ctx) => {
    const d = parseIsoInstant(text);
    if (!d) {
      ctx.addIssue({ code: 'custom', message: 'expected an ISO 8601 date-time such as 2024-05-24T10:05:00+07:00' });
      return z.NEVER;
    }
    return d;
  }),
]);
