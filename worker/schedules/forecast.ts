import type { Schedule } from '../job-loop';
import { env } from '../../lib/env';
import { evaluateTrendWarnings, refreshForecasts } from '../../lib/services/forecast';

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

/** Every 5 minutes (the readings' interval): trend warnings of wastewater and emission stations. */
export const trendWarningSchedule: Schedule = {
  name: 'alerts.trend-warning',
  everyMs: 5 * 60_000,
  run: async (ctx) => {
    const e = env();
    const s = await evaluateTrendWarnings(ctx.now(), { horizonMinutes: e.TREND_WARNING_HORIZON_MINUTES, clearMinutes: e.TREND_WARNING_CLEAR_MINUTES });
    if (s.opened + s.resolved > 0) ctx.log(`trend warnings: opened ${s.opened}, resolved ${s.resolved}`);
  },
};
