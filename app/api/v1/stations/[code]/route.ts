import { scopeFor } from '@/server/api/auth';
import { getStation } from '@/server/api/contract/stations';
import { toStationDetailDto } from '@/server/api/dto';
import { handle, ok } from '@/server/api/handler';
import { getStationService } from '@/lib/services/stations';
import { getDeviceSettings } from '@/lib/services/camera';

/** GET /api/v1/stations/{code} — any token (404 for another facility's station); `state` per DOMAIN.md §7. */
export const GET = handle(getStation, async ({ params, principal }) => {
  const s = await getStationService(params.code, scopeFor(principal));
  return ok(toStationDetailDto(s, await getDeviceSettings(s.id)));
});
