import { z } from 'zod';
import { scopeFor } from '@/server/api/auth';
import { toStationDetailDto } from '@/server/api/dto';
import { json, withApi } from '@/server/api/handler';
import { parseParams } from '@/server/api/validate';
import { getStationService } from '@/lib/services/stations';

const params = z.object({ code: z.string().min(1).max(64) });

/** GET /api/v1/stations/{code} — any token (404 for another facility's station); `state` per DOMAIN.md §7. */
export const GET = withApi<{ code: string }>('authenticated', async ({ params: raw, principal }) => {
  const { code } = parseParams(raw, params);
  return json(toStationDetailDto(await getStationService(code, scopeFor(principal))));
});
