import { DAY_MS, fromLocalParts, localDayKey } from '../../domain/time';

/**
 * Local (Asia/Ho_Chi_Minh, fixed +07:00) calendar months for the monthly reports. Pure: callers pass `now`.
 * A month key is yyyy-MM; its window is [first day 00:00, first day of next month 00:00) local.
 */
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

const monthStart = (year: number, month: number): Date => fromLocalParts({ year, month, day: 1 });

/** [from, to) instants of a local month, plus its first day and the first day of the next month as yyyy-MM-dd. */
export function monthWindow(month: string): { from: Date; to: Date; fromDay: string; toDay: string; days: number } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  const from = monthStart(y, m);
  const to = monthStart(ny, nm);
  return {
    from,
    to,
    fromDay: `${month}-01`,
    toDay: `${ny}-${String(nm).padStart(2, '0')}-01`,
    days: Math.round((to.getTime() - from.getTime()) / DAY_MS),
  };
}

/** The local month that contains `now` (yyyy-MM). */
export function monthOf(now: Date): string {
  return localDayKey(now).slice(0, 7);
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
export function dueReportMonth(now: Date, day: number, hour: number): string | null {
  const current = monthOf(now);
  const dueAt = fromLocalParts({ year: Number(current.slice(0, 4)), month: Number(current.slice(5, 7)), day, hour }).getTime();
  return now.getTime() >= dueAt ? previousMonth(current) : null;
}
