import { nowcast } from './nowcast';
import { addSubIndex, combineSubIndices, type AqiResult, type AqiSubIndices } from './sub-index';

/** Hour inputs (µg/m³): NowCast for PM, the hour's mean for gases (O3 on the 1 h table). Missing → omit or null. */
export type HourlyAqiInput = {
  PM25Nowcast?: number | null;
  PM10Nowcast?: number | null;
  O3?: number | null;
  CO?: number | null;
  SO2?: number | null;
  NO2?: number | null;
};

/** Hourly VN_AQI; null when neither PM2.5 nor PM10 gives a sub-index. */
export function hourlyAqi(input: HourlyAqiInput): AqiResult | null {
  const s: AqiSubIndices = {};
  addSubIndex(s, 'PM25', 'PM25', input.PM25Nowcast);
  addSubIndex(s, 'PM10', 'PM10', input.PM10Nowcast);
  addSubIndex(s, 'O3', 'O3_1h', input.O3);
  addSubIndex(s, 'CO', 'CO', input.CO);
  addSubIndex(s, 'SO2', 'SO2', input.SO2);
  addSubIndex(s, 'NO2', 'NO2', input.NO2);
  return combineSubIndices(s);
}

/** The last 12 valid hourly means per pollutant, newest first (index 0 = the hour being rated); null = no valid mean. */
export type HourlySeriesInput = Partial<
  Record<'PM25' | 'PM10' | 'O3' | 'CO' | 'SO2' | 'NO2', readonly (number | null)[]>
>;

export type HourlyAqiFromSeries = {
  result: AqiResult | null;
  PM25Nowcast: number | null;
  PM10Nowcast: number | null;
};

/**
 * Hourly VN_AQI from the last 12 hourly means: PM through the exact (unrounded) NowCast, gases from the newest hour
 * only. Only the final AQI is rounded (DOMAIN.md §9); rounding the NowCast to 0.1 first is off by one in ~2 % of hours.
 */
export function hourlyAqiFromSeries(series: HourlySeriesInput): HourlyAqiFromSeries {
  const pm = (values: readonly (number | null)[] | undefined): number | null => (values ? nowcast(values) : null);
  const PM25Nowcast = pm(series.PM25);
  const PM10Nowcast = pm(series.PM10);
  const result = hourlyAqi({
    PM25Nowcast,
    PM10Nowcast,
    O3: series.O3?.[0],
    CO: series.CO?.[0],
    SO2: series.SO2?.[0],
    NO2: series.NO2?.[0],
  });
  return { result, PM25Nowcast, PM10Nowcast };
}
