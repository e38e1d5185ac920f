import { actorOf, scopeFor } from '@/server/api/auth';
import { toStationDetailDto, toStationSummaryDto } from '@/server/api/dto';
import { json, withApi } from '@/server/api/handler';
import { pageByKey, pageQuery } from '@/server/api/pagination';
import { parseJsonBody, parseQuery } from '@/server/api/validate';
import { createStationInput, createStationService, listStationsService, stationListFilter, stationState } from '@/lib/services/stations';

const listQuery = stationListFilter.extend(pageQuery);

/** GET /api/v1/stations — any token; facility tokens see only their facility's stations. Filters: kind, state (DOMAIN.md §7). */
export const GET = withApi('authenticated', async ({ req, principal }) => {
  const q = parseQuery(req, listQuery);
  const rows = await listStationsService(scopeFor(principal), { kind: q.kind, state: q.state });
  const page = pageByKey(rows, (s) => s.code, q.limit, q.cursor);
  return json({ items: page.items.map(toStationSummaryDto), nextCursor: page.nextCursor });
});

/** POST /api/v1/stations — admin. */
export const POST = withApi(['admin'], async ({ req, principal }) => {
  const body = await parseJsonBody(req, createStationInput);
  const s = await createStationService(body, actorOf(principal));
  return json(toStationDetailDto({ ...s, state: await stationState(s) }), 201);
});
