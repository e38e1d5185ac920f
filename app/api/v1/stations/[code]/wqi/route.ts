import { indexRoute } from '@/server/api/indices';

/** GET /api/v1/stations/{code}/wqi?resolution=1h|24h&from=&to= — VN_WQI of a river station (anyone; 404 otherwise). */
export const GET = indexRoute('wqi');
