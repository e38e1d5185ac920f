import { actorOf, scopeFor } from '@/server/api/auth';
import { getRecomputeProgress, requestRecompute } from '@/server/api/contract/qc';
import { accepted, handle, ok } from '@/server/api/handler';
import { recomputeProgressService, requestRecomputeService } from '@/lib/services/qc';

/** GET /api/v1/stations/{code}/qc/recompute — progress: recompute jobs of the station still pending. */
export const GET = handle(getRecomputeProgress, async ({ params, principal }) => ok(await recomputeProgressService(params.code, scopeFor(principal))));

/** POST /api/v1/stations/{code}/qc/recompute {from, to} — admin: recompute flags and averages of [from, to). */
export const POST = handle(requestRecompute, async ({ params, body, principal }) =>
  accepted(await requestRecomputeService(params.code, scopeFor(principal), body, actorOf(principal))),
);
