/**
 * Forecast VN_AQI of one pollutant (DOMAIN §9 applied to forecast hourly means): PM hours through NowCast over the
 * forecast hours before them and the observed hours before the origin; O3 on the 1 h table. Tomorrow's daily
 * category uses the forecast of the whole local day (hours 01:00 … 24:00): the PM 24 h mean, or for O3 the larger of
 * the AQI of the highest 1 h and the highest 8 h mean.
 */
import { findAqiBand, nowcast, roundHalfUp, subIndex, type AqiCategory } from '../aqi';
import { HOUR_MS, fromLocalParts, localParts } from '../time';

export const FORECAST_AQI_PARAMETERS = ['PM25', 'PM10', 'O3'] as const;
export type ForecastAqiParameter = (typeof FORECAST_AQI_PARAMETERS)[number];

export const isForecastAqiParameter = (p: string): p is ForecastAqiParameter =>
  (FORECAST_AQI_PARAMETERS as readonly string[]).includes(p);

export type AqiValue = { aqi: number; category: AqiCategory };

function rate(sub: number | null): AqiValue | null {
  if (sub == null) return null;
  const band = findAqiBand(sub);
  return band ? { aqi: roundHalfUp(sub), category: band.category } : null;
}

/**
 * The AQI sub-index of each forecast hour. `observedNewestFirst` are the hourly means up to the origin (index 0 = the
 * hour ending at basedOn; null = no value); `forecast` the forecast values for the hours after it, in order.
 */
export function forecastHourlyAqi(
  parameter: ForecastAqiParameter,
  observedNewestFirst: readonly (number | null)[],
  forecast: readonly number[],
): (AqiValue | null)[] {
  return forecast.map((v, i) => {
    if (parameter === 'O3') return rate(subIndex('O3_1h', v));
    const window = [...forecast.slice(0, i + 1).reverse(), ...observedNewestFirst].slice(0, 12);
    const n = nowcast(window);
    return rate(n == null ? null : subIndex(parameter, roundHalfUp(n, 1)));
  });
}

/** Start (exclusive) and end (inclusive) hour-end instants of the local day after the one holding `basedOn`. */
export function tomorrowWindow(basedOn: number): { from: number; to: number } {
  // The hour ending at 00:00 belongs to the day before (it is its 24:00), so step back 1 ms before taking the date.
  const lp = localParts(new Date(basedOn - 1));
  const from = fromLocalParts({ year: lp.year, month: lp.month, day: lp.day + 1 }).getTime();
  return { from, to: from + 24 * HOUR_MS };
}

/**
 * Tomorrow's daily AQI of the pollutant from forecast hours (time = hour end); null unless every hour of tomorrow
 * is forecast.
 */
export function tomorrowAqi(
  parameter: ForecastAqiParameter,
  basedOn: number,
  items: readonly { time: number; value: number }[],
): (AqiValue & { day: number }) | null {
  const { from, to } = tomorrowWindow(basedOn);
  const day = items.filter((it) => it.time > from && it.time <= to).map((it) => it.value);
  if (day.length < 24) return null;
  let sub: number | null;
  if (parameter === 'O3') {
    const max1h = Math.max(...day);
    let max8h = -Infinity;
    for (let i = 7; i < day.length; i++) max8h = Math.max(max8h, day.slice(i - 7, i + 1).reduce((a, b) => a + b, 0) / 8);
    const a = subIndex('O3_1h', max1h);
    const b = subIndex('O3_8h', max8h);
    sub = a == null && b == null ? null : Math.max(a ?? -Infinity, b ?? -Infinity);
  } else {
    sub = subIndex(parameter, day.reduce((a, b) => a + b, 0) / 24);
  }
  const r = rate(sub);
  return r && { ...r, day: from };
}
