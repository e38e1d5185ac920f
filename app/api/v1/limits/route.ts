import { listLimits } from '@/server/api/contract/limits';
import { toLimitStandardDto } from '@/server/api/dto';
import { handle, ok } from '@/server/api/handler';
import { listLimitStandardsService } from '@/lib/services/limits';

/** GET /api/v1/limits — staff. Limit standards and the versions in force (at `at`, default now), with their values. */
export const GET = handle(listLimits, async ({ query: q }) => {
  const items = await listLimitStandardsService(q.at ?? new Date(), { inForceOnly: q.versions === 'in_force' });
  return ok({ items: items.map(toLimitStandardDto), nextCursor: null });
});
