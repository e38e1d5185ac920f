import { actorOf, scopeFor } from '@/server/api/auth';
import { createFacility, listFacilities } from '@/server/api/contract/facilities';
import { toFacilityDto } from '@/server/api/dto';
import { created, handle, ok } from '@/server/api/handler';
import { pageByKey } from '@/server/api/pagination';
import { createFacilityService, listFacilitiesService } from '@/lib/services/accounts';

/** GET /api/v1/facilities — staff. */
export const GET = handle(listFacilities, async ({ query: q, principal }) => {
  const rows = await listFacilitiesService(scopeFor(principal));
  const page = pageByKey(rows, (f) => f.code, q.limit, q.cursor);
  return ok({ items: page.items.map(toFacilityDto), nextCursor: page.nextCursor });
});

/** POST /api/v1/facilities — admin. Creates the facility and, with ftpUsername/ftpPassword, its FTP account. */
export const POST = handle(createFacility, async ({ body, principal }) => {
  const f = await createFacilityService(body, actorOf(principal));
  return created({ ...toFacilityDto(f), ftpUsername: f.ftpUsername });
});
