import { actorOf } from '@/server/api/auth';
import { resendForwarding } from '@/server/api/contract/forwarding';
import { accepted, handle } from '@/server/api/handler';
import { resendService } from '@/lib/services/forwarding';

/**
 * POST /api/v1/forwarding/resend — admin, operator. `{station, from, to, target?}`: the station's files received in
 * [from, to) are queued again (sent ones too) for the target or every enabled target. Audited.
 */
export const POST = handle(resendForwarding, async ({ body, principal }) => accepted(await resendService(body, actorOf(principal))));
