/** The station page's forecast panel (server/queries/forecast.ts loadStationForecast). Times in ms. */
export type ForecastPanelView = {
  parameter: string;
  unit: string;
  method: string;
  basedOn: number;
  observed: { t: number; v: number }[];
  items: { t: number; value: number; lower: number; upper: number }[];
  skill: { horizonHours: number; mae: number | null; maePersistence: number | null; maeSeasonal: number | null; coverage: number | null; origins: number };
  tomorrow: { aqi: number; category: string; color: string } | null;
};

/** Tomorrow's forecast AQI of an ambient station (public page, map "+24 h" mode). */
export type TomorrowAqiView = { aqi: number; category: string; color: string; day: string };
