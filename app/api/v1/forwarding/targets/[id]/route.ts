import { AppError } from '@/lib/errors';
import { actorOf } from '@/server/api/auth';
import { getForwardTarget, updateForwardTarget } from '@/server/api/contract/forwarding';
import { handle, ok } from '@/server/api/handler';
import { listTargetsService, updateTargetService } from '@/lib/services/forwarding';
import { toForwardTargetDto } from '@/server/queries/forwarding';

async function view(id: number) {
  const t = (await listTargetsService()).find((x) => x.id === id);
  if (!t) throw new AppError('NOT_FOUND', `no forwarding target ${id}`);
  return toForwardTargetDto(t, new Date());
}

/** GET /api/v1/forwarding/targets/{id} — admin. */
export const GET = handle(getForwardTarget, async ({ params }) => ok(await view(params.id)));

/** PATCH /api/v1/forwarding/targets/{id} — admin. Omitted fields (and the password) are kept. */
export const PATCH = handle(updateForwardTarget, async ({ params, body, principal }) => {
  await updateTargetService(params.id, body, actorOf(principal));
  return ok(await view(params.id));
});
