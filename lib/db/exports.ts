import type { AverageStats } from '../domain/averages';
import { AVERAGE_STATS_COLUMNS } from './averages';
import { pool } from './client';
import type { RawReadingRow } from './readings';
import { LOCAL_TZ_SQL } from './sql-time';

/**
 * Keyset-paged reads for data exports: one station × parameter at a time, ordered by time, `after` exclusive, so every
 * batch is an index range scan on the primary key and nothing holds a connection (or the whole result) between batches.
 */
export type ExportRawRow = Omit<RawReadingRow, 'qcReasons'> & { valid: boolean };
export type ExportAvgRow = { time: Date } & AverageStats;

/** Keyset page of one station parameter: times in the export's range, after the cursor (exclusive). */
type BatchQuery = { stationId: number; parameter: string; from: Date; to: Date; after: Date | null; limit: number };

export async function listRawBatch(q: BatchQuery): Promise<ExportRawRow[]> {
  const r = await pool().query<ExportRawRow>(
    `SELECT r.time, r.value, r.device_status AS "deviceStatus", r.qc_flag AS "qcFlag",
            (r.device_status = '00' AND r.qc_flag IN (1, 3) AND coalesce(ov.action::text, 'restore') <> 'invalidate') AS valid
       FROM reading r
       LEFT JOIN LATERAL (
         SELECT o.action FROM overlay o
          WHERE o.station_id = r.station_id AND o.revoked_at IS NULL AND r.time >= o.from_time AND r.time < o.to_time
            AND (cardinality(o.parameters) = 0 OR r.parameter = ANY (o.parameters))
          ORDER BY o.created_at DESC, o.id DESC LIMIT 1
       ) ov ON true
      WHERE r.station_id = $1 AND r.parameter = $2 AND r.time >= $3 AND r.time < $4 AND ($5::timestamptz IS NULL OR r.time > $5)
      ORDER BY r.time
      LIMIT $6`,
    [q.stationId, q.parameter, q.from, q.to, q.after, q.limit],
  );
  return r.rows;
}

/** Hourly means (avg_hour), labelled by the end of the hour. */
export async function listHourBatch(q: BatchQuery): Promise<ExportAvgRow[]> {
  const r = await pool().query<ExportAvgRow>(
    `SELECT hour_end AS time, ${AVERAGE_STATS_COLUMNS} FROM avg_hour
      WHERE station_id = $1 AND parameter = $2 AND hour_end > $3 AND hour_end <= $4 AND ($5::timestamptz IS NULL OR hour_end > $5)
      ORDER BY hour_end LIMIT $6`,
    [q.stationId, q.parameter, q.from, q.to, q.after, q.limit],
  );
  return r.rows;
}

/**
 * Daily means (avg_day) of local days in [fromDay, toDay) (yyyy-MM-dd); `time` is the day's local midnight
 * at +07:00 so the caller can print it as a date.
 */
export async function listDayBatch(q: {
  stationId: number;
  parameter: string;
  fromDay: string;
  toDay: string;
  afterDay: string | null;
  limit: number;
}): Promise<(ExportAvgRow & { day: string })[]> {
  const r = await pool().query<ExportAvgRow & { day: string }>(
    `SELECT (day::timestamp AT TIME ZONE ${LOCAL_TZ_SQL}) AS time, ${AVERAGE_STATS_COLUMNS}, to_char(day, 'YYYY-MM-DD') AS day
       FROM avg_day
      WHERE station_id = $1 AND parameter = $2 AND day >= $3::date AND day < $4::date AND ($5::date IS NULL OR day > $5::date)
      ORDER BY day LIMIT $6`,
    [q.stationId, q.parameter, q.fromDay, q.toDay, q.afterDay, q.limit],
  );
  return r.rows;
}
