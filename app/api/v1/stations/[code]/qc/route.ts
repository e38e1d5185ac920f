import { z } from 'zod';
import { actorOf, scopeFor, STAFF_ROLES } from '@/server/api/auth';
import { json, withApi } from '@/server/api/handler';
import { parseJsonBody, parseParams } from '@/server/api/validate';
import { getQcSettingsService, updateQcSettingsInput, updateQcSettingsService } from '@/lib/services/qc';

const params = z.object({ code: z.string().min(1).max(64) });

/** GET /api/v1/stations/{code}/qc — QC settings per parameter: registry defaults, override, configuration in force. */
export const GET = withApi<{ code: string }>(STAFF_ROLES, async ({ params: raw, principal }) => {
  const { code } = parseParams(raw, params);
  const s = await getQcSettingsService(code, scopeFor(principal));
  return json({ station: s.station.code, pendingJobs: s.pendingJobs, parameters: s.parameters });
});

/** PUT /api/v1/stations/{code}/qc {parameter, override|null} — admin; audited. Flags change after POST …/qc/recompute. */
export const PUT = withApi<{ code: string }>(['admin'], async ({ req, params: raw, principal }) => {
  const { code } = parseParams(raw, params);
  const body = await parseJsonBody(req, updateQcSettingsInput);
  return json(await updateQcSettingsService(code, scopeFor(principal), body, actorOf(principal)));
});
