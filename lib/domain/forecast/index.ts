export {
  FORECAST_METHOD,
  MAX_FORECAST_HOURS,
  MIN_HISTORY_HOURS,
  PERSISTENCE_METHOD,
  TRAINING_HOURS,
  forecastSeries,
  type ForecastInput,
  type ForecastItem,
  type ForecastResult,
  type HourlySeries,
} from './model';
export { scoreForecasts, type ForecastSkill, type ScoredForecast } from './skill';
export {
  FORECAST_AQI_PARAMETERS,
  forecastHourlyAqi,
  isForecastAqiParameter,
  tomorrowAqi,
  tomorrowWindow,
  type AqiValue,
  type ForecastAqiParameter,
} from './aqi';
export {
  DEFAULT_TREND_OPTIONS,
  decideTrendEpisode,
  evaluateTrend,
  type TrendEpisodeAction,
  type TrendLimit,
  type TrendOptions,
  type TrendPoint,
  type TrendResult,
} from './trend';
