import { listStationAqi } from '@/server/api/contract/stations';
import { handle, ok } from '@/server/api/handler';
import { readAqiPage } from '@/server/api/indices';

/** GET /api/v1/stations/{code}/aqi?resolution=1h|24h&from=&to= — VN_AQI of an ambient station (anyone; 404 otherwise). */
export const GET = handle(listStationAqi, async ({ params, query, principal }) => ok(await readAqiPage(params.code, query, principal)));
