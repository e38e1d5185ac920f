import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { actorOf } from '@/server/api/auth';
import { json, withApi } from '@/server/api/handler';
import { parseJsonBody, parseParams } from '@/server/api/validate';
import { listTargetsService, updateTargetInput, updateTargetService } from '@/lib/services/forwarding';
import { toForwardTargetDto } from '@/server/queries/forwarding';

const params = z.object({ id: z.coerce.number().int().positive() });

async function view(id: number) {
  const t = (await listTargetsService()).find((x) => x.id === id);
  if (!t) throw new AppError('NOT_FOUND', `no forwarding target ${id}`);
  return toForwardTargetDto(t, new Date());
}

/** GET /api/v1/forwarding/targets/{id} — admin. */
export const GET = withApi<{ id: string }>(['admin'], async ({ params: raw }) => {
  const { id } = parseParams(raw, params);
  return json(await view(id));
});

/** PATCH /api/v1/forwarding/targets/{id} — admin. Omitted fields (and the password) are kept. */
export const PATCH = withApi<{ id: string }>(['admin'], async ({ req, params: raw, principal }) => {
  const { id } = parseParams(raw, params);
  const body = await parseJsonBody(req, updateTargetInput);
  await updateTargetService(id, body, actorOf(principal));
  return json(await view(id));
});
