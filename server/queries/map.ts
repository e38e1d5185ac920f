import 'server-only';
import { countStates, type StateColors, type StateCounts } from '@/lib/domain/stations/states';
import { env } from '@/lib/env';
import { computeLiveStates, stateColors, scopeFor, listVisibleStations } from '@/lib/services/stations';
import { requireUser } from '@/server/auth/session';
import { toLatestValueView, toStationSummary, type LatestValueView, type StationSummary } from './station-dto';

export type MapLatestValue = LatestValueView;
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
      latest: (l?.latest ?? []).map((r) => toLatestValueView(s, r)),
    };
  });
  return { stations, counts: countStates(stations.map((s) => s.state)), colors: stateColors(), generatedAt: now.toISOString() };
}

/** Optional raster tiles for deployments with internet (MAP_TILE_URL); the offline GeoJSON basemap is the default. */
export async function getMapSettings(): Promise<{ tileUrl?: string; tileAttribution?: string }> {
  await requireUser();
  const url = env().MAP_TILE_URL;
  return url ? { tileUrl: url, tileAttribution: env().MAP_TILE_ATTRIBUTION ?? '' } : {};
}
