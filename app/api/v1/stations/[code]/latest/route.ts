import { z } from 'zod';
import { scopeOf } from '@/server/api/auth';
import { toLatestWithLimitsDto } from '@/server/api/dto';
import { json, withApi } from '@/server/api/handler';
import { parseParams } from '@/server/api/validate';
import { earlyWarningLevel } from '@/lib/domain/verdicts';
import { resolveStationLimits } from '@/lib/services/limits';
import { getLatestService } from '@/lib/services/stations';

const params = z.object({ code: z.string().min(1).max(64) });

/**
 * GET /api/v1/stations/{code}/latest — newest value per parameter with its early-warning level against the limit in
 * force (binding → standard with coefficients, permit override, else the station parameter's own min/max).
 */
export const GET = withApi<{ code: string }>('authenticated', async ({ params: raw, principal }) => {
  const { code } = parseParams(raw, params);
  const now = new Date();
  const latest = await getLatestService(code, scopeOf(principal), now);
  const limits = await resolveStationLimits(latest.station, now);
  return json(
    toLatestWithLimitsDto(latest, limits, (v, limit) =>
      earlyWarningLevel({ value: v.value, valid: v.valid, bounds: limit ? { min: limit.min, max: limit.max } : {} }),
    ),
  );
});
