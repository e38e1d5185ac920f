import { z } from 'zod';
import { STAFF_ROLES } from '@/server/api/auth';
import { toLimitStandardDto } from '@/server/api/dto';
import { json, withApi } from '@/server/api/handler';
import { parseQuery } from '@/server/api/validate';
import { listLimitStandardsService } from '@/lib/services/limits';
import { isoInstant } from '@/lib/domain/iso-time';

const query = z.object({
  at: isoInstant.optional(),
  /** `all` also lists versions not in force at `at` (past and future). */
  versions: z.enum(['in_force', 'all']).default('in_force'),
});

/** GET /api/v1/limits — staff. Limit standards and the versions in force (at `at`, default now), with their values. */
export const GET = withApi(STAFF_ROLES, async ({ req }) => {
  const q = parseQuery(req, query);
  const items = await listLimitStandardsService(q.at ?? new Date(), { inForceOnly: q.versions === 'in_force' });
  return json({ items: items.map(toLimitStandardDto), nextCursor: null });
});
