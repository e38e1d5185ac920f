import { actorOf, scopeFor } from '@/server/api/auth';
import { toSamplerCommandDto } from '@/server/api/camera-dto';
import { postSamplerResult } from '@/server/api/contract/camera';
import { handle, ok } from '@/server/api/handler';
import { recordResultForStationService } from '@/lib/services/sampler';

/** POST /api/v1/stations/{code}/sampler/commands/{id}/result — the station's facility (its datalogger) answers. */
export const POST = handle(postSamplerResult, async ({ params, body, principal }) => {
  const c = await recordResultForStationService(
    params.code,
    scopeFor(principal),
    params.id,
    { role: principal.role, facilityId: principal.facilityId, actorName: actorOf(principal) },
    { status: body.status, bottle: body.bottle, sampledAt: body.sampledAt ?? null, note: body.note },
  );
  return ok(toSamplerCommandDto(c));
});
