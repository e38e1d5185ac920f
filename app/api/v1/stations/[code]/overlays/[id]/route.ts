import { z } from 'zod';
import { actorOf, scopeFor } from '@/server/api/auth';
import { json, withApi } from '@/server/api/handler';
import { parseParams } from '@/server/api/validate';
import { revokeOverlayService } from '@/lib/services/qc';
import { toOverlayDto } from '../../../../qc/_lib/dto';

const params = z.object({ code: z.string().min(1).max(64), id: z.coerce.number().int().positive() });

/** DELETE /api/v1/stations/{code}/overlays/{id} — revokes the overlay (kept, marked revoked); operator, inspector, admin. */
export const DELETE = withApi<{ code: string; id: string }>(['operator', 'inspector', 'admin'], async ({ params: raw, principal }) => {
  const { code, id } = parseParams(raw, params);
  const o = await revokeOverlayService(code, scopeFor(principal), id, actorOf(principal));
  return json(toOverlayDto(o, o.stationCode));
});
