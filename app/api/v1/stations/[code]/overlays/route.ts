import { actorOf, scopeFor } from '@/server/api/auth';
import { createOverlay, listOverlays } from '@/server/api/contract/qc';
import { toOverlayDto } from '@/server/api/dto';
import { created, handle, ok } from '@/server/api/handler';
import { decodeIdCursor, encodeCursor } from '@/server/api/pagination';
import { createOverlayService, listOverlaysService } from '@/lib/services/qc';

/** GET /api/v1/stations/{code}/overlays — the station's overlays, newest first (404 for another facility's station). */
export const GET = handle(listOverlays, async ({ params, query: q, principal }) => {
  const page = await listOverlaysService(params.code, scopeFor(principal), {
    activeOnly: q.active === 'true',
    limit: q.limit,
    beforeId: q.cursor === undefined ? undefined : decodeIdCursor(q.cursor),
  });
  return ok({
    items: page.items.map((o) => toOverlayDto(o, page.station.code)),
    nextCursor: page.nextBeforeId === null ? null : encodeCursor(page.nextBeforeId),
  });
});

/**
 * POST /api/v1/stations/{code}/overlays {parameters?, from, to, action, reason} — operator, inspector, admin.
 * Invalidates or restores [from, to) (empty parameters = all); raw values never change; averages are recomputed.
 */
export const POST = handle(createOverlay, async ({ params, body, principal }) => {
  const o = await createOverlayService(params.code, scopeFor(principal), body, actorOf(principal));
  return created(toOverlayDto(o, o.stationCode));
});
