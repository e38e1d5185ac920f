import { pool } from './client';
import { SqlConditions } from './sql-conditions';

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

/** reading_conflict (as c, with its station as s) named as ReadingConflictRow's fields. */
const CONFLICT_COLUMNS = `c.id, c.station_id AS "stationId", s.code AS "stationCode", c.parameter, c.time,
  c.stored_value AS "storedValue", c.new_value AS "newValue", c.file_id AS "fileId", c.created_at AS "createdAt",
  c.resolved_at AS "resolvedAt", c.resolved_by AS "resolvedBy"`;

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
  const w = new SqlConditions();
  if (filter.stationId !== undefined) w.add('c.station_id = ?', filter.stationId);
  if (filter.facilityId != null) w.add('s.facility_id = ?', filter.facilityId);
  if (filter.unresolvedOnly) w.addText('c.resolved_at IS NULL');
  if (filter.from) w.add('c.time >= ?', filter.from);
  if (filter.to) w.add('c.time < ?', filter.to);
  if (filter.cursor !== undefined) w.add('c.id < ?', filter.cursor);
  const limit = w.bind(Math.max(0, Math.floor(filter.limit)));
  const r = await pool().query<ReadingConflictRow>(
    `SELECT ${CONFLICT_COLUMNS}
     FROM reading_conflict c LEFT JOIN station s ON s.id = c.station_id
     ${w.where()}
     ORDER BY c.id DESC LIMIT ${limit}`,
    w.params,
  );
  return r.rows;
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

/** An open conflict with what the review panel shows: station, the file that brought the new value. */
export type ConflictReviewRow = ReadingConflictRow & {
  stationName: string | null;
  facilityId: number | null;
  fileName: string | null;
  fileReceivedAt: Date | null;
};

const REVIEW_SELECT = `SELECT ${CONFLICT_COLUMNS}, s.name AS "stationName", s.facility_id AS "facilityId",
    f.name AS "fileName", f.received_at AS "fileReceivedAt"
  FROM reading_conflict c
  LEFT JOIN station s ON s.id = c.station_id
  LEFT JOIN ingest_file f ON f.id = c.file_id`;

/** Open (unreviewed) conflicts, newest first, optionally of one facility's stations; `cursor` = rows with id < cursor. */
export async function listOpenConflictsForReview(filter: {
  facilityId?: number | null;
  fileId?: number;
  limit: number;
  cursor?: number;
}): Promise<ConflictReviewRow[]> {
  const r = await pool().query<ConflictReviewRow>(
    `${REVIEW_SELECT}
     WHERE c.resolved_at IS NULL AND ($1::int IS NULL OR s.facility_id = $1) AND ($2::int IS NULL OR c.file_id = $2)
       AND ($3::int IS NULL OR c.id < $3)
     ORDER BY c.id DESC LIMIT $4`,
    [filter.facilityId ?? null, filter.fileId ?? null, filter.cursor ?? null, Math.max(0, Math.floor(filter.limit))],
  );
  return r.rows;
}

/** One conflict with its station's facility (for scope checks before resolving); null when absent. */
export async function findConflictForReview(id: number): Promise<ConflictReviewRow | null> {
  const r = await pool().query<ConflictReviewRow>(`${REVIEW_SELECT} WHERE c.id = $1`, [id]);
  return r.rows[0] ?? null;
}
