import { actorOf, scopeFor } from '@/server/api/auth';
import { acknowledgeAlert as acknowledgeAlertRoute } from '@/server/api/contract/alerts';
import { toAlertDto } from '@/server/api/dto';
import { handle, ok } from '@/server/api/handler';
import { acknowledgeAlert } from '@/lib/services/alerts';

/** POST /api/v1/alerts/{id}/acknowledge — operator, inspector. Body `{note?}` (an empty body is allowed). */
export const POST = handle(acknowledgeAlertRoute, async ({ params, body, principal }) =>
  ok(toAlertDto(await acknowledgeAlert({ id: params.id, actor: actorOf(principal), note: body?.note }, scopeFor(principal)))),
);
