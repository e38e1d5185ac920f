import { VN_OFFSET_MINUTES } from '../../domain/iso-time';

/**
 * Local (Asia/Ho_Chi_Minh, fixed +07:00) calendar months for the monthly reports. Pure: callers pass `now`.
 * A month key is yyyy-MM; its window is [first day 00:00, first day of next month 00:00) local.
 */
const MINUTE_MS = 60_000;

/** 'yyyy-MM' or 'MM/yyyy' (month 1–12, year 2000–2100) → 'yyyy-MM'; null otherwise. */
export function parseMonthInput(text: string): string | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})$/.exec(s);
  const vn = iso ? null : /^(\d{1,2})\/(\d{4})$/.exec(s);
  const [y, m] = iso ? [Number(iso[1]), Number(iso[2])] : vn ? [Number(vn[2]), Number(vn[1])] : [NaN, NaN];
  if (!Number.isInteger(y) || !Number.isInteger(m) || m < 1 || m > 12 || y < 2000 || y > 2100) return null;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** 'yyyy-MM' → 'MM/yyyy'. */
export function formatMonthKey(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

function monthStart(y: number, m: number, offsetMinutes: number): Date {
  return new Date(Date.UTC(y, m - 1, 1) - offsetMinutes * MINUTE_MS);
}

/** [from, to) instants of a local month, plus its first day and the first day of the next month as yyyy-MM-dd. */
export function monthWindow(
  month: string,
  offsetMinutes: number = VN_OFFSET_MINUTES,
): { from: Date; to: Date; fromDay: string; toDay: string; days: number } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  const from = monthStart(y, m, offsetMinutes);
  const to = monthStart(ny, nm, offsetMinutes);
  return {
    from,
    to,
    fromDay: `${month}-01`,
    toDay: `${ny}-${String(nm).padStart(2, '0')}-01`,
    days: Math.round((to.getTime() - from.getTime()) / 86_400_000),
  };
}

/** The local month that contains `now` (yyyy-MM). */
export function monthOf(now: Date, offsetMinutes: number = VN_OFFSET_MINUTES): string {
  const d = new Date(now.getTime() + offsetMinutes * MINUTE_MS);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month before `month` (yyyy-MM). */
export function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * Which month's report is due at `now`: the previous local month once the local time has reached day `day`, hour
 * `hour` of the current month (on the 1st at 07:00 by default); null before that. Exactly at day/hour is due.
 */
export function dueReportMonth(
  now: Date,
  day: number,
  hour: number,
  offsetMinutes: number = VN_OFFSET_MINUTES,
): string | null {
  const current = monthOf(now, offsetMinutes);
  const y = Number(current.slice(0, 4));
  const m = Number(current.slice(5, 7));
  const dueAt = Date.UTC(y, m - 1, day, hour) - offsetMinutes * MINUTE_MS;
  return now.getTime() >= dueAt ? previousMonth(current) : null;
}
