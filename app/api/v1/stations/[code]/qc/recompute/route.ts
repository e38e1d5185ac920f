import { z } from 'zod';
import { actorOf, scopeFor, STAFF_ROLES } from '@/server/api/auth';
import { json, withApi } from '@/server/api/handler';
import { parseJsonBody, parseParams } from '@/server/api/validate';
import { recomputeProgressService, recomputeRequestInput, requestRecomputeService } from '@/lib/services/qc';

const params = z.object({ code: z.string().min(1).max(64) });

/** GET /api/v1/stations/{code}/qc/recompute — progress: recompute jobs of the station still pending. */
export const GET = withApi<{ code: string }>(STAFF_ROLES, async ({ params: raw, principal }) => {
  const { code } = parseParams(raw, params);
  return json(await recomputeProgressService(code, scopeFor(principal)));
});

/** POST /api/v1/stations/{code}/qc/recompute {from, to} — admin: recompute flags and averages of [from, to). */
export const POST = withApi<{ code: string }>(['admin'], async ({ req, params: raw, principal }) => {
  const { code } = parseParams(raw, params);
  const body = await parseJsonBody(req, recomputeRequestInput);
  return json(await requestRecomputeService(code, scopeFor(principal), body, actorOf(principal)), 202);
});
