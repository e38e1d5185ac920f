import { addSubIndex, combineSubIndices, subIndex, type AqiResult, type AqiSubIndices } from './sub-index';

/** Day inputs (µg/m³) over hours 01:00 … 24:00; missing → omit or null. */
export type DailyAqiInput = {
  pm25Mean24h?: number | null;
  pm10Mean24h?: number | null;
  maxHourly?: { SO2?: number | null; NO2?: number | null; CO?: number | null; O3?: number | null };
  maxO3_8h?: number | null;
};

export type DailyAqiResult = AqiResult & {
  /** The two O3 candidates; the 8 h one is null above 400 µg/m³, where its table stops. */
  o3: { fromMax1h: number | null; fromMax8h: number | null };
};

/**
 * Daily VN_AQI: PM from 24 h means, SO2/NO2/CO from the day's highest hourly mean, O3 the larger of the AQI of the
 * highest 1 h mean and of the highest 8 h mean (the 8 h one only while ≤ 400). Null without PM2.5 or PM10.
 */
export function dailyAqi(input: DailyAqiInput): DailyAqiResult | null {
  const s: AqiSubIndices = {};
  addSubIndex(s, 'PM25', 'PM25', input.pm25Mean24h);
  addSubIndex(s, 'PM10', 'PM10', input.pm10Mean24h);
  addSubIndex(s, 'SO2', 'SO2', input.maxHourly?.SO2);
  addSubIndex(s, 'NO2', 'NO2', input.maxHourly?.NO2);
  addSubIndex(s, 'CO', 'CO', input.maxHourly?.CO);

  const o3_1h = input.maxHourly?.O3;
  const fromMax1h = o3_1h == null ? null : subIndex('O3_1h', o3_1h);
  const fromMax8h = input.maxO3_8h == null ? null : subIndex('O3_8h', input.maxO3_8h);
  if (fromMax1h !== null || fromMax8h !== null) s.O3 = Math.max(fromMax1h ?? -Infinity, fromMax8h ?? -Infinity);

  const result = combineSubIndices(s);
  return result && { ...result, o3: { fromMax1h, fromMax8h } };
}
