import { z } from 'zod';
import { actorOf, scopeFor } from '@/server/api/auth';
import { toAlertDto } from '@/server/api/dto';
import { json, withApi } from '@/server/api/handler';
import { parseJsonBody, parseParams } from '@/server/api/validate';
import { acknowledgeAlert, acknowledgeInputSchema } from '@/lib/services/alerts';

const params = z.object({ id: z.coerce.number().int().positive() });

/** POST /api/v1/alerts/{id}/acknowledge — operator, inspector. Body `{note?}` (an empty body is allowed). */
export const POST = withApi<{ id: string }>(['operator', 'inspector'], async ({ req, params: raw, principal }) => {
  const { id } = parseParams(raw, params);
  const hasBody = (req.headers.get('content-length') ?? '') !== '0' && req.body !== null;
  const body = hasBody ? await parseJsonBody(req, acknowledgeInputSchema) : {};
  return json(toAlertDto(await acknowledgeAlert({ id, actor: actorOf(principal), note: body.note }, scopeFor(principal))));
});
