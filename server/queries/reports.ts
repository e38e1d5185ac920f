import 'server-only';
import { formatDayInput, parseDayInput } from '@/lib/domain/kpi';
import { VN_OFFSET_MINUTES } from '@/lib/domain/iso-time';
import { env } from '@/lib/env';
import type { ExceedanceSummaryRow } from '@/lib/db/kpi';
import {
  completenessReportService,
  EXCEEDANCE_KINDS,
  exceedanceReportService,
  MAX_KPI_DAYS,
  type CompletenessReport,
  type ExceedanceKindFilter,
  type ReportPeriod,
} from '@/lib/services/reports';
import { requireUser, type SessionUser } from '@/server/auth/session';
import { scopeFor, listVisibleStations } from '@/lib/services/stations';

const DAY_MS = 86_400_000;

export const REPORT_ROLES = ['admin', 'operator', 'inspector', 'manager', 'facility'] as const;

export type ReportFormValues = { from: string; to: string; period: ReportPeriod; station: string };

export type StationOption = { code: string; name: string; facilityName: string; parameters: string[] };

export type CompletenessPage = {
  values: ReportFormValues;
  invalid: string[];
  report: CompletenessReport | null;
  stations: StationOption[];
  /** Whole-province total only makes sense for department staff; a facility user sees their facility's total. */
  showProvince: boolean;
};

function one(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
}

/** The range typed in the form (dd/MM/yyyy, both days inclusive) → [from, to) instants; defaults to this month so far. */
export function readRange(
  sp: Record<string, string | string[] | undefined>,
  now: Date,
): { values: ReportFormValues; invalid: string[]; from: Date; to: Date } {
  const invalid: string[] = [];
  const todayStart = parseDayInput(formatDayInput(now, VN_OFFSET_MINUTES), VN_OFFSET_MINUTES)!;
  const monthStart = parseDayInput(`01/${formatDayInput(now, VN_OFFSET_MINUTES).slice(3)}`, VN_OFFSET_MINUTES)!;
  let from = monthStart;
  let toDay = todayStart;
  const fromText = one(sp.from);
  const toText = one(sp.to);
  if (fromText) {
    const d = parseDayInput(fromText, VN_OFFSET_MINUTES);
    if (d) from = d;
    else invalid.push('from');
  }
  if (toText) {
    const d = parseDayInput(toText, VN_OFFSET_MINUTES);
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
  const period: ReportPeriod = one(sp.period) === 'month' ? 'month' : 'day';
  return {
    values: {
      from: formatDayInput(from, VN_OFFSET_MINUTES),
      to: formatDayInput(toDay, VN_OFFSET_MINUTES),
      period,
      station: one(sp.station),
    },
    invalid,
    from,
    to: new Date(toDay.getTime() + DAY_MS),
  };
}

export async function listStationOptions(user: SessionUser): Promise<StationOption[]> {
  return (await listVisibleStations(scopeFor(user))).map((s) => ({
    code: s.code,
    name: s.name,
    facilityName: s.facility.name,
    parameters: s.parameters.filter((p) => p.enabled).map((p) => p.parameter),
  }));
}

/** The data-completeness report of /reports (Tỷ lệ số liệu) for the signed-in user's scope. */
export async function getCompletenessPage(
  sp: Record<string, string | string[] | undefined>,
): Promise<CompletenessPage> {
  const user = await requireUser([...REPORT_ROLES]);
  const now = new Date();
  const { values, invalid, from, to } = readRange(sp, now);
  const stations = await listStationOptions(user);
  const station = values.station && stations.some((s) => s.code === values.station) ? values.station : '';
  if (values.station && !station) invalid.push('station');
  const report = await completenessReportService({
    from,
    to,
    period: values.period,
    scope: scopeFor(user),
    ...(station ? { stationCodes: [station] } : {}),
    threshold: env().KPI_THRESHOLD,
    now,
  });
  return { values: { ...values, station }, invalid, report, stations, showProvince: user.role !== 'facility' };
}

export type ExceedancePage = {
  values: ReportFormValues & { kind: ExceedanceKindFilter };
  invalid: string[];
  rows: ExceedanceSummaryRow[];
  stations: StationOption[];
};

/** Exceedance report (from the alert tables) for the signed-in user's scope. */
export async function getExceedancePage(sp: Record<string, string | string[] | undefined>): Promise<ExceedancePage> {
  const user = await requireUser([...REPORT_ROLES]);
  const now = new Date();
  const { values, invalid, from, to } = readRange(sp, now);
  const stations = await listStationOptions(user);
  const station = values.station && stations.some((s) => s.code === values.station) ? values.station : '';
  if (values.station && !station) invalid.push('station');
  const kindText = one(sp.kind);
  const kind: ExceedanceKindFilter = (EXCEEDANCE_KINDS as readonly string[]).includes(kindText)
    ? (kindText as ExceedanceKindFilter)
    : 'all';
  const rows = await exceedanceReportService({
    from,
    to,
    kind,
    byMonth: values.period === 'month',
    scope: scopeFor(user),
    ...(station ? { stationCodes: [station] } : {}),
    now,
  });
  return { values: { ...values, station, kind }, invalid, rows, stations };
}
