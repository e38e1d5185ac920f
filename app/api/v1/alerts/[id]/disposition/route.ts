import { actorOf, scopeFor } from '@/server/api/auth';
import { setAlertDisposition } from '@/server/api/contract/alerts';
import { toAlertDto } from '@/server/api/dto';
import { handle, ok } from '@/server/api/handler';
import { setDisposition } from '@/lib/services/alerts';

/** POST /api/v1/alerts/{id}/disposition — inspector. Body `{disposition, note, assigneeId?, dueAt?}`. */
export const POST = handle(setAlertDisposition, async ({ params, body: d, principal }) =>
  ok(
    toAlertDto(
      await setDisposition(
        { id: params.id, actor: actorOf(principal), disposition: d.disposition, note: d.note, assigneeId: d.assigneeId, dueAt: d.dueAt },
        scopeFor(principal),
      ),
    ),
  ),
);
