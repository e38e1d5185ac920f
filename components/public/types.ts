import type { IndexPointView } from '@/components/aqi/types';

/** A station on the public page (ambient: AQI; river: WQI); server/queries/aqi.ts PublicData is assignable to this. */
export type PublicStationView = {
  code: string;
  name: string;
  kind: 'ambient_air' | 'surface_water';
  index: 'aqi' | 'wqi';
  lat: number;
  lon: number;
  current: (IndexPointView & { subIndices: Record<string, number> }) | null;
  last24: IndexPointView[];
};
export type PublicDataView = { stations: PublicStationView[]; publishedUntil: number; delayMinutes: number };
