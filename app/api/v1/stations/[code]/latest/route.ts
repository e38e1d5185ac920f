import { z } from 'zod';
import { scopeOf } from '@/server/api/auth';
import { toLatestDto } from '@/server/api/dto';
import { json, withApi } from '@/server/api/handler';
import { parseParams } from '@/server/api/validate';
import { getLatestService } from '@/lib/services/stations';

const params = z.object({ code: z.string().min(1).max(64) });

/** GET /api/v1/stations/{code}/latest — newest value per parameter with its early-warning level. */
export const GET = withApi<{ code: string }>('authenticated', async ({ params: raw, principal }) => {
  const { code } = parseParams(raw, params);
  return json(toLatestDto(await getLatestService(code, scopeOf(principal))));
});
