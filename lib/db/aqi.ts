import type { HourlyAverage } from '../domain/averages';
import type { StationKind } from '../domain/parameters';
import { pool } from './client';
import { withTransaction } from './transaction';

/**
 * Storage of the derived air/water quality indices (aqi_hour, aqi_day, wqi_hour, wqi_day) and the hourly means they
 * are computed from. Hour rows are labelled by the end of the hour; day rows by the local date (yyyy-MM-dd).
 */
export type IndexStation = { id: number; code: string; kind: StationKind; intervalMinutes: number; enabled: boolean };

export async function findIndexStation(stationId: number): Promise<IndexStation | null> {
  const r = await pool().query<{
    id: number;
    code: string;
    kind: StationKind;
    interval_minutes: number;
    enabled: boolean;
  }>(`SELECT id, code, kind::text AS kind, interval_minutes, enabled FROM station WHERE id = $1`, [stationId]);
  const s = r.rows[0];
  return s ? { id: s.id, code: s.code, kind: s.kind, intervalMinutes: s.interval_minutes, enabled: s.enabled } : null;
}

export async function listIndexStations(kinds: readonly StationKind[]): Promise<IndexStation[]> {
  const r = await pool().query<{
    id: number;
    code: string;
    kind: StationKind;
    interval_minutes: number;
    enabled: boolean;
  }>(
    `SELECT id, code, kind::text AS kind, interval_minutes, enabled FROM station WHERE kind::text = ANY($1) ORDER BY code`,
    [kinds],
  );
  return r.rows.map((s) => ({
    id: s.id,
    code: s.code,
    kind: s.kind,
    intervalMinutes: s.interval_minutes,
    enabled: s.enabled,
  }));
}

// ── hourly means ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Stored hourly means (avg_hour, maintained by the recompute job from readings, QC flags and overlays) with labels in
 * [fromLabel, throughLabel] per parameter, oldest first.
 */
export async function listHourlyMeans(
  station: IndexStation,
  parameters: readonly string[],
  fromLabel: Date,
  throughLabel: Date,
): Promise<Map<string, HourlyAverage[]>> {
  const out = new Map<string, HourlyAverage[]>(parameters.map((p) => [p, []]));
  const r = await pool().query<{
    parameter: string;
    hour_end: Date;
    value: number | null;
    valid_count: number;
    expected_count: number;
    complete: boolean;
    min: number | null;
    max: number | null;
  }>(
    `SELECT parameter, hour_end, value, valid_count, expected_count, complete, min, max
     FROM avg_hour WHERE station_id = $1 AND parameter = ANY($2) AND hour_end >= $3 AND hour_end <= $4
     ORDER BY hour_end`,
    [station.id, parameters, fromLabel, throughLabel],
  );
  for (const x of r.rows) {
    out.get(x.parameter)?.push({
      hourEnd: x.hour_end.getTime(),
      value: x.value,
      validCount: x.valid_count,
      expectedCount: x.expected_count,
      complete: x.complete,
      min: x.min,
      max: x.max,
    });
  }
  return out;
}

// ── index rows ──────────────────────────────────────────────────────────────────────────────────────────────────

export type IndexKind = 'aqi' | 'wqi';

export type IndexHourRow = {
  stationId: number;
  hourEnd: Date;
  value: number | null;
  category: string | null;
  /** AQI: dominant pollutant; WQI: null. */
  dominant: string | null;
  /** WQI: why no value (data sufficiency); AQI: null. */
  reason: string | null;
  subIndices: Record<string, number>;
  nowcastPm25: number | null;
  nowcastPm10: number | null;
  computedAt: Date;
};

export type IndexDayRow = Omit<IndexHourRow, 'hourEnd' | 'nowcastPm25' | 'nowcastPm10'> & { day: string };

type DbHour = {
  station_id: number;
  hour_end: Date;
  value: number | null;
  category: string | null;
  dominant: string | null;
  reason: string | null;
  sub_indices: Record<string, number>;
  nowcast_pm25: number | null;
  nowcast_pm10: number | null;
  computed_at: Date;
};
type DbDay = Omit<DbHour, 'hour_end' | 'nowcast_pm25' | 'nowcast_pm10'> & { day: string };

const hourCols = (k: IndexKind) =>
  k === 'aqi'
    ? `station_id, hour_end, aqi AS value, category, dominant, NULL::text AS reason, sub_indices, nowcast_pm25, nowcast_pm10, computed_at`
    : `station_id, hour_end, wqi AS value, category, NULL::text AS dominant, reason, sub_indices, NULL::float8 AS nowcast_pm25, NULL::float8 AS nowcast_pm10, computed_at`;
const dayCols = (k: IndexKind) =>
  k === 'aqi'
    ? `station_id, to_char(day, 'YYYY-MM-DD') AS day, aqi AS value, category, dominant, NULL::text AS reason, sub_indices, computed_at`
    : `station_id, to_char(day, 'YYYY-MM-DD') AS day, wqi AS value, category, NULL::text AS dominant, reason, sub_indices, computed_at`;

const toHour = (x: DbHour): IndexHourRow => ({
  stationId: x.station_id,
  hourEnd: x.hour_end,
  value: x.value,
  category: x.category,
  dominant: x.dominant,
  reason: x.reason,
  subIndices: x.sub_indices ?? {},
  nowcastPm25: x.nowcast_pm25,
  nowcastPm10: x.nowcast_pm10,
  computedAt: x.computed_at,
});
const toDayRow = (x: DbDay): IndexDayRow => ({
  stationId: x.station_id,
  day: x.day,
  value: x.value,
  category: x.category,
  dominant: x.dominant,
  reason: x.reason,
  subIndices: x.sub_indices ?? {},
  computedAt: x.computed_at,
});

export type IndexHourWrite = Omit<IndexHourRow, 'computedAt'>;
export type IndexDayWrite = Omit<IndexDayRow, 'computedAt'>;

/** Replaces the hour rows of a station in [fromLabel, throughLabel] by `rows` (hours without a row are deleted). */
export async function replaceIndexHours(
  kind: IndexKind,
  stationId: number,
  fromLabel: Date,
  throughLabel: Date,
  rows: readonly IndexHourWrite[],
): Promise<void> {
  await withTransaction(async (client) => {
    await client.query(`DELETE FROM ${kind}_hour WHERE station_id = $1 AND hour_end >= $2 AND hour_end <= $3`, [
      stationId,
      fromLabel,
      throughLabel,
    ]);
    if (rows.length > 0) {
      const json = JSON.stringify(
        rows.map((r) => ({
          h: r.hourEnd.toISOString(),
          v: r.value,
          c: r.category,
          d: r.dominant,
          r: r.reason,
          s: r.subIndices,
          p25: r.nowcastPm25,
          p10: r.nowcastPm10,
        })),
      );
      const sql =
        kind === 'aqi'
          ? `INSERT INTO aqi_hour (station_id, hour_end, aqi, category, dominant, sub_indices, nowcast_pm25, nowcast_pm10)
             SELECT $1, (x->>'h')::timestamptz, (x->>'v')::int, x->>'c', x->>'d', COALESCE(x->'s', '{}'::jsonb),
                    (x->>'p25')::float8, (x->>'p10')::float8
             FROM jsonb_array_elements($2::jsonb) x`
          : `INSERT INTO wqi_hour (station_id, hour_end, wqi, category, reason, sub_indices)
             SELECT $1, (x->>'h')::timestamptz, (x->>'v')::int, x->>'c', x->>'r', COALESCE(x->'s', '{}'::jsonb)
             FROM jsonb_array_elements($2::jsonb) x`;
      await client.query(sql, [stationId, json]);
    }
  });
}

/** Upserts one day row, or deletes it when `row` is null (the day has no data any more). */
export async function writeIndexDay(
  kind: IndexKind,
  stationId: number,
  day: string,
  row: IndexDayWrite | null,
): Promise<void> {
  if (!row) {
    await pool().query(`DELETE FROM ${kind}_day WHERE station_id = $1 AND day = $2::date`, [stationId, day]);
    return;
  }
  const sql =
    kind === 'aqi'
      ? `INSERT INTO aqi_day (station_id, day, aqi, category, dominant, sub_indices, computed_at)
         VALUES ($1, $2::date, $3, $4, $5, $6::jsonb, now())
         ON CONFLICT (station_id, day) DO UPDATE SET aqi = EXCLUDED.aqi, category = EXCLUDED.category,
           dominant = EXCLUDED.dominant, sub_indices = EXCLUDED.sub_indices, computed_at = EXCLUDED.computed_at`
      : `INSERT INTO wqi_day (station_id, day, wqi, category, reason, sub_indices, computed_at)
         VALUES ($1, $2::date, $3, $4, $5, $6::jsonb, now())
         ON CONFLICT (station_id, day) DO UPDATE SET wqi = EXCLUDED.wqi, category = EXCLUDED.category,
           reason = EXCLUDED.reason, sub_indices = EXCLUDED.sub_indices, computed_at = EXCLUDED.computed_at`;
  const fifth = kind === 'aqi' ? row.dominant : row.reason;
  await pool().query(sql, [stationId, day, row.value, row.category, fifth, JSON.stringify(row.subIndices)]);
}

/** Hour rows with labels in [from, to), oldest first; `withValue` drops rows whose index could not be computed. */
export async function listIndexHours(
  kind: IndexKind,
  stationIds: readonly number[],
  from: Date,
  to: Date,
  opts: { withValue?: boolean; limit?: number } = {},
): Promise<IndexHourRow[]> {
  const col = kind;
  const r = await pool().query<DbHour>(
    `SELECT ${hourCols(kind)} FROM ${kind}_hour
     WHERE station_id = ANY($1) AND hour_end >= $2 AND hour_end < $3 ${opts.withValue ? `AND ${col} IS NOT NULL` : ''}
     ORDER BY station_id, hour_end LIMIT $4`,
    [stationIds, from, to, opts.limit ?? 100_000],
  );
  return r.rows.map(toHour);
}

/** Day rows with dates in [fromDay, toDay), oldest first. */
export async function listIndexDays(
  kind: IndexKind,
  stationIds: readonly number[],
  fromDay: string,
  untilDay: string,
  opts: { withValue?: boolean; limit?: number } = {},
): Promise<IndexDayRow[]> {
  const r = await pool().query<DbDay>(
    `SELECT ${dayCols(kind)} FROM ${kind}_day
     WHERE station_id = ANY($1) AND day >= $2::date AND day < $3::date ${opts.withValue ? `AND ${kind} IS NOT NULL` : ''}
     ORDER BY station_id, day LIMIT $4`,
    [stationIds, fromDay, untilDay, opts.limit ?? 100_000],
  );
  return r.rows.map(toDayRow);
}

/** The newest hour row with a value at or before `notAfter` (and after `notBefore`) per station. */
export async function latestIndexHours(
  kind: IndexKind,
  stationIds: readonly number[],
  notBefore: Date,
  notAfter: Date,
): Promise<IndexHourRow[]> {
  const r = await pool().query<DbHour>(
    `SELECT DISTINCT ON (station_id) ${hourCols(kind)} FROM ${kind}_hour
     WHERE station_id = ANY($1) AND hour_end > $2 AND hour_end <= $3 AND ${kind} IS NOT NULL
     ORDER BY station_id, hour_end DESC`,
    [stationIds, notBefore, notAfter],
  );
  return r.rows.map(toHour);
}

/** The newest stored hour label of a station (any value), or null. */
export async function newestIndexHour(kind: IndexKind, stationId: number): Promise<Date | null> {
  const r = await pool().query<{ h: Date | null }>(
    `SELECT max(hour_end) AS h FROM ${kind}_hour WHERE station_id = $1`,
    [stationId],
  );
  return r.rows[0]?.h ?? null;
}
