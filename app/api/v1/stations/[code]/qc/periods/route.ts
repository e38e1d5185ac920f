import { scopeFor } from '@/server/api/auth';
import { listFlaggedPeriods } from '@/server/api/contract/qc';
import { toPeriodDto } from '@/server/api/dto';
import { handle, ok } from '@/server/api/handler';
import { stationFlaggedPeriodsService } from '@/lib/services/qc';

const DAY_MS = 86_400_000;

/** GET /api/v1/stations/{code}/qc/periods?from=&to= — flagged periods per parameter with reasons (default: 7 days). */
export const GET = handle(listFlaggedPeriods, async ({ params, query: q, principal }) => {
  const to = q.to ?? new Date();
  const from = q.from ?? new Date(to.getTime() - 7 * DAY_MS);
  const r = await stationFlaggedPeriodsService(params.code, scopeFor(principal), { from, to });
  return ok({ station: r.station.code, items: r.periods.map(toPeriodDto), truncated: r.truncated, nextCursor: null });
});
