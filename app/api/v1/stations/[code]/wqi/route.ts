import { listStationWqi } from '@/server/api/contract/stations';
import { handle, ok } from '@/server/api/handler';
import { readWqiPage } from '@/server/api/indices';

/** GET /api/v1/stations/{code}/wqi?resolution=1h|24h&from=&to= — VN_WQI of a river station (anyone; 404 otherwise). */
export const GET = handle(listStationWqi, async ({ params, query, principal }) => ok(await readWqiPage(params.code, query, principal)));
