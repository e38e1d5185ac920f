import type { IndexPointView } from '@/components/aqi/types';
import type { TomorrowAqiView } from '@/lib/dto/forecast';

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
  /** Ambient stations: tomorrow's forecast AQI (issue 20). */
  tomorrow?: TomorrowAqiView;
};
export type PublicDataView = { stations: PublicStationView[]; publishedUntil: number; delayMinutes: number };
