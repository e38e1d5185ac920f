import 'server-only';
import { z } from 'zod';
import { AQI_BANDS } from '@/lib/domain/aqi';
import { MAX_FORECAST_HOURS } from '@/lib/domain/forecast';
import { codeParams, isoDateTime, localDate } from './common';
import { defineRoutes, type Components } from './define';

/** GET /api/v1/stations/{code}/forecast (issue 20). */
const category = z.string().meta({ enum: AQI_BANDS.map((b) => b.category) });

export const forecastItemSchema = z.object({
  time: isoDateTime.describe('end of the forecast hour (+07:00)'),
  value: z.number().describe('forecast hourly mean (the median of the forecast distribution)'),
  lower: z.number().describe('lower end of the 80 % interval (10th percentile)'),
  upper: z.number().describe('upper end of the 80 % interval (90th percentile)'),
  aqi: z.number().int().nullable().optional().describe('ambient PM2.5, PM10, O3: the forecast hour’s VN_AQI sub-index of this pollutant'),
  category: category.nullable().optional().describe('its AQI category'),
});

export const forecastSkillSchema = z.object({
  horizonHours: z.number().int().describe('skill is measured on leads 1…horizonHours'),
  mae: z.number().nullable().describe('mean absolute error of the archived forecasts against what then happened; null before any could be scored'),
  maePersistence: z.number().nullable().describe('the same for persistence (the last value) over the same hours'),
  maeSeasonal: z.number().nullable().describe('the same for the same hour of the day before'),
  coverage: z.number().nullable().describe('share of observed hours inside the 80 % interval'),
  origins: z.number().int().describe('archived forecasts (last 30 days) with at least one scored hour'),
});

export const forecastSchema = z.object({
  station: z.string(),
  parameter: z.string(),
  unit: z.string(),
  issuedAt: isoDateTime,
  basedOn: isoDateTime.describe('end of the last complete hour with data; the forecast starts one hour later'),
  method: z.string().describe('log-profile-ar (≥ 14 days of history) or persistence'),
  items: z.array(forecastItemSchema),
  skill: forecastSkillSchema,
  tomorrow: z
    .object({ date: localDate, aqi: z.number().int(), category, color: z.string() })
    .nullable()
    .describe('ambient PM2.5, PM10, O3: tomorrow’s daily AQI of this pollutant from the forecast'),
});
export type ForecastDto = z.infer<typeof forecastSchema>;

const forecastQuery = z.object({
  parameter: z.string().trim().min(1).max(32).optional().describe('canonical parameter code (default PM25, else PM10, O3, else the first)'),
  hours: z.coerce.number().int().min(1).max(MAX_FORECAST_HOURS).default(24).describe(`hours ahead, 1…${MAX_FORECAST_HOURS} (default 24)`),
});
export type ForecastQuery = z.output<typeof forecastQuery>;

export const { getStationForecast } = defineRoutes('stations', {
  getStationForecast: {
    route: 'GET /api/v1/stations/{code}/forecast',
    summary: 'Hourly forecast of one parameter with an 80 % interval and its measured skill',
    description:
      'From the station’s own complete hourly means (and wind, temperature, humidity when measured): hourly means labelled by ' +
      'hour end for the hours after the last complete hour with data. Every forecast is archived; skill compares the archived ' +
      'forecasts of the last 30 days with what then happened. Ambient stations: anyone (without a token from the data published ' +
      'after PUBLIC_DELAY_MINUTES); other stations: tokens that may see them.',
    access: 'public',
    optionalToken: true,
    params: codeParams,
    query: forecastQuery,
    responses: { 200: { description: 'forecast', schema: forecastSchema } },
  },
});

export const forecastRoutes = [getStationForecast];
export const forecastComponents: Components = { response: { Forecast: forecastSchema, ForecastItem: forecastItemSchema } };
