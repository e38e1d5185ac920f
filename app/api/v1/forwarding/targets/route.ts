import { actorOf } from '@/server/api/auth';
import { createForwardTarget, listForwardTargets } from '@/server/api/contract/forwarding';
import { created, handle, ok } from '@/server/api/handler';
import { pageByKey } from '@/server/api/pagination';
import { createTargetService, listTargetsService } from '@/lib/services/forwarding';
import { toForwardTargetDto } from '@/server/queries/forwarding';

/** GET /api/v1/forwarding/targets — admin. Settings and health; never the password. */
export const GET = handle(listForwardTargets, async ({ query: q }) => {
  const now = new Date();
  const rows = (await listTargetsService()).map((t) => toForwardTargetDto(t, now));
  const page = pageByKey(rows, (t) => String(t.id).padStart(10, '0'), q.limit, q.cursor);
  return ok({ items: page.items, nextCursor: page.nextCursor });
});

/** POST /api/v1/forwarding/targets — admin. The password is stored encrypted (AES-256-GCM). */
export const POST = handle(createForwardTarget, async ({ body, principal }) => {
  const target = await createTargetService(body, actorOf(principal));
  const view = (await listTargetsService()).find((t) => t.id === target.id)!;
  return created(toForwardTargetDto(view, new Date()));
});
