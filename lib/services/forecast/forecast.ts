/**
 * Forecasts of station parameters (issue 20): issued from the station's own hourly means (avg_hour) by the model of
 * lib/domain/forecast, archived in forecast_run, and scored later against what then happened.
 */
import {
  findLatestForecastRun,
  insertForecastRun,
  listForecastRuns,
  listForecastStations,
  listHourlyValues,
  type ForecastRunRow,
  type ForecastStation,
} from '../../db/forecasts';
import {
  FORECAST_AQI_PARAMETERS,
  MAX_FORECAST_HOURS,
  TRAINING_HOURS,
  forecastHourlyAqi,
  forecastSeries,
  isForecastAqiParameter,
  scoreForecasts,
  tomorrowAqi,
  type AqiValue,
  type ForecastSkill,
} from '../../domain/forecast';
import type { StationKind } from '../../domain/parameters';
import { DAY_MS, HOUR_MS } from '../../domain/time';
import type { StationRow } from '../../db/stations';
import { AppError } from '../../errors';
import { findStationByCode } from '../../db/stations';
import { getStationOrThrow, scopeFor, type Viewer } from '../stations';

/** Meteorological parameters used as covariates when an ambient station measures them. */
const MET_COVARIATES = ['WS', 'TEMP', 'RH'] as const;
/** Skill is measured over the forecasts issued in the last 30 days, on leads 1…24 h. */
export const SKILL_WINDOW_DAYS = 30;
export const SKILL_HORIZON_HOURS = 24;

/** The parameters the hourly refresh forecasts for a station: ambient stations' PM2.5, PM10 and O3. */
export function refreshedParameters(kind: StationKind, parameters: readonly string[]): string[] {
  if (kind !== 'ambient_air') return [];
  return FORECAST_AQI_PARAMETERS.filter((p) => parameters.includes(p));
}

const floorHour = (t: number): number => Math.floor(t / HOUR_MS) * HOUR_MS;

/**
 * Issues the forecast of one parameter from the complete hourly means up to `until` and archives it (a forecast with
 * the same last hour is already archived: that one is returned). Null without any hourly mean in the training window.
 */
export async function issueForecast(
  station: Pick<ForecastStation, 'id' | 'kind' | 'parameters'>,
  parameter: string,
  until: Date,
  issuedAt: Date,
): Promise<ForecastRunRow | null> {
  const end = floorHour(until.getTime());
  const start = end - (TRAINING_HOURS - 1) * HOUR_MS;
  const covariates = station.kind === 'ambient_air' ? MET_COVARIATES.filter((c) => c !== parameter && station.parameters.includes(c)) : [];
  const hourly = await listHourlyValues(station.id, [parameter, ...covariates], new Date(start), new Date(end));
  const toArray = (m: Map<number, number> | undefined) => Array.from({ length: TRAINING_HOURS }, (_, i) => m?.get(start + i * HOUR_MS) ?? null);
  const f = forecastSeries({
    series: { start, values: toArray(hourly.get(parameter)) },
    covariates: Object.fromEntries(covariates.map((c) => [c, toArray(hourly.get(c))])),
    hours: MAX_FORECAST_HOURS,
  });
  if (!f) return null;
  const run = {
    stationId: station.id,
    parameter,
    basedOn: f.basedOn,
    method: f.method,
    value: f.items.map((it) => it.value),
    lower: f.items.map((it) => it.lower),
    upper: f.items.map((it) => it.upper),
  };
  const stored = await insertForecastRun({ ...run, issuedAt });
  if (stored) return { ...run, issuedAt: issuedAt.getTime() };
  return findLatestForecastRun(station.id, parameter);
}

/** The hourly refresh: a forecast for each ambient station's PM2.5, PM10 and O3 (archived when its data moved on). */
export async function refreshForecasts(now: Date): Promise<{ stations: number; forecasts: number; ms: number }> {
  const started = Date.now();
  const stations = await listForecastStations(['ambient_air']);
  let forecasts = 0;
  for (const s of stations) {
    for (const p of refreshedParameters(s.kind, s.parameters)) {
      if (await issueForecast(s, p, now, now)) forecasts++;
    }
  }
  return { stations: stations.length, forecasts, ms: Date.now() - started };
}

/**
 * Skill of the archived forecasts of a station's parameter issued in the 30 days before `now`, measured against the
 * hourly means that then arrived (leads 1…24 h; persistence and same-hour-yesterday over the same hours).
 */
export async function measureForecastSkill(stationId: number, parameter: string, now: Date): Promise<ForecastSkill> {
  const from = now.getTime() - SKILL_WINDOW_DAYS * DAY_MS;
  const runs = await listForecastRuns(stationId, parameter, new Date(from), now);
  const observed = (await listHourlyValues(stationId, [parameter], new Date(from - DAY_MS), now)).get(parameter) ?? new Map<number, number>();
  return scoreForecasts(runs.map(runItems), observed, SKILL_HORIZON_HOURS);
}

export function runItems(run: Pick<ForecastRunRow, 'basedOn' | 'value' | 'lower' | 'upper'>): {
  basedOn: number;
  items: { time: number; value: number; lower: number; upper: number }[];
} {
  return {
    basedOn: run.basedOn,
    items: run.value.map((value, i) => ({ time: run.basedOn + (i + 1) * HOUR_MS, value, lower: run.lower[i]!, upper: run.upper[i]! })),
  };
}

export type StationForecast = {
  parameter: string;
  issuedAt: number;
  basedOn: number;
  method: string;
  items: { time: number; value: number; lower: number; upper: number; aqi: AqiValue | null }[];
  skill: ForecastSkill;
  /** Ambient PM2.5, PM10, O3: tomorrow's daily AQI of this pollutant (local day after basedOn's). */
  tomorrow: (AqiValue & { day: number }) | null;
};

/**
 * The forecast of a station's parameter from the data up to `until` (the caller's view: now, or now minus the public
 * delay), the archived one when it is current, else issued and archived now; `hours` 1…72.
 */
export async function getForecast(
  station: Pick<ForecastStation, 'id' | 'kind' | 'parameters'>,
  parameter: string,
  hours: number,
  until: Date,
  now: Date,
): Promise<StationForecast | null> {
  const run = await issueForecast(station, parameter, until, now);
  if (!run) return null;
  const all = runItems(run).items;
  const aqiParam = station.kind === 'ambient_air' && isForecastAqiParameter(parameter) ? parameter : null;
  let aqi: (AqiValue | null)[] = all.map(() => null);
  let tomorrow: StationForecast['tomorrow'] = null;
  if (aqiParam) {
    const past = (await listHourlyValues(station.id, [aqiParam], new Date(run.basedOn - 11 * HOUR_MS), new Date(run.basedOn))).get(aqiParam);
    const newestFirst = Array.from({ length: 12 }, (_, i) => past?.get(run.basedOn - i * HOUR_MS) ?? null);
    aqi = forecastHourlyAqi(aqiParam, newestFirst, run.value);
    tomorrow = tomorrowAqi(aqiParam, run.basedOn, all);
  }
  return {
    parameter,
    issuedAt: run.issuedAt,
    basedOn: run.basedOn,
    method: run.method,
    items: all.slice(0, hours).map((it, i) => ({ ...it, aqi: aqi[i] ?? null })),
    skill: await measureForecastSkill(station.id, parameter, now),
    tomorrow,
  };
}

export type ForecastRequest = { parameter?: string; hours: number };

/**
 * The forecast a caller may read: ambient stations for anyone (without a token from the data published after the
 * public delay), other stations for tokens in scope (another facility's station does not exist). The parameter must
 * be one the station measures; by default its PM2.5 (else PM10, O3, else its first parameter).
 */
export async function getStationForecastService(
  code: string,
  viewer: Viewer | null,
  q: ForecastRequest,
  opts: { now: Date; publicDelayMinutes: number },
): Promise<StationForecast & { station: string; stationId: number; unit: string; kind: StationKind }> {
  const found = await findStationByCode(code);
  let station: StationRow;
  if (found && found.kind === 'ambient_air') station = found;
  else if (!viewer) throw new AppError('NOT_FOUND', `station ${code} not found`);
  else station = await getStationOrThrow(code, scopeFor(viewer));
  const measured = station.parameters.map((p) => p.parameter);
  const parameter = q.parameter ?? FORECAST_AQI_PARAMETERS.find((p) => measured.includes(p)) ?? measured[0];
  const row = station.parameters.find((p) => p.parameter === parameter);
  if (!parameter || !row) {
    throw new AppError('VALIDATION', `station ${code} does not measure ${q.parameter ?? 'any parameter'}`, [
      { path: 'query.parameter', message: `one of ${measured.join(', ')}` },
    ]);
  }
  const until = viewer ? opts.now : new Date(opts.now.getTime() - opts.publicDelayMinutes * 60_000);
  const f = await getForecast({ id: station.id, kind: station.kind, parameters: measured }, parameter, q.hours, until, opts.now);
  if (!f) throw new AppError('NOT_FOUND', `no hourly data of ${parameter} at station ${code} in the last ${TRAINING_HOURS / 24} days`);
  return { ...f, station: station.code, stationId: station.id, unit: row.unit, kind: station.kind };
}
