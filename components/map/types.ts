import type { Level } from '@/lib/domain/level';
import type { StationKind } from '@/lib/domain/parameters';
import type { StateColors, StateCounts, StationState } from '@/lib/domain/stations/states';

/** The map's view of a station; the server's MapData must be assignable to this. */
export type MapStationView = {
  code: string;
  name: string;
  kind: StationKind;
  facilityCode: string;
  facilityName: string;
  lat: number;
  lon: number;
  state: StationState;
  lastFileAt: string | null;
  latest: LatestValueView[];
};

/** A station's newest value of a parameter with its level and the limit it was judged by (the map and station page). */
export type LatestValueView = {
  parameter: string;
  value: number;
  unit: string;
  decimals: number;
  deviceStatus: string;
  qcFlag: number;
  time: string;
  level: Level | null;
  limitMin: number | null;
  limitMax: number | null;
};

export type MapView = {
  stations: MapStationView[];
  counts: StateCounts;
  colors: StateColors;
  generatedAt: string;
};

export type MapLoadResult = { ok: true; data: MapView } | { ok: false; error: 'UNAUTHORIZED' | 'INTERNAL' };

export type MapFilters = { kind: StationKind | ''; facility: string; state: StationState | ''; q: string };

/** The AQI colouring's data: per station code, the newest hourly AQI (server/actions/aqi.ts getAqiMapDataAction). */
export type AqiLoadResult =
  | { ok: true; data: { byStation: Record<string, { aqi: number; category: string; color: string; dominant: string | null; time: string }>; generatedAt: string } }
  | { ok: false; error: 'UNAUTHORIZED' | 'INTERNAL' };
