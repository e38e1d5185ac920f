import 'server-only';
import type { MonthlyParameterView } from '@/lib/dto/reports-monthly';
import { getLocale } from 'next-intl/server';
import { VN_OFFSET_MINUTES } from '@/lib/domain/iso-time';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { formatMonthKey, monthOf, parseMonthInput } from '@/lib/services/reports';
import { monthlyStationReportService, type MonthlyStationReport } from '@/lib/services/reports';
import { getMonthlySubscription, MONTHLY_REPORT_ROLES } from '@/lib/services/reports';
import { requireUser } from '@/server/auth/session';
import { listStationOptions, REPORT_ROLES, type StationOption } from './reports';
import { scopeFor } from '@/lib/services/stations';

function one(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
}

export type MonthlyPageParameter = MonthlyParameterView;

export type MonthlyPage = {
  values: { station: string; month: string };
  /** Query string of the report (station, month) for print/PDF links. */
  query: string;
  invalid: string[];
  stations: StationOption[];
  report: (Omit<MonthlyStationReport, 'parameters'> & { parameters: MonthlyPageParameter[] }) | null;
};

/** /reports/monthly?station=CODE&month=yyyy-MM (or MM/yyyy): one station's month; facility users only their own. */
export async function getMonthlyPage(sp: Record<string, string | string[] | undefined>): Promise<MonthlyPage> {
  const user = await requireUser([...REPORT_ROLES]);
  const now = new Date();
  const [stations, locale] = await Promise.all([listStationOptions(user), getLocale()]);
  const invalid: string[] = [];
  const monthText = one(sp.month);
  const month = monthText ? parseMonthInput(monthText) : monthOf(now, VN_OFFSET_MINUTES);
  if (!month) invalid.push('month');
  const stationText = one(sp.station);
  const station = stations.some((s) => s.code === stationText) ? stationText : '';
  if (stationText && !station) invalid.push('station');
  const effectiveMonth = month ?? monthOf(now, VN_OFFSET_MINUTES);
  const values = { station, month: formatMonthKey(effectiveMonth) };
  const query = new URLSearchParams({ station, month: effectiveMonth }).toString();
  if (!station) return { values, query, invalid, stations, report: null };
  try {
    const r = await monthlyStationReportService({
      stationCode: station,
      month: effectiveMonth,
      scope: scopeFor(user),
      threshold: env().KPI_THRESHOLD,
      now,
    });
    return {
      values,
      query,
      invalid,
      stations,
      report: {
        ...r,
        parameters: r.parameters.map((p) => ({
          parameter: p.parameter,
          name: locale === 'en' ? p.nameEn : p.nameVi,
          unit: p.unit,
          decimals: p.decimals,
          days: p.days.map((d) => ({ day: d.day, value: d.value, min: d.min, max: d.max })),
          mean: p.mean,
          min: p.min,
          max: p.max,
          daysWithData: p.daysWithData,
          limitMax: p.limitMax,
          limitMin: p.limitMin,
          completeness: {
            receiptRate: p.completeness.receiptRate,
            validRate: p.completeness.validRate,
            belowThreshold: p.completeness.belowThreshold,
          },
          exceedances: p.exceedances,
        })),
      },
    };
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND')
      return { values: { ...values, station: '' }, query, invalid: [...invalid, 'station'], stations, report: null };
    throw e;
  }
}

export type PrintHeader = {
  department: string;
  unit: string;
  place: string;
  date: { day: string; month: string; year: string };
};

/** The administrative header of printed reports (REPORT_DEPARTMENT / REPORT_UNIT / REPORT_PLACE) dated today (local). */
export function getPrintHeader(now: Date = new Date()): PrintHeader {
  const cfg = env();
  const d = new Date(now.getTime() + VN_OFFSET_MINUTES * 60_000);
  return {
    department: cfg.REPORT_DEPARTMENT,
    unit: cfg.REPORT_UNIT,
    place: cfg.REPORT_PLACE,
    date: {
      day: String(d.getUTCDate()).padStart(2, '0'),
      month: String(d.getUTCMonth() + 1).padStart(2, '0'),
      year: String(d.getUTCFullYear()),
    },
  };
}

/** The monthly e-mail opt-in for the settings page; null for roles that cannot subscribe (facility users). */
export async function getMonthlySubscriptionSettings(): Promise<{
  initial: boolean;
  day: number;
  hour: number;
} | null> {
  const user = await requireUser();
  if (!(MONTHLY_REPORT_ROLES as readonly string[]).includes(user.role)) return null;
  return {
    initial: await getMonthlySubscription(user.id),
    day: env().MONTHLY_REPORT_DAY,
    hour: env().MONTHLY_REPORT_HOUR,
  };
}
