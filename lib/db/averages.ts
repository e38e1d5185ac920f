import type { DailyAverage, HourlyAverage } from '../domain/averages';
import { pool } from './client';
import { booleanArrayLiteral, numberArrayLiteral } from './pg-arrays';
import type { Queryable } from './qc';
import { epochMsSql } from './sql-time';

/**
 * Stored averages (tables avg_hour, avg_day): derived from raw readings, flags and overlays by lib/services/recompute.ts
 * and recomputable at any time. Hours are labelled by their end; days are local dates (yyyy-MM-dd).
 */
export type StoredHourly = HourlyAverage & { parameter: string };
export type StoredDaily = DailyAverage & { parameter: string };

/** Upserts hourly rows in one statement. */
export async function upsertHourly(on: Queryable, stationId: number, rows: readonly StoredHourly[]): Promise<void> {
  if (rows.length === 0) return;
  const codes: string[] = [];
  const index = new Map<string, number>();
  const indexOf = (code: string) => {
    let i = index.get(code);
    if (i === undefined) {
      i = codes.push(code);
      index.set(code, i);
    }
    return i;
  };
  await on.query(
    `INSERT INTO avg_hour (station_id, parameter, hour_end, value, valid_count, expected_count, complete, min, max, computed_at)
     SELECT $1, ($10::text[])[pi], timestamptz 'epoch' + h * interval '1 millisecond', v, n, e, c, lo, hi, now()
     FROM unnest($2::int[], $3::float8[], $4::float8[], $5::int[], $6::int[], $7::boolean[], $8::float8[], $9::float8[])
       AS u(pi, h, v, n, e, c, lo, hi)
     ON CONFLICT (station_id, parameter, hour_end) DO UPDATE SET
       value = EXCLUDED.value, valid_count = EXCLUDED.valid_count, expected_count = EXCLUDED.expected_count,
       complete = EXCLUDED.complete, min = EXCLUDED.min, max = EXCLUDED.max, computed_at = EXCLUDED.computed_at
     -- An unchanged row is not rewritten (a recompute mostly confirms what is stored): no dead tuple, no WAL.
     WHERE (avg_hour.value, avg_hour.valid_count, avg_hour.expected_count, avg_hour.complete, avg_hour.min, avg_hour.max)
       IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.valid_count, EXCLUDED.expected_count, EXCLUDED.complete, EXCLUDED.min, EXCLUDED.max)`,
    // Parameters as 1-based indexes into their few distinct codes, times as epoch milliseconds, numbers as literals:
    // a first pass over a station-month sends thousands of rows.
    [
      stationId,
      numberArrayLiteral(rows.map((r) => indexOf(r.parameter))),
      numberArrayLiteral(rows.map((r) => r.hourEnd)),
      numberArrayLiteral(rows.map((r) => r.value)),
      numberArrayLiteral(rows.map((r) => r.validCount)),
      numberArrayLiteral(rows.map((r) => r.expectedCount)),
      booleanArrayLiteral(rows.map((r) => r.complete)),
      numberArrayLiteral(rows.map((r) => r.min)),
      numberArrayLiteral(rows.map((r) => r.max)),
      codes,
    ],
  );
}

export async function upsertDaily(on: Queryable, stationId: number, rows: readonly StoredDaily[]): Promise<void> {
  if (rows.length === 0) return;
  await on.query(
    `INSERT INTO avg_day (station_id, parameter, day, value, valid_count, expected_count, complete, min, max, computed_at)
     SELECT $1, p, d, v, n, e, c, lo, hi, now()
     FROM unnest($2::text[], $3::date[], $4::float8[], $5::int[], $6::int[], $7::boolean[], $8::float8[], $9::float8[])
       AS u(p, d, v, n, e, c, lo, hi)
     ON CONFLICT (station_id, parameter, day) DO UPDATE SET
       value = EXCLUDED.value, valid_count = EXCLUDED.valid_count, expected_count = EXCLUDED.expected_count,
       complete = EXCLUDED.complete, min = EXCLUDED.min, max = EXCLUDED.max, computed_at = EXCLUDED.computed_at
     WHERE (avg_day.value, avg_day.valid_count, avg_day.expected_count, avg_day.complete, avg_day.min, avg_day.max)
       IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.valid_count, EXCLUDED.expected_count, EXCLUDED.complete, EXCLUDED.min, EXCLUDED.max)`,
    [
      stationId,
      rows.map((r) => r.parameter),
      rows.map((r) => r.day),
      rows.map((r) => r.value),
      rows.map((r) => r.validCount),
      rows.map((r) => r.expectedCount),
      rows.map((r) => r.complete),
      rows.map((r) => r.min),
      rows.map((r) => r.max),
    ],
  );
}

/** The statistics columns of avg_hour / avg_day, named as the fields of AverageStats (rows need no mapping). */
export const AVERAGE_STATS_COLUMNS = `value, valid_count AS "validCount", expected_count AS "expectedCount", complete, min, max`;

/** Stored hourly rows with fromLabel <= hour_end < toLabel (all parameters when `parameter` is null), by parameter, hour. */
export async function listStoredHourly(
  stationId: number,
  parameter: string | null,
  fromLabel: Date,
  toLabel: Date,
  on: Queryable = pool(),
): Promise<StoredHourly[]> {
  const r = await on.query<StoredHourly>(
    `SELECT parameter, ${epochMsSql('hour_end')} AS "hourEnd", ${AVERAGE_STATS_COLUMNS} FROM avg_hour
     WHERE station_id = $1 AND ($2::text IS NULL OR parameter = $2) AND hour_end >= $3 AND hour_end < $4
     ORDER BY parameter, hour_end`,
    [stationId, parameter, fromLabel, toLabel],
  );
  return r.rows;
}

/** Stored daily rows with fromDay <= day < toDay (yyyy-MM-dd), by parameter, day. */
export async function listStoredDaily(
  stationId: number,
  parameter: string | null,
  fromDay: string,
  toDay: string,
): Promise<StoredDaily[]> {
  const r = await pool().query<StoredDaily>(
    `SELECT parameter, to_char(day, 'YYYY-MM-DD') AS day, ${AVERAGE_STATS_COLUMNS} FROM avg_day
     WHERE station_id = $1 AND ($2::text IS NULL OR parameter = $2) AND day >= $3::date AND day < $4::date
     ORDER BY parameter, day`,
    [stationId, parameter, fromDay, toDay],
  );
  return r.rows;
}
