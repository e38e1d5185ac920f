import { z } from 'zod';
import { scopeFor, STAFF_ROLES } from '@/server/api/auth';
import { toAlertDetailDto } from '@/server/api/dto';
import { json, withApi } from '@/server/api/handler';
import { parseParams } from '@/server/api/validate';
import { getAlert } from '@/lib/services/alerts';

const params = z.object({ id: z.coerce.number().int().positive() });

/** GET /api/v1/alerts/{id} — staff. One alert with its full event history. */
export const GET = withApi<{ id: string }>(STAFF_ROLES, async ({ params: raw, principal }) => {
  const { id } = parseParams(raw, params);
  return json(toAlertDetailDto(await getAlert(id, scopeFor(principal))));
});
