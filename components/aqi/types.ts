/** What the AQI/WQI components need; server/queries/aqi.ts returns data assignable to these. */
export type IndexPointView = { t: number; value: number; category: string; color: string; dominant: string | null };
export type IndexDayPointView = { day: string; value: number; category: string; color: string; dominant: string | null };
export type StationIndexViewProps = {
  index: 'aqi' | 'wqi';
  code: string;
  current: (IndexPointView & { subIndices: Record<string, number> }) | null;
  hourly: IndexPointView[];
  daily: IndexDayPointView[];
};
