import 'server-only';
import { latestReadings } from '@/lib/db/readings';
import { STATION_STATES, type StationState } from '@/lib/domain/station-status';
import { env } from '@/lib/env';
import { requireUser } from '@/server/auth/session';
import {
  listVisibleStationRows,
  toStationSummary,
  unitAndDecimals,
  type LatestValue,
  type StationSummary,
} from './station-dto';

export type MapStation = StationSummary & { latest: LatestValue[] };
export type MapData = { stations: MapStation[]; counts: Record<StationState, number>; generatedAt: string };

/** Stations on the live map with their latest values; facility users get only their facility's. */
export async function loadMapData(): Promise<MapData> {
  const user = await requireUser();
  const now = new Date();
  const rows = await listVisibleStationRows(user);
  const latest = await Promise.all(rows.map((s) => latestReadings(s.id)));

  const counts = Object.fromEntries(STATION_STATES.map((s) => [s, 0])) as Record<StationState, number>;
  const stations = rows.map((s, i): MapStation => {
    const summary = toStationSummary(s, now);
    counts[summary.state] += 1;
    return {
      ...summary,
      latest: (latest[i] ?? []).map((r) => ({
        parameter: r.parameter,
        value: r.value,
        deviceStatus: r.deviceStatus,
        qcFlag: r.qcFlag,
        time: r.time.toISOString(),
        ...unitAndDecimals(s, r.parameter),
      })),
    };
  });
  return { stations, counts, generatedAt: now.toISOString() };
}

/** Optional raster tiles for deployments with internet (MAP_TILE_URL); the offline GeoJSON basemap is the default. */
export async function getMapSettings(): Promise<{ tileUrl?: string }> {
  await requireUser();
  const url = env().MAP_TILE_URL;
  return url ? { tileUrl: url } : {};
}
