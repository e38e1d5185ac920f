import { pool } from './client';

/** Outage log (DOMAIN.md §7): periods a station was offline. Written by the station-state schedule only. */
export type OutageRow = { id: number; stationId: number; startedAt: Date; endedAt: Date | null; cause: string };

type Db = { id: number; station_id: number; started_at: Date; ended_at: Date | null; cause: string };
const toRow = (r: Db): OutageRow => ({
  id: r.id,
  stationId: r.station_id,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  cause: r.cause,
});

/** Station ids with an open outage. */
export async function listOpenOutageStationIds(): Promise<Set<number>> {
  const r = await pool().query<{ station_id: number }>(`SELECT station_id FROM station_outage WHERE ended_at IS NULL`);
  return new Set(r.rows.map((x) => x.station_id));
}

/** Opens an outage unless one is already open (the partial unique index makes concurrent workers safe). */
export async function openOutage(stationId: number, startedAt: Date): Promise<boolean> {
  const r = await pool().query(
    `INSERT INTO station_outage (station_id, started_at, cause) VALUES ($1, $2, 'offline')
     ON CONFLICT (station_id) WHERE ended_at IS NULL DO NOTHING`,
    [stationId, startedAt],
  );
  return (r.rowCount ?? 0) > 0;
}

/** Closes the station's open outage; an end before its start is clamped to the start. */
export async function closeOutage(stationId: number, endedAt: Date): Promise<boolean> {
  const r = await pool().query(
    `UPDATE station_outage SET ended_at = GREATEST(started_at, $2::timestamptz) WHERE station_id = $1 AND ended_at IS NULL`,
    [stationId, endedAt],
  );
  return (r.rowCount ?? 0) > 0;
}

/** A station's outages overlapping [from, ∞), newest first. */
export async function listOutages(stationId: number, from: Date, limit = 100): Promise<OutageRow[]> {
  const r = await pool().query<Db>(
    `SELECT id, station_id, started_at, ended_at, cause FROM station_outage
     WHERE station_id = $1 AND (ended_at IS NULL OR ended_at > $2)
     ORDER BY started_at DESC LIMIT $3`,
    [stationId, from, limit],
  );
  return r.rows.map(toRow);
}

export type OutageStats = { count: number; minutes: number; open: boolean };

/** Per station: outages overlapping [from, now) and their total minutes clipped to that window. */
export async function outageStats(
  stationIds: readonly number[],
  from: Date,
  now: Date,
): Promise<Map<number, OutageStats>> {
  const out = new Map<number, OutageStats>();
  if (stationIds.length === 0) return out;
  const r = await pool().query<{ station_id: number; n: number; minutes: number; open: boolean }>(
    `SELECT station_id, count(*)::int AS n,
            COALESCE(sum(extract(epoch FROM (LEAST(COALESCE(ended_at, $3), $3) - GREATEST(started_at, $2))) / 60), 0)::float8 AS minutes,
            bool_or(ended_at IS NULL) AS open
     FROM station_outage
     WHERE station_id = ANY($1::int[]) AND (ended_at IS NULL OR ended_at > $2) AND started_at < $3
     GROUP BY station_id`,
    [stationIds, from, now],
  );
  for (const x of r.rows)
    out.set(x.station_id, { count: x.n, minutes: Math.max(0, Math.round(x.minutes)), open: x.open });
  return out;
}
