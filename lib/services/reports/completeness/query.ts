import { z } from 'zod';
import { listFileDayCounts, listKpiDayCounts } from '../../../db/kpi';
import { listStations, type StationRow } from '../../../db/stations';
import { expectedSlots, kpiRates, monthOfDay, sumCounts, type KpiCounts, type KpiRates } from '../../../domain/kpi';
import { isoInstant, localDayWindows } from '../../../domain/time';
import { AppError } from '../../../errors';
import type { ViewerScope } from '../../stations';
import { resolveKpiRange, type ReportPeriod } from '../range';

/**
 * Completeness (DOMAIN.md §7): expected, received and valid readings per station × parameter × local day, grouped into
 * the report's rows and totals, and into the API's items (GET /api/v1/kpi/completeness).
 */

/** One station × parameter × local day of the completeness report (counts only; rates are derived per group). */
export type KpiCell = KpiCounts & {
  stationId: number;
  stationCode: string;
  stationName: string;
  facilityCode: string;
  facilityName: string;
  parameter: string;
  day: string;
};

export type KpiData = { from: Date; to: Date; cells: KpiCell[]; files: Map<string, number>; stations: StationRow[] };

export const completenessQuery = z.object({
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  groupBy: z.enum(['station', 'parameter', 'day']).default('station'),
  station: z.string().trim().min(1).max(64).optional(),
});
export type CompletenessQuery = z.input<typeof completenessQuery>;

/**
 * Counts for every enabled parameter of every enabled station in scope and every local day of [from, to): expected
 * from the station's interval and activeFrom (never beyond `now`), received/valid from one grouped query.
 */
export async function loadKpiData(q: { from: Date; to: Date; scope: ViewerScope; stationCodes?: readonly string[]; now: Date }): Promise<KpiData> {
  const stations = (
    await listStations({ ...(q.scope.facilityId != null ? { facilityId: q.scope.facilityId } : {}), ...(q.stationCodes ? { codes: [...q.stationCodes] } : {}) })
  ).filter((s) => s.enabled);
  const countTo = new Date(Math.min(q.to.getTime(), q.now.getTime()));
  const ids = stations.map((s) => s.id);
  const [counts, fileCounts] = await Promise.all([
    listKpiDayCounts({ stationIds: ids, from: q.from, to: q.to }),
    listFileDayCounts({ stationIds: ids, from: q.from, to: q.to }),
  ]);
  const byKey = new Map(counts.map((c) => [`${c.stationId}|${c.parameter}|${c.day}`, c]));
  const days = localDayWindows(q.from, q.to);
  const cells: KpiCell[] = [];
  for (const s of stations) {
    for (const p of s.parameters.filter((x) => x.enabled)) {
      for (const d of days) {
        const c = byKey.get(`${s.id}|${p.parameter}|${d.day}`);
        const expected = d.from < countTo ? expectedSlots({ from: d.from, to: d.to < countTo ? d.to : countTo, activeFrom: s.activeFrom, intervalMinutes: s.intervalMinutes }) : 0;
        cells.push({
          stationId: s.id,
          stationCode: s.code,
          stationName: s.name,
          facilityCode: s.facility.code,
          facilityName: s.facility.name,
          parameter: p.parameter,
          day: d.day,
          expected,
          received: c?.received ?? 0,
          valid: c?.valid ?? 0,
        });
      }
    }
  }
  const files = new Map(fileCounts.map((f) => [`${f.stationId}|${f.day}`, f.files]));
  return { from: q.from, to: q.to, cells, files, stations };
}

/** Groups cells by a key (first-seen order), summing counts, then derives rates against the threshold. */
export function groupKpiCells<K>(cells: readonly KpiCell[], keyOf: (c: KpiCell) => string, describe: (first: KpiCell) => K, threshold: number): (K & KpiRates)[] {
  const groups = new Map<string, { first: KpiCell; items: KpiCell[] }>();
  for (const c of cells) {
    const k = keyOf(c);
    const g = groups.get(k);
    if (g) g.items.push(c);
    else groups.set(k, { first: c, items: [c] });
  }
  return [...groups.values()].map((g) => ({ ...describe(g.first), ...kpiRates(sumCounts(g.items), threshold) }));
}

export type CompletenessItem = KpiRates & { station: string; parameter?: string; day?: string };

/** GET /api/v1/kpi/completeness: per station, per station × parameter, or per station × day. */
export async function completenessService(raw: CompletenessQuery, scope: ViewerScope, threshold: number, now: Date = new Date()): Promise<CompletenessItem[]> {
  const q = completenessQuery.parse(raw);
  const range = resolveKpiRange(q.from, q.to, now);
  if (q.station) {
    const visible = await listStations({ codes: [q.station], ...(scope.facilityId != null ? { facilityId: scope.facilityId } : {}) });
    if (visible.length === 0) throw new AppError('NOT_FOUND', `no station '${q.station}'`);
  }
  const data = await loadKpiData({ ...range, scope, ...(q.station ? { stationCodes: [q.station] } : {}), now });
  if (q.groupBy === 'parameter') {
    return groupKpiCells(data.cells, (c) => `${c.stationCode}|${c.parameter}`, (c) => ({ station: c.stationCode, parameter: c.parameter }), threshold);
  }
  if (q.groupBy === 'day') {
    return groupKpiCells(data.cells, (c) => `${c.stationCode}|${c.day}`, (c) => ({ station: c.stationCode, day: c.day }), threshold);
  }
  return groupKpiCells(data.cells, (c) => c.stationCode, (c) => ({ station: c.stationCode }), threshold);
}

export type CompletenessReportRow = KpiRates & { stationCode: string; stationName: string; facilityName: string; parameter: string; period: string };
export type CompletenessTotalRow = KpiRates & { label: string; code: string; files: number | null };

export type CompletenessReport = {
  from: Date;
  to: Date;
  period: ReportPeriod;
  threshold: number;
  rows: CompletenessReportRow[];
  stationTotals: CompletenessTotalRow[];
  facilityTotals: CompletenessTotalRow[];
  province: CompletenessTotalRow;
};

/** The /reports completeness table: station × parameter × day or month, with station, facility and province totals. */
export async function completenessReportService(q: {
  from: Date;
  to: Date;
  period: ReportPeriod;
  scope: ViewerScope;
  stationCodes?: readonly string[];
  threshold: number;
  now: Date;
}): Promise<CompletenessReport> {
  const range = resolveKpiRange(q.from, q.to, q.now);
  const data = await loadKpiData({ ...range, scope: q.scope, ...(q.stationCodes?.length ? { stationCodes: q.stationCodes } : {}), now: q.now });
  const periodOf = (c: KpiCell) => (q.period === 'month' ? monthOfDay(c.day) : c.day);
  const rows = groupKpiCells(
    data.cells,
    (c) => `${c.stationCode}|${c.parameter}|${periodOf(c)}`,
    (c) => ({ stationCode: c.stationCode, stationName: c.stationName, facilityName: c.facilityName, parameter: c.parameter, period: periodOf(c) }),
    q.threshold,
  );
  const filesOf = (stationIds: ReadonlySet<number>) => {
    let n = 0;
    for (const [k, v] of data.files) if (stationIds.has(Number(k.split('|')[0]))) n += v;
    return n;
  };
  const stationTotals = groupKpiCells(data.cells, (c) => c.stationCode, (c) => ({ label: c.stationName, code: c.stationCode, files: filesOf(new Set([c.stationId])) }), q.threshold);
  const facilityTotals = groupKpiCells(
    data.cells,
    (c) => c.facilityCode,
    (c) => ({ label: c.facilityName, code: c.facilityCode, files: filesOf(new Set(data.stations.filter((s) => s.facility.code === c.facilityCode).map((s) => s.id))) }),
    q.threshold,
  );
  const province = { label: '', code: '*', files: filesOf(new Set(data.stations.map((s) => s.id))), ...kpiRates(sumCounts(data.cells), q.threshold) };
  return { from: range.from, to: range.to, period: q.period, threshold: q.threshold, rows, stationTotals, facilityTotals, province };
}
