import { getStationForecast } from '@/server/api/contract/forecast';
import { readForecast } from '@/server/api/forecast';
import { handle, ok } from '@/server/api/handler';

/** GET /api/v1/stations/{code}/forecast?parameter=&hours=1..72 — hourly forecast, 80 % interval, method and measured skill. */
export const GET = handle(getStationForecast, async ({ params, query, principal }) => ok(await readForecast(params.code, query, principal)));
