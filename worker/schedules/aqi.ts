import type { Schedule } from '../job-loop';
import { catchUpIndices } from '../../lib/services/aqi';

/**
 * At start (first run after 1 s) and every 10 minutes: backfill AQI/WQI for stations with no rows in the last 7 days
 * (the demo history) and bring the others up to now, in case a 'derived' job has not run (yet).
 */
export const aqiCatchUpSchedule: Schedule = {
  name: 'aqi-catch-up',
  everyMs: 10 * 60_000,
  run: async (ctx) => {
    const started = Date.now();
    const r = await catchUpIndices(ctx.now());
    if (r.backfilled > 0) ctx.log(`aqi: backfilled ${r.backfilled} station(s), ${r.hours} hour(s) of AQI/WQI in ${Date.now() - started} ms`);
  },
};
