import { actorOf, scopeFor } from '@/server/api/auth';
import { getQcSettings, updateQcSettings } from '@/server/api/contract/qc';
import { handle, ok } from '@/server/api/handler';
import { getQcSettingsService, updateQcSettingsService } from '@/lib/services/qc';

/** GET /api/v1/stations/{code}/qc — QC settings per parameter: registry defaults, override, configuration in force. */
export const GET = handle(getQcSettings, async ({ params, principal }) => {
  const s = await getQcSettingsService(params.code, scopeFor(principal));
  return ok({ station: s.station.code, pendingJobs: s.pendingJobs, parameters: s.parameters });
});

/** PUT /api/v1/stations/{code}/qc {parameter, override|null} — admin; audited. Flags change after POST …/qc/recompute. */
export const PUT = handle(updateQcSettings, async ({ params, body, principal }) =>
  ok(await updateQcSettingsService(params.code, scopeFor(principal), body, actorOf(principal))),
);
