import { scopeFor } from '@/server/api/auth';
import { getAlert as getAlertRoute } from '@/server/api/contract/alerts';
import { toAlertDetailDto } from '@/server/api/dto';
import { handle, ok } from '@/server/api/handler';
import { getAlert } from '@/lib/services/alerts';

/** GET /api/v1/alerts/{id} — staff. One alert with its full event history. */
export const GET = handle(getAlertRoute, async ({ params, principal }) => ok(toAlertDetailDto(await getAlert(params.id, scopeFor(principal)))));
