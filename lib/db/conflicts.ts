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

/** An open conflict with what the review panel shows: station, the file that brought the new value. */
export type ConflictReviewRow = ReadingConflictRow & {
  stationName: string | null;
  facilityId: number | null;
  fileName: string | null;
  fileReceivedAt: Date | null;
};

type ReviewDbRow = DbRow & {
  station_name: string | null;
  facility_id: number | null;
  file_name: string | null;
  file_received_at: Date | null;
};

const REVIEW_SELECT = `SELECT c.id, c.station_id, s.code AS station_code, s.name AS station_name, s.facility_id,
    c.parameter, c.time, c.stored_value, c.new_value, c.file_id, f.name AS file_name, f.received_at AS file_received_at,
    c.created_at, c.resolved_at, c.resolved_by
  FROM reading_conflict c
  LEFT JOIN station s ON s.id = c.station_id
  LEFT JOIN ingest_file f ON f.id = c.file_id`;

const toReviewRow = (r: ReviewDbRow): ConflictReviewRow => ({
  ...toRow(r),
  stationName: r.station_name,
  facilityId: r.facility_id,
  fileName: r.file_name,
  fileReceivedAt: r.file_received_at,
});

/** Open (unreviewed) conflicts, newest first, optionally of one facility's stations; `cursor` = rows with id < cursor. */
export async function listOpenConflictsForReview(filter: {
  facilityId?: number | null;
  fileId?: number;
  limit: number;
  cursor?: number;
}): Promise<ConflictReviewRow[]> {
  const r = await pool().query<ReviewDbRow>(
    `${REVIEW_SELECT}
     WHERE c.resolved_at IS NULL AND ($1::int IS NULL OR s.facility_id = $1) AND ($2::int IS NULL OR c.file_id = $2)
       AND ($3::int IS NULL OR c.id < $3)
     ORDER BY c.id DESC LIMIT $4`,
    [filter.facilityId ?? null, filter.fileId ?? null, filter.cursor ?? null, Math.max(0, Math.floor(filter.limit))],
  );
  return r.rows.map(toReviewRow);
}

/** One conflict with its station's facility (for scope checks before resolving); null when absent. */
export async function findConflictForReview(id: number): Promise<ConflictReviewRow | null> {
  const r = await pool().query<ReviewDbRow>(`${REVIEW_SELECT} WHERE c.id = $1`, [id]);
  const row = r.rows[0];
  return row ? toReviewRow(row) : null;
}
