import { actorOf } from '@/server/api/auth';
import { createFacilityToken } from '@/server/api/contract/facilities';
import { created, handle } from '@/server/api/handler';
import { createFacilityTokenService } from '@/lib/services/accounts';

/** POST /api/v1/facilities/{code}/tokens — admin. Returns a `facility` token once; only its hash is stored. */
export const POST = handle(createFacilityToken, async ({ params, body, principal }) => {
  const t = await createFacilityTokenService(params.code, body, actorOf(principal));
  return created({ token: t.token, name: t.name, role: t.role, facility: t.facilityCode, prefix: t.prefix });
});
