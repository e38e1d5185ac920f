import { actorOf } from '@/server/api/auth';
import { bindStationStandard } from '@/server/api/contract/limits';
import { handle, ok } from '@/server/api/handler';
import { setStationLimitBinding } from '@/lib/services/stations';

/** PUT /api/v1/stations/{code}/bindings — admin. Binds a standard (column, coefficients) to the station; audited. */
export const PUT = handle(bindStationStandard, async ({ params, body, principal }) => {
  await setStationLimitBinding({ stationCode: params.code, standardCode: body.standardCode, column: body.column, coefficients: body.coefficients, actor: actorOf(principal) });
  return ok({ station: params.code, standardCode: body.standardCode, column: body.column, coefficients: body.coefficients });
});
