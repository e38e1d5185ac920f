import { z } from 'zod';
import { daysInMonth, LOCAL_OFFSET_MINUTES, MINUTE_MS, pad, toWallMs } from './zone';

/**
 * ISO 8601 at the API edge. Output is local time with its explicit offset (`2024-05-24T10:05:00+07:00`); input
 * accepts any offset, and a time without one is local time.
 */
const LOCAL_OFFSET_TEXT = `+${pad(Math.floor(LOCAL_OFFSET_MINUTES / 60))}:${pad(LOCAL_OFFSET_MINUTES % 60)}`;

/** `2024-05-24T10:05:00+07:00`; milliseconds are shown only when not zero. RangeError for an invalid Date. */
export function formatIsoLocal(date: Date): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('formatIsoLocal: invalid date');
  const l = new Date(toWallMs(ms));
  const y = l.getUTCFullYear();
  const year = y >= 0 && y <= 9999 ? pad(y, 4) : `${y < 0 ? '-' : '+'}${pad(Math.abs(y), 6)}`;
  const millis = l.getUTCMilliseconds();
  return (
    `${year}-${pad(l.getUTCMonth() + 1)}-${pad(l.getUTCDate())}` +
    `T${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}:${pad(l.getUTCSeconds())}` +
    (millis ? `.${pad(millis, 3)}` : '') +
    LOCAL_OFFSET_TEXT
  );
}

/** Null-preserving variant for optional timestamps. */
export function formatIsoLocalOrNull(date: Date | null | undefined): string | null {
  return date ? formatIsoLocal(date) : null;
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** Minutes east of UTC written in `Z`, `±HH:mm`, `±HHmm` or `±HH`; null when out of range. */
function offsetMinutesOf(tz: string): number | null {
  if (tz === 'Z' || tz === 'z') return 0;
  const sign = tz.startsWith('-') ? -1 : 1;
  const digits = tz.slice(1).replace(':', '');
  const oh = Number(digits.slice(0, 2));
  const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return oh > 23 || om > 59 ? null : sign * (oh * 60 + om);
}

/**
 * Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm[:ss[.fff]]` (also a space for T) with `Z`, `±HH:mm`, `±HHmm`, `±HH` or no
 * offset (local time). A bare date is local midnight; 24:00 is the next midnight. Null for anything else, including
 * impossible dates (2024-02-30).
 */
export function parseIsoInstant(text: string): Date | null {
  const m = ISO_RE.exec(text.trim());
  if (!m) return null;
  const [, ys, mos, ds, hs, mis, ss, frac, tz] = m;
  const [y, mo, d] = [Number(ys), Number(mos), Number(ds)];
  const h = hs === undefined ? 0 : Number(hs);
  const mi = mis === undefined ? 0 : Number(mis);
  const s = ss === undefined ? 0 : Number(ss);
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 24 || mi > 59 || s > 59) return null;
  if (h === 24 && (mi !== 0 || s !== 0 || ms !== 0)) return null;
  const offset = tz === undefined ? LOCAL_OFFSET_MINUTES : offsetMinutesOf(tz);
  if (offset === null) return null;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms) - offset * MINUTE_MS);
}

/** An instant given as ISO 8601 text with any offset (no offset = local time), or a Date from code. */
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
