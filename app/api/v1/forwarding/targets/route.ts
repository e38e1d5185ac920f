import { z } from 'zod';
import { actorOf } from '@/server/api/auth';
import { json, withApi } from '@/server/api/handler';
import { pageByKey, pageQuery } from '@/server/api/pagination';
import { parseJsonBody, parseQuery } from '@/server/api/validate';
import { createTargetInput, createTargetService, listTargetsService } from '@/lib/services/forwarding';
import { toForwardTargetDto } from '@/server/queries/forwarding';

/** GET /api/v1/forwarding/targets — admin. Settings and health; never the password. */
export const GET = withApi(['admin'], async ({ req }) => {
  const q = parseQuery(req, z.object(pageQuery));
  const now = new Date();
  const rows = (await listTargetsService()).map((t) => toForwardTargetDto(t, now));
  const page = pageByKey(rows, (t) => String(t.id).padStart(10, '0'), q.limit, q.cursor);
  return json({ items: page.items, nextCursor: page.nextCursor });
});

/** POST /api/v1/forwarding/targets — admin. The password is stored encrypted (AES-256-GCM). */
export const POST = withApi(['admin'], async ({ req, principal }) => {
  const body = await parseJsonBody(req, createTargetInput);
  const created = await createTargetService(body, actorOf(principal));
  const view = (await listTargetsService()).find((t) => t.id === created.id)!;
  return json(toForwardTargetDto(view, new Date()), 201);
});
