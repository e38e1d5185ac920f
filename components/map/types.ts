import type { StationState } from '@/lib/domain/station-status';
import type { StationKind } from '@/lib/domain/parameters';

/** The map's view of a station; the server's MapData must be assignable to this. */
export type MapStationView = {
  code: string;
  name: string;
  kind: StationKind;
  facilityName: string;
  lat: number;
  lon: number;
  state: StationState;
  lastFileAt: string | null;
  latest: {
    parameter: string;
    value: number;
    unit: string;
    decimals: number;
    deviceStatus: string;
    time: string;
  }[];
};

export type MapView = {
  stations: MapStationView[];
  counts: Record<StationState, number>;
  generatedAt: string;
};

export type MapLoadResult = { ok: true; data: MapView } | { ok: false; error: 'UNAUTHORIZED' | 'INTERNAL' };
