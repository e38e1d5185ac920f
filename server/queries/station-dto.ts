import 'server-only';
import type { StationRow } from '@/lib/db/stations';
import type { Level } from '@/lib/domain/level';
import type { StationState } from '@/lib/domain/stations/states';
import { unitAndDecimals, type LatestWithLevel } from '@/lib/services/stations';

/** What pages and client components get for a station: no ids, no secrets; times as ISO strings. */
export type StationSummary = StationBasics & {
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

/** What every view of a station starts with: its identity, facility and place. */
export function stationBasics(s: StationRow) {
  return {
    code: s.code,
    name: s.name,
    kind: s.kind,
    facilityCode: s.facility.code,
    facilityName: s.facility.name,
    lat: s.lat,
    lon: s.lon,
  };
}
export type StationBasics = ReturnType<typeof stationBasics>;

/** `state` is the full live state (lib/services/station-state computeLiveStates), so every page shows the same one. */
export function toStationSummary(s: StationRow, state: StationState): StationSummary {
  return {
    ...stationBasics(s),
    enabled: s.enabled,
    intervalMinutes: s.intervalMinutes,
    graceMinutes: s.graceMinutes,
    state,
    lastFileAt: s.lastFileAt ? s.lastFileAt.toISOString() : null,
  };
}

/** A latest value with its level and the limit it was judged by, as the map and the station page show it. */
export type LatestValueView = LatestValue & { level: Level | null; limitMin: number | null; limitMax: number | null };

export function toLatestValueView(s: StationRow, r: LatestWithLevel): LatestValueView {
  return {
    parameter: r.parameter,
    value: r.value,
    deviceStatus: r.deviceStatus,
    qcFlag: r.qcFlag,
    time: r.time.toISOString(),
    level: r.level,
    limitMin: r.limit?.min ?? null,
    limitMax: r.limit?.max ?? null,
    ...unitAndDecimals(s, r.parameter),
  };
}
