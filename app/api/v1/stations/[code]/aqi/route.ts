import { indexRoute } from '@/server/api/indices';

/** GET /api/v1/stations/{code}/aqi?resolution=1h|24h&from=&to= — VN_AQI of an ambient station (anyone; 404 otherwise). */
export const GET = indexRoute('aqi');
