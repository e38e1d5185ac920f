import 'server-only';
import type { StationRow } from '@/lib/db/stations';
import type { StationKind } from '@/lib/domain/parameters';
import { findParameter } from '@/lib/domain/parameters';
import type { StationState } from '@/lib/domain/station-status';
import { listStations } from '@/lib/db/stations';
import type { SessionUser } from '@/server/auth/session';
import { stationScope } from '@/server/auth/session';

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

export function unitAndDecimals(s: StationRow, parameter: string): { unit: string; decimals: number } {
  const def = findParameter(s.kind, parameter);
  const configured = s.parameters.find((p) => p.parameter === parameter);
  return { unit: configured?.unit ?? def?.unit ?? '', decimals: def?.decimals ?? 2 };
}

/** The stations this user may see (facility users: their facility's only; none if the account has no facility). */
export async function listVisibleStationRows(user: SessionUser): Promise<StationRow[]> {
  const scope = stationScope(user);
  if (scope.kind === 'none') return [];
  return listStations(scope.kind === 'facility' ? { facilityId: scope.facilityId } : {});
}
