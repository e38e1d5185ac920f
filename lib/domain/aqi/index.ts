export { AQI_BREAKPOINTS, AQI_LEVELS, AQI_MAX, AQI_POLLUTANTS, type AqiPollutant, type AqiTable } from './breakpoints';
export { AQI_BANDS, AQI_CATEGORIES, findAqiBand, type AqiBand, type AqiCategory } from './bands';
export { combineSubIndices, roundHalfUp, subIndex, type AqiResult, type AqiSubIndices } from './sub-index';
export { NOWCAST_HOURS, NOWCAST_MIN_WEIGHT, nowcast } from './nowcast';
export {
  hourlyAqi,
  hourlyAqiFromSeries,
  type HourlyAqiFromSeries,
  type HourlyAqiInput,
  type HourlySeriesInput,
} from './hourly';
export { dailyAqi, type DailyAqiInput, type DailyAqiResult } from './daily';
