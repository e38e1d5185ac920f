import { z } from 'zod';
import { actorOf, scopeFor } from '@/server/api/auth';
import { toAlertDto } from '@/server/api/dto';
import { json, withApi } from '@/server/api/handler';
import { parseJsonBody, parseParams } from '@/server/api/validate';
import { dispositionInputSchema, setDisposition } from '@/lib/services/alerts';

const params = z.object({ id: z.coerce.number().int().positive() });

/** POST /api/v1/alerts/{id}/disposition — inspector. Body `{disposition, note, assigneeId?, dueAt?}`. */
export const POST = withApi<{ id: string }>(['inspector'], async ({ req, params: raw, principal }) => {
  const { id } = parseParams(raw, params);
  const d = await parseJsonBody(req, dispositionInputSchema);
  return json(
    toAlertDto(
      await setDisposition({ id, actor: actorOf(principal), disposition: d.disposition, note: d.note, assigneeId: d.assigneeId, dueAt: d.dueAt }, scopeFor(principal)),
    ),
  );
});
