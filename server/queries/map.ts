import 'server-only';
import type { Level } from '@/lib/domain/level';
import { countStates, type StateColors, type StateCounts } from '@/lib/domain/stations/states';
import { env } from '@/lib/env';
import { computeLiveStates, stateColors, scopeFor, listVisibleStations, unitAndDecimals } from '@/lib/services/stations';
import { requireUser } from '@/server/auth/session';
import { toStationSummary, type LatestValue, type StationSummary } from './station-dto';

export type MapLatestValue = LatestValue & { level: Level | null; limitMin: number | null; limitMax: number | null };
export type MapStation = StationSummary & { latest: MapLatestValue[] };
export type MapData = { stations: MapStation[]; counts: StateCounts; colors: StateColors; generatedAt: string };

/** Stations on the live map with their full state and latest values; facility users get only their facility's. */
export async function loadMapData(): Promise<MapData> {
  const user = await requireUser();
  const now = new Date();
  const rows = await listVisibleStations(scopeFor(user));
  const live = await computeLiveStates(rows, now);

  const stations = rows.map((s): MapStation => {
    const l = live.get(s.id);
    return {
      ...toStationSummary(s, l?.state ?? 'offline'),
      latest: (l?.latest ?? []).map((r) => ({
        parameter: r.parameter,
        value: r.value,
        deviceStatus: r.deviceStatus,
        qcFlag: r.qcFlag,
        time: r.time.toISOString(),
        level: r.level,
        limitMin: r.limit?.min ?? null,
        limitMax: r.limit?.max ?? null,
        ...unitAndDecimals(s, r.parameter),
      })),
    };
  });
  return { stations, counts: countStates(stations.map((s) => s.state)), colors: stateColors(), generatedAt: now.toISOString() };
}

/** Optional raster tiles for deployments with internet (MAP_TILE_URL); the offline GeoJSON basemap is the default. */
export async function getMapSettings(): Promise<{ tileUrl?: string }> {
  await requireUser();
  const url = env().MAP_TILE_URL;
  return url ? { tileUrl: url } : {};
}
