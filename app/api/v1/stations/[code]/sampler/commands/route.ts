import { actorOf, scopeFor } from '@/server/api/auth';
import { toSamplerCommandDto } from '@/server/api/camera-dto';
import { listSamplerCommands, queueSamplerCommand } from '@/server/api/contract/camera';
import { created, handle, ok } from '@/server/api/handler';
import { decodeIntCursor, encodeCursor } from '@/server/api/pagination';
import { listCommandsService, queueSampleService } from '@/lib/services/sampler';

/** POST /api/v1/stations/{code}/sampler/commands — inspector, admin: queue a sample (optionally for an alert). */
export const POST = handle(queueSamplerCommand, async ({ params, body, principal }) => {
  const c = await queueSampleService(params.code, scopeFor(principal), { ...principal, actorName: actorOf(principal) }, body ?? {});
  return created(toSamplerCommandDto(c));
});

/** GET /api/v1/stations/{code}/sampler/commands — staff or the station's facility; the logger's `?state=queued` hands them over. */
export const GET = handle(listSamplerCommands, async ({ params, query: q, principal }) => {
  const r = await listCommandsService(params.code, scopeFor(principal), { ...principal, actorName: actorOf(principal) }, {
    state: q.state,
    limit: q.limit,
    beforeId: q.cursor ? decodeIntCursor(q.cursor) : undefined,
  });
  const last = r.items.at(-1);
  return ok({ items: r.items.map(toSamplerCommandDto), nextCursor: r.more && last ? encodeCursor(last.id) : null });
});
