/**
 * Display formatters (pure). Times are stored in UTC and shown in the display time zone (default Asia/Ho_Chi_Minh);
 * dates as dd/MM/yyyy; numbers with a decimal comma in Vietnamese and a decimal point in English.
 */
export const DISPLAY_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export type DisplayLocale = 'vi' | 'en';

type Parts = { year: string; month: string; day: string; hour: string; minute: string; second: string };

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsOf(date: Date, timeZone: string): Parts {
  let f = partFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partFormatters.set(timeZone, f);
  }
  const out: Parts = { year: '', month: '', day: '', hour: '', minute: '', second: '' };
  for (const p of f.formatToParts(date)) {
    if (p.type in out) out[p.type as keyof Parts] = p.value;
  }
  return out;
}

function toDate(value: Date | string | number): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** dd/MM/yyyy in the display zone; '—' for a missing or invalid time. */
export function formatDate(value: Date | string | number | null | undefined, timeZone = DISPLAY_TIME_ZONE): string {
  const d = value == null ? null : toDate(value);
  if (!d) return '—';
  const p = partsOf(d, timeZone);
  return `${p.day}/${p.month}/${p.year}`;
}

/** HH:mm (24 h) in the display zone. */
export function formatTime(value: Date | string | number | null | undefined, timeZone = DISPLAY_TIME_ZONE): string {
  const d = value == null ? null : toDate(value);
  if (!d) return '—';
  const p = partsOf(d, timeZone);
  return `${p.hour}:${p.minute}`;
}

/** dd/MM/yyyy HH:mm in the display zone. */
export function formatDateTime(value: Date | string | number | null | undefined, timeZone = DISPLAY_TIME_ZONE): string {
  const d = value == null ? null : toDate(value);
  if (!d) return '—';
  const p = partsOf(d, timeZone);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** The calendar day (yyyy-MM-dd) that `value` falls on in the display zone. */
export function localDayKey(value: Date, timeZone = DISPLAY_TIME_ZONE): string {
  const p = partsOf(value, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * A number rounded to `decimals` places: "1.234,56" in Vietnamese, "1,234.56" in English; '—' for null/NaN/±∞.
 * Negative zero after rounding prints as "0".
 */
export function formatNumber(value: number | null | undefined, decimals = 0, locale: DisplayLocale = 'vi'): string {
  if (value == null || !Number.isFinite(value)) return '—';
  const places = Math.max(0, Math.min(10, Math.trunc(decimals)));
  const fixed = Math.abs(value).toFixed(places);
  const [intPart = '0', fracPart] = fixed.split('.');
  const isZero = /^[0.]+$/.test(fixed);
  const sign = value < 0 && !isZero ? '-' : '';
  const group = locale === 'vi' ? '.' : ',';
  const point = locale === 'vi' ? ',' : '.';
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return fracPart ? `${sign}${grouped}${point}${fracPart}` : `${sign}${grouped}`;
}

/** A ratio 0…1 as a percentage with one decimal: "87,5 %" / "87.5 %". */
export function formatPercent(ratio: number | null | undefined, locale: DisplayLocale = 'vi'): string {
  if (ratio == null || !Number.isFinite(ratio)) return '—';
  return `${formatNumber(ratio * 100, 1, locale)} %`;
}

/** Whole minutes between `from` and `now` (floored, never negative); null when `from` is missing. */
export function minutesSince(from: Date | string | null | undefined, now: Date): number | null {
  if (from == null) return null;
  const d = toDate(from);
  if (!d) return null;
  return Math.max(0, Math.floor((now.getTime() - d.getTime()) / 60_000));
}

/** The instant at which `value`'s calendar day begins in the display zone (zones without DST, like Vietnam's). */
export function startOfLocalDay(value: Date, timeZone = DISPLAY_TIME_ZONE): Date {
  const p = partsOf(value, timeZone);
  const y = Number(p.year);
  const m = Number(p.month) - 1;
  const d = Number(p.day);
  const wallClockAsUtc = Date.UTC(y, m, d, Number(p.hour), Number(p.minute), Number(p.second));
  const offsetMs = wallClockAsUtc - Math.floor(value.getTime() / 1000) * 1000;
  return new Date(Date.UTC(y, m, d) - offsetMs);
}
