import { listExceedanceSummary, type ExceedanceSummaryRow } from '../../../db/kpi';
import { listStations } from '../../../db/stations';
import type { ViewerScope } from '../../stations';
import { REPORT_TIME_ZONE, resolveKpiRange } from '../range';

export type { ExceedanceSummaryRow };

export const EXCEEDANCE_KINDS = ['compliance_exceedance', 'instant_exceedance', 'approaching'] as const;
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
  const kinds = q.kind === 'all' ? ['compliance_exceedance', 'instant_exceedance'] : [q.kind];
  return listExceedanceSummary({ stationIds: stations.map((s) => s.id), kinds, from: range.from, to: range.to, until: q.now, byMonth: q.byMonth, timeZone: REPORT_TIME_ZONE });
}
