import { listDailyAverages, listStationAlerts, type StationAlertRow } from '../../../db/reports';
import type { MonthlyParameterView } from '../../../dto/reports-monthly';
import { findParameter } from '../../../domain/parameters';
import type { KpiRates } from '../../../domain/kpi';
import { resolveStationLimits } from '../../limits';
import { getStationOrThrow, type ViewerScope } from '../../stations';
import { completenessReportService } from '../completeness';
import { monthWindow } from '../kpi-month';
import { EXCEEDANCE_ALERT_KINDS } from '../../../domain/alerts/kinds';

/**
 * Monthly station report (Báo cáo tháng theo trạm): for one station and local month, per enabled parameter the daily
 * means with min/max (avg_day), the month's mean/min/max, completeness (receipt and valid rates), the limit in force
 * and the exceedance alerts of the month with their dispositions.
 */
export type MonthlyDay = {
  day: string;
  value: number | null;
  min: number | null;
  max: number | null;
  complete: boolean;
};

/** The view's parameter (lib/dto) before translation: both names, the days' completeness, the limit's basis. */
export type MonthlyParameter = Omit<MonthlyParameterView, 'name' | 'days' | 'completeness'> & {
  nameVi: string;
  nameEn: string;
  days: MonthlyDay[];
  limitBasis: string | null;
  completeness: KpiRates;
};

export type MonthlyStationReport = {
  month: string;
  from: Date;
  to: Date;
  station: { code: string; name: string; kind: string; facilityName: string };
  parameters: MonthlyParameter[];
  total: KpiRates;
  threshold: number;
  alerts: StationAlertRow[];
};

/** Rates of a parameter or station without a single expected reading in the month. */
const NO_READINGS: KpiRates = { expected: 0, received: 0, valid: 0, receiptRate: null, validRate: null, belowThreshold: false };

export const MONTHLY_ALERT_KINDS = EXCEEDANCE_ALERT_KINDS;

export async function monthlyStationReportService(q: {
  stationCode: string;
  month: string;
  scope: ViewerScope;
  threshold: number;
  now: Date;
}): Promise<MonthlyStationReport> {
  const station = await getStationOrThrow(q.stationCode, q.scope);
  const w = monthWindow(q.month);
  const params = station.parameters.filter((p) => p.enabled);
  // A month not started yet still gets a (zero) report rather than an invalid range.
  const kpiTo = w.from < q.now ? w.to : new Date(w.from.getTime() + 86_400_000);
  const limitsAt = new Date(Math.min(w.to.getTime() - 1, q.now.getTime()));
  const [daily, kpi, alerts, limits24] = await Promise.all([
    listDailyAverages({ stationId: station.id, fromDay: w.fromDay, toDay: w.toDay }),
    completenessReportService({
      from: w.from,
      to: kpiTo,
      period: 'month',
      scope: q.scope,
      stationCodes: [station.code],
      threshold: q.threshold,
      now: q.now,
    }),
    listStationAlerts({ stationId: station.id, kinds: MONTHLY_ALERT_KINDS, from: w.from, to: w.to }),
    resolveStationLimits(station, limitsAt, { averaging: '24h' }),
  ]);
  // Not in parallel with the first call: a process's first limits read seeds the builtin catalogue, which is not
  // safe to run twice at once. The 24 h limit is what daily means compare to; otherwise the limit in force.
  const limitsAny = await resolveStationLimits(station, limitsAt);
  const dayKeys = Array.from({ length: w.days }, (_, i) => {
    const d = new Date(Date.UTC(Number(q.month.slice(0, 4)), Number(q.month.slice(5, 7)) - 1, i + 1));
    return d.toISOString().slice(0, 10);
  });
  const parameters: MonthlyParameter[] = params.map((p) => {
    const def = findParameter(station.kind, p.parameter);
    const rows = new Map(daily.filter((d) => d.parameter === p.parameter).map((d) => [d.day, d]));
    const days: MonthlyDay[] = dayKeys.map((day) => {
      const r = rows.get(day);
      return { day, value: r?.value ?? null, min: r?.min ?? null, max: r?.max ?? null, complete: r?.complete ?? false };
    });
    const values = days.map((d) => d.value).filter((v): v is number => v != null);
    const mins = days.map((d) => d.min).filter((v): v is number => v != null);
    const maxs = days.map((d) => d.max).filter((v): v is number => v != null);
    const lim = limits24.get(p.parameter) ?? limitsAny.get(p.parameter) ?? null;
    const c = kpi.rows.find((r) => r.parameter === p.parameter);
    return {
      parameter: p.parameter,
      nameVi: def?.nameVi ?? p.parameter,
      nameEn: def?.nameEn ?? p.parameter,
      unit: p.unit || def?.unit || '',
      decimals: def?.decimals ?? 2,
      days,
      mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
      min: mins.length ? Math.min(...mins) : null,
      max: maxs.length ? Math.max(...maxs) : null,
      daysWithData: values.length,
      limitMax: lim?.max ?? null,
      limitMin: lim?.min ?? null,
      limitBasis: lim?.averaging ?? null,
      completeness: c ?? { ...NO_READINGS },
      exceedances: alerts.filter((a) => a.parameter === p.parameter).length,
    };
  });
  const total = kpi.stationTotals[0] ?? NO_READINGS;
  return {
    month: q.month,
    from: w.from,
    to: w.to,
    station: { code: station.code, name: station.name, kind: station.kind, facilityName: station.facility.name },
    parameters,
    total: {
      expected: total.expected,
      received: total.received,
      valid: total.valid,
      receiptRate: total.receiptRate,
      validRate: total.validRate,
      belowThreshold: total.belowThreshold,
    },
    threshold: q.threshold,
    alerts,
  };
}
