import type { Schedule } from '../job-loop';
import { refreshForecasts } from '../../lib/services/forecast';

/**
 * Every hour: a new forecast for each ambient station's PM2.5, PM10 and O3 from its complete hourly means, archived
 * in forecast_run (one per last hour with data), so that its skill is later measured against what then happened.
 */
export const forecastSchedule: Schedule = {
  name: 'forecast-refresh',
  everyMs: 60 * 60_000,
  run: async (ctx) => {
    const r = await refreshForecasts(ctx.now());
    if (r.forecasts > 0) ctx.log(`forecast: ${r.forecasts} forecast(s) for ${r.stations} station(s) in ${r.ms} ms`);
  },
};
