import { listExceedanceSummary, type ExceedanceSummaryRow } from '../../../db/kpi';
import { listStations } from '../../../db/stations';
import type { ViewerScope } from '../../stations';
import { resolveKpiRange } from '../range';
import { LIMIT_ALERT_KINDS, EXCEEDANCE_ALERT_KINDS } from '../../../domain/alerts/kinds';

export type { ExceedanceSummaryRow };

/** The kinds the exceedance report can show: those compared against a limit; 'all' = the exceedances proper. */
export const EXCEEDANCE_KINDS = LIMIT_ALERT_KINDS;
export type ExceedanceKindFilter = (typeof EXCEEDANCE_KINDS)[number] | 'all';

/** Exceedance report: alerts of the chosen kind(s) per station × parameter × month (or the whole range). */
export async function exceedanceReportService(q: {
  from: Date;
  to: Date;
  kind: ExceedanceKindFilter;
  byMonth: boolean;
  scope: ViewerScope;
  stationCodes?: readonly string[];
  now: Date;
}): Promise<ExceedanceSummaryRow[]> {
  const range = resolveKpiRange(q.from, q.to, q.now);
  const stations = await listStations({ ...(q.scope.facilityId != null ? { facilityId: q.scope.facilityId } : {}), ...(q.stationCodes?.length ? { codes: [...q.stationCodes] } : {}) });
  const kinds = q.kind === 'all' ? EXCEEDANCE_ALERT_KINDS : [q.kind];
  return listExceedanceSummary({ stationIds: stations.map((s) => s.id), kinds, from: range.from, to: range.to, until: q.now, byMonth: q.byMonth });
}
