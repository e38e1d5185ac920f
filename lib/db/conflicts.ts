import { pool } from './client';

/** Values received again for an existing (station, parameter, time) with a different value; the first one stays. */
export type ReadingConflictRow = {
  id: number;
  stationId: number;
  stationCode: string | null;
  parameter: string;
  time: Date;
  storedValue: number;
  newValue: number;
  fileId: number | null;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
};

type DbRow = {
  id: number;
  station_id: number;
  station_code: string | null;
  parameter: string;
  time: Date;
  stored_value: number;
  new_value: number;
  file_id: number | null;
  created_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
};

const toRow = (r: DbRow): ReadingConflictRow => ({
  id: r.id,
  stationId: r.station_id,
  stationCode: r.station_code,
  parameter: r.parameter,
  time: r.time,
  storedValue: r.stored_value,
  newValue: r.new_value,
  fileId: r.file_id,
  createdAt: r.created_at,
  resolvedAt: r.resolved_at,
  resolvedBy: r.resolved_by,
});

/** Newest first; `cursor` returns rows with id < cursor. Time filters apply to the reading time, [from, to). */
export async function listReadingConflicts(filter: {
  stationId?: number;
  facilityId?: number | null;
  unresolvedOnly?: boolean;
  from?: Date;
  to?: Date;
  limit: number;
  cursor?: number;
}): Promise<ReadingConflictRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.stationId !== undefined) add('c.station_id = ?', filter.stationId);
  if (filter.facilityId != null) add('s.facility_id = ?', filter.facilityId);
  if (filter.unresolvedOnly) where.push('c.resolved_at IS NULL');
  if (filter.from) add('c.time >= ?', filter.from);
  if (filter.to) add('c.time < ?', filter.to);
  if (filter.cursor !== undefined) add('c.id < ?', filter.cursor);
  params.push(Math.max(0, Math.floor(filter.limit)));
  const r = await pool().query<DbRow>(
    `SELECT c.id, c.station_id, s.code AS station_code, c.parameter, c.time, c.stored_value, c.new_value, c.file_id,
       c.created_at, c.resolved_at, c.resolved_by
     FROM reading_conflict c LEFT JOIN station s ON s.id = c.station_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY c.id DESC LIMIT $${params.length}`,
    params,
  );
  return r.rows.map(toRow);
}

export async function countOpenReadingConflicts(facilityId?: number | null): Promise<number> {
  const r = await pool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM reading_conflict c LEFT JOIN station s ON s.id = c.station_id
     WHERE c.resolved_at IS NULL AND ($1::int IS NULL OR s.facility_id = $1)`,
    [facilityId ?? null],
  );
  return r.rows[0]?.n ?? 0;
}

/** Marks a conflict reviewed (the stored value stays; raw data are never overwritten). False when not found or already resolved. */
export async function resolveReadingConflict(id: number, by: string, at: Date): Promise<boolean> {
  const r = await pool().query(
    `UPDATE reading_conflict SET resolved_at = $2, resolved_by = $3 WHERE id = $1 AND resolved_at IS NULL`,
    [id, at, by],
  );
  return (r.rowCount ?? 0) > 0;
}
