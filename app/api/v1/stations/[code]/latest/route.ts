import { z } from 'zod';
import { scopeFor } from '@/server/api/auth';
import { toLatestWithLimitsDto } from '@/server/api/dto';
import { json, withApi } from '@/server/api/handler';
import { parseParams } from '@/server/api/validate';
import { getLatestService } from '@/lib/services/stations';
import { getStationLimitsService } from '@/lib/services/stations';

const params = z.object({ code: z.string().min(1).max(64) });

/**
 * GET /api/v1/stations/{code}/latest — newest value per parameter with its early-warning level against the limit in
 * force (binding → standard with coefficients, permit override, else the station parameter's own min/max) and the
 * station's full state, computed as for the map and the station list.
 */
export const GET = withApi<{ code: string }>('authenticated', async ({ params: raw, principal }) => {
  const { code } = parseParams(raw, params);
  const now = new Date();
  const scope = scopeFor(principal);
  const [latest, limits] = await Promise.all([getLatestService(code, scope, now), getStationLimitsService(code, scope, now)]);
  return json(toLatestWithLimitsDto(latest, new Map(limits.map((l) => [l.parameter, l])), (v) => v.level));
});
