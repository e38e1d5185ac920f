import { actorOf, scopeFor } from '@/server/api/auth';
import { revokeOverlay } from '@/server/api/contract/qc';
import { toOverlayDto } from '@/server/api/dto';
import { handle, ok } from '@/server/api/handler';
import { revokeOverlayService } from '@/lib/services/qc';

/** DELETE /api/v1/stations/{code}/overlays/{id} — revokes the overlay (kept, marked revoked); operator, inspector, admin. */
export const DELETE = handle(revokeOverlay, async ({ params, principal }) => {
  const o = await revokeOverlayService(params.code, scopeFor(principal), params.id, actorOf(principal));
  return ok(toOverlayDto(o, o.stationCode));
});
