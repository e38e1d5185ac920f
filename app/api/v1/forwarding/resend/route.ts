import { actorOf } from '@/server/api/auth';
import { json, withApi } from '@/server/api/handler';
import { parseJsonBody } from '@/server/api/validate';
import { resendInput, resendService } from '@/lib/services/forwarding';

/**
 * POST /api/v1/forwarding/resend — admin, operator. `{station, from, to, target?}`: the station's files received in
 * [from, to) are queued again (sent ones too) for the target or every enabled target. Audited.
 */
export const POST = withApi(['admin', 'operator'], async ({ req, principal }) => {
  const body = await parseJsonBody(req, resendInput);
  const r = await resendService(body, actorOf(principal));
  return json(r, 202);
});
