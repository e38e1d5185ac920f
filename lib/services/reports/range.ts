import { z } from 'zod';
import { DAY_MS, formatDate, parseLocalDate, startOfLocalDay } from '../../domain/time';
import { AppError } from '../../errors';
import { searchParam, type FormContext, type SearchParams } from './contract';

/** Date ranges of the KPI reports: whole local days (Asia/Ho_Chi_Minh, +07:00), at most MAX_KPI_DAYS at a time. */
export const MAX_KPI_DAYS = 366;

export type ReportPeriod = 'day' | 'month';

/** Default: the last 7 local days up to the start of today (whole days only). */
export function resolveKpiRange(from: Date | undefined, to: Date | undefined, now: Date): { from: Date; to: Date } {
  const end = to ?? (from ? new Date(from.getTime() + 7 * DAY_MS) : startOfLocalDay(now));
  const start = from ?? new Date(end.getTime() - 7 * DAY_MS);
  if (start >= end) throw new AppError('VALIDATION', '`from` must be before `to`', [{ path: 'query.from', message: 'must be before to' }]);
  if (end.getTime() - start.getTime() > MAX_KPI_DAYS * DAY_MS) {
    throw new AppError('VALIDATION', `at most ${MAX_KPI_DAYS} days at a time`, [{ path: 'query.to', message: 'range too long' }]);
  }
  return { from: start, to: end };
}

export type RangeValues = { from: string; to: string; period: ReportPeriod };

/**
 * The range typed in a report form (dd/MM/yyyy, both days inclusive) → [from, to) instants; defaults to this month so
 * far. An unreadable or reversed day is listed as invalid and replaced; a range over MAX_KPI_DAYS is cut.
 */
export function readRangeForm(sp: SearchParams, now: Date): { values: RangeValues; invalid: string[]; from: Date; to: Date } {
  const invalid: string[] = [];
  const today = formatDate(now);
  const todayStart = parseLocalDate(today)!;
  const monthStart = parseLocalDate(`01/${today.slice(3)}`)!;
  let from = monthStart;
  let toDay = todayStart;
  const fromText = searchParam(sp, 'from');
  const toText = searchParam(sp, 'to');
  if (fromText) {
    const d = parseLocalDate(fromText);
    if (d) from = d;
    else invalid.push('from');
  }
  if (toText) {
    const d = parseLocalDate(toText);
    if (d) toDay = d;
    else invalid.push('to');
  }
  if (toDay < from) {
    invalid.push('to');
    toDay = from;
  }
  if (toDay.getTime() - from.getTime() >= MAX_KPI_DAYS * DAY_MS) {
    invalid.push('to');
    toDay = new Date(from.getTime() + (MAX_KPI_DAYS - 1) * DAY_MS);
  }
  const period: ReportPeriod = searchParam(sp, 'period') === 'month' ? 'month' : 'day';
  return {
    values: { from: formatDate(from), to: formatDate(toDay), period },
    invalid,
    from,
    to: new Date(toDay.getTime() + DAY_MS),
  };
}

/** The station chosen in a form: one the caller may see, else '' (all stations) with the field listed as invalid. */
export function readStationChoice(sp: SearchParams, stations: readonly string[], invalid: string[]): string {
  const text = searchParam(sp, 'station');
  if (text && !stations.includes(text)) {
    invalid.push('station');
    return '';
  }
  return text;
}

/** Params shared by the range reports: whole local days [from, to), optionally one station. */
export const rangeParams = z.object({
  from: z.date(),
  to: z.date(),
  station: z.string().trim().min(1).max(64).optional(),
});

/** The range and the station of a report form, with the input of rangeParams. */
export function readRangeStationForm(sp: SearchParams, form: FormContext) {
  const { values, invalid, from, to } = readRangeForm(sp, form.now);
  const station = readStationChoice(sp, form.stations, invalid);
  return { values: { ...values, station }, invalid, input: { from, to, ...(station ? { station } : {}) } };
}
