import { z } from 'zod';
import { actorOf, scopeFor, STAFF_ROLES } from '@/server/api/auth';
import { toFacilityDto, type FacilityCreatedDto } from '@/server/api/dto';
import { json, withApi } from '@/server/api/handler';
import { pageByKey, pageQuery } from '@/server/api/pagination';
import { parseJsonBody, parseQuery } from '@/server/api/validate';
import { createFacilityInput, createFacilityService, listFacilitiesService } from '@/lib/services/accounts';

/** GET /api/v1/facilities — staff. */
export const GET = withApi(STAFF_ROLES, async ({ req, principal }) => {
  const q = parseQuery(req, z.object(pageQuery));
  const rows = await listFacilitiesService(scopeFor(principal));
  const page = pageByKey(rows, (f) => f.code, q.limit, q.cursor);
  return json({ items: page.items.map(toFacilityDto), nextCursor: page.nextCursor });
});

/** POST /api/v1/facilities — admin. Creates the facility and, with ftpUsername/ftpPassword, its FTP account. */
export const POST = withApi(['admin'], async ({ req, principal }) => {
  const body = await parseJsonBody(req, createFacilityInput);
  const f = await createFacilityService(body, actorOf(principal));
  const dto: FacilityCreatedDto = { ...toFacilityDto(f), ftpUsername: f.ftpUsername };
  return json(dto, 201);
});
