import 'server-only';
import { getLocale } from 'next-intl/server';
import { formatDate } from '@/lib/domain/time';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import {
  getMonthlySubscription,
  MONTHLY_REPORT_ROLES,
  REPORTS,
  type Report,
  type ReportContext,
  type SearchParams,
} from '@/lib/services/reports';
import { requireUser, type SessionUser } from '@/server/auth/session';
import { scopeFor, listVisibleStations } from '@/lib/services/stations';

/**
 * Page reads of the reports: one generic page (form, view model, station choices) for every report of the registry,
 * in the signed-in user's scope; facility users see and choose only their own stations.
 */
export const REPORT_ROLES = ['admin', 'operator', 'inspector', 'manager', 'facility'] as const;

export type StationOption = { code: string; name: string; facilityName: string; parameters: string[] };

export type ReportPage<Values, View> = {
  values: Values;
  invalid: string[];
  /** Query string of the report for print, PDF and file links. */
  query: string;
  stations: StationOption[];
  /** null when the chosen subject is not visible (listed in `invalid`). */
  view: View | null;
};

export async function listStationOptions(user: SessionUser): Promise<StationOption[]> {
  return (await listVisibleStations(scopeFor(user))).map((s) => ({
    code: s.code,
    name: s.name,
    facilityName: s.facility.name,
    parameters: s.parameters.filter((p) => p.enabled).map((p) => p.parameter),
  }));
}

/** The context a report is loaded in for this user: their scope, their language, the configured KPI threshold. */
export async function reportContextFor(user: SessionUser, now: Date): Promise<ReportContext> {
  return {
    scope: scopeFor(user),
    now,
    threshold: env().KPI_THRESHOLD,
    locale: (await getLocale()) === 'en' ? 'en' : 'vi',
    actor: `user:${user.email}`,
  };
}

async function getReportPage<Values, View>(report: Report<Values, View>, sp: SearchParams): Promise<ReportPage<Values, View>> {
  const user = await requireUser([...REPORT_ROLES]);
  const now = new Date();
  const [stations, ctx] = await Promise.all([listStationOptions(user), reportContextFor(user, now)]);
  const request = report.read(sp, { now, stations: stations.map((s) => s.code) });
  const page = { values: request.values, invalid: request.invalid, query: request.query, stations };
  try {
    return { ...page, view: (await request.open(ctx)).view };
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') return { ...page, invalid: [...page.invalid, 'station'], view: null };
    throw e;
  }
}

/** /reports (Tỷ lệ số liệu) and its print page. */
export const getCompletenessPage = (sp: SearchParams) => getReportPage(REPORTS.completeness, sp);
/** /reports/exceedances and its print page. */
export const getExceedancePage = (sp: SearchParams) => getReportPage(REPORTS.exceedances, sp);
/** /reports/monthly?station=CODE&month=yyyy-MM (or MM/yyyy) and its print page. */
export const getMonthlyPage = (sp: SearchParams) => getReportPage(REPORTS.monthly, sp);

export type PrintHeader = {
  department: string;
  unit: string;
  place: string;
  date: { day: string; month: string; year: string };
};

/** The administrative header of printed reports (REPORT_DEPARTMENT / REPORT_UNIT / REPORT_PLACE) dated today (local). */
export function getPrintHeader(now: Date = new Date()): PrintHeader {
  const cfg = env();
  const [day = '', month = '', year = ''] = formatDate(now).split('/');
  return {
    department: cfg.REPORT_DEPARTMENT,
    unit: cfg.REPORT_UNIT,
    place: cfg.REPORT_PLACE,
    date: { day, month, year },
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
