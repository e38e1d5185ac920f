import { z } from 'zod';
import { actorOf } from '@/server/api/auth';
import { json, withApi } from '@/server/api/handler';
import { parseJsonBody, parseParams } from '@/server/api/validate';
import { createFacilityTokenInput, createFacilityTokenService } from '@/lib/services/accounts';

const params = z.object({ code: z.string().min(1).max(64) });

/** POST /api/v1/facilities/{code}/tokens — admin. Returns a `facility` token once; only its hash is stored. */
export const POST = withApi<{ code: string }>(['admin'], async ({ req, params: raw, principal }) => {
  const { code } = parseParams(raw, params);
  const body = await parseJsonBody(req, createFacilityTokenInput);
  const t = await createFacilityTokenService(code, body, actorOf(principal));
  return json({ token: t.token, name: t.name, role: t.role, facility: t.facilityCode, prefix: t.prefix }, 201);
});
