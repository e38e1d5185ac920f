import { scopeFor } from '@/server/api/auth';
import { getStationLatest } from '@/server/api/contract/stations';
import { toLatestDto } from '@/server/api/dto';
import { handle, ok } from '@/server/api/handler';
import { getLatestService, getStationLimitsService } from '@/lib/services/stations';

/**
 * GET /api/v1/stations/{code}/latest — newest value per parameter with its early-warning level against the limit in
 * force (binding → standard with coefficients, permit override, else the station parameter's own min/max) and the
 * station's full state, computed as for the map and the station list.
 */
export const GET = handle(getStationLatest, async ({ params, principal }) => {
  const now = new Date();
  const scope = scopeFor(principal);
  const [latest, limits] = await Promise.all([getLatestService(params.code, scope, now), getStationLimitsService(params.code, scope, now)]);
  return ok(toLatestDto(latest, new Map(limits.map((l) => [l.parameter, l]))));
});
