import 'server-only';
import type { StationRow } from '@/lib/db/stations';
import type { StationKind } from '@/lib/domain/parameters';
import type { StationState } from '@/lib/domain/stations/states';

/** What pages and client components get for a station: no ids, no secrets; times as ISO strings. */
export type StationSummary = {
  code: string;
  name: string;
  kind: StationKind;
  facilityCode: string;
  facilityName: string;
  lat: number;
  lon: number;
  enabled: boolean;
  intervalMinutes: number;
  graceMinutes: number;
  state: StationState;
  lastFileAt: string | null;
};

export type LatestValue = {
  parameter: string;
  value: number;
  unit: string;
  decimals: number;
  deviceStatus: string;
  qcFlag: number;
  time: string;
};

/** `state` is the full live state (lib/services/station-state computeLiveStates), so every page shows the same one. */
export function toStationSummary(s: StationRow, state: StationState): StationSummary {
  return {
    code: s.code,
    name: s.name,
    kind: s.kind,
    facilityCode: s.facility.code,
    facilityName: s.facility.name,
    lat: s.lat,
    lon: s.lon,
    enabled: s.enabled,
    intervalMinutes: s.intervalMinutes,
    graceMinutes: s.graceMinutes,
    state,
    lastFileAt: s.lastFileAt ? s.lastFileAt.toISOString() : null,
  };
}
