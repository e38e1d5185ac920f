import { z } from 'zod';
import { actorOf, scopeFor } from '@/server/api/auth';
import { json, withApi } from '@/server/api/handler';
import { decodeIntCursor, encodeCursor, pageQuery } from '@/server/api/pagination';
import { parseJsonBody, parseParams, parseQuery } from '@/server/api/validate';
import { createOverlayInput, createOverlayService, listOverlaysService } from '@/lib/services/qc';
import { toOverlayDto } from '../../../qc/_lib/dto';

const params = z.object({ code: z.string().min(1).max(64) });
const query = z.object({ ...pageQuery, active: z.enum(['true', 'false']).optional() });

/** GET /api/v1/stations/{code}/overlays — the station's overlays, newest first (404 for another facility's station). */
export const GET = withApi<{ code: string }>('authenticated', async ({ req, params: raw, principal }) => {
  const { code } = parseParams(raw, params);
  const q = parseQuery(req, query);
  const page = await listOverlaysService(code, scopeFor(principal), {
    activeOnly: q.active === 'true',
    limit: q.limit,
    beforeId: q.cursor === undefined ? undefined : decodeIntCursor(q.cursor),
  });
  return json({
    items: page.items.map((o) => toOverlayDto(o, page.station.code)),
    nextCursor: page.nextBeforeId === null ? null : encodeCursor(page.nextBeforeId),
  });
});

/**
 * POST /api/v1/stations/{code}/overlays {parameters?, from, to, action, reason} — operator, inspector, admin.
 * Invalidates or restores [from, to) (empty parameters = all); raw values never change; averages are recomputed.
 */
export const POST = withApi<{ code: string }>(['operator', 'inspector', 'admin'], async ({ req, params: raw, principal }) => {
  const { code } = parseParams(raw, params);
  const body = await parseJsonBody(req, createOverlayInput);
  const o = await createOverlayService(code, scopeFor(principal), body, actorOf(principal));
  return json(toOverlayDto(o, o.stationCode), 201);
});
