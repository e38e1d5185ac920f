import { actorOf, scopeFor } from '@/server/api/auth';
import { createStation, listStations } from '@/server/api/contract/stations';
import { toStationDetailDto, toStationSummaryDto } from '@/server/api/dto';
import { created, handle, ok } from '@/server/api/handler';
import { pageByKey } from '@/server/api/pagination';
import { createStationService, listStationsService, stationState } from '@/lib/services/stations';
import { getDeviceSettings } from '@/lib/services/camera';

/** GET /api/v1/stations — any token; facility tokens see only their facility's stations. Filters: kind, state (DOMAIN.md §7). */
export const GET = handle(listStations, async ({ query: q, principal }) => {
  const rows = await listStationsService(scopeFor(principal), { kind: q.kind, state: q.state });
  const page = pageByKey(rows, (s) => s.code, q.limit, q.cursor);
  return ok({ items: page.items.map(toStationSummaryDto), nextCursor: page.nextCursor });
});

/** POST /api/v1/stations — admin. */
export const POST = handle(createStation, async ({ body, principal }) => {
  const s = await createStationService(body, actorOf(principal));
  return created(toStationDetailDto({ ...s, state: await stationState(s) }, await getDeviceSettings(s.id)));
});
