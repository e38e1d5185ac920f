import type { HourlyAverage } from '../domain/averages';
import type { StationKind } from '../domain/parameters';
import { AVERAGE_STATS_COLUMNS, type StoredHourly } from './averages';
import { pool } from './client';
import { epochMsSql } from './sql-time';
import { withTransaction } from './transaction';

/**
 * Storage of the derived air/water quality indices (aqi_hour, aqi_day, wqi_hour, wqi_day) and the hourly means they
 * are computed from. Hour rows are labelled by the end of the hour; day rows by the local date (yyyy-MM-dd).
 */
export type IndexStation = { id: number; code: string; kind: StationKind; intervalMinutes: number; enabled: boolean };

/** station columns named as IndexStation's fields. */
const INDEX_STATION_COLUMNS = `id, code, kind::text AS kind, interval_minutes AS "intervalMinutes", enabled`;

export async function findIndexStation(stationId: number): Promise<IndexStation | null> {
  const r = await pool().query<IndexStation>(`SELECT ${INDEX_STATION_COLUMNS} FROM station WHERE id = $1`, [stationId]);
  return r.rows[0] ?? null;
}

export async function listIndexStations(kinds: readonly StationKind[]): Promise<IndexStation[]> {
  const r = await pool().query<IndexStation>(
    `SELECT ${INDEX_STATION_COLUMNS} FROM station WHERE kind::text = ANY($1) ORDER BY code`,
    [kinds],
  );
  return r.rows;
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
  const r = await pool().query<StoredHourly>(
    `SELECT parameter, ${epochMsSql('hour_end')} AS "hourEnd", ${AVERAGE_STATS_COLUMNS}
     FROM avg_hour WHERE station_id = $1 AND parameter = ANY($2) AND hour_end >= $3 AND hour_end <= $4
     ORDER BY hour_end`,
    [station.id, parameters, fromLabel, throughLabel],
  );
  for (const x of r.rows) out.get(x.parameter)?.push(x);
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

/**
 * Each index's own text column: AQI names the dominant pollutant (and keeps its NowCasts), WQI says why no value
 * could be computed. Reads return both fields, null where the kind has no such column.
 */
const OWN_TEXT = { aqi: 'dominant', wqi: 'reason' } as const satisfies Record<IndexKind, 'dominant' | 'reason'>;

/** The select list of an IndexHourRow or IndexDayRow, columns named as its fields. */
function indexColumns(kind: IndexKind, period: 'hour' | 'day'): string {
  const text = (field: 'dominant' | 'reason') => (OWN_TEXT[kind] === field ? field : `NULL::text AS ${field}`);
  const label = period === 'hour' ? 'hour_end AS "hourEnd"' : `to_char(day, 'YYYY-MM-DD') AS day`;
  const nowcasts =
    period === 'day'
      ? ''
      : kind === 'aqi'
        ? ', nowcast_pm25 AS "nowcastPm25", nowcast_pm10 AS "nowcastPm10"'
        : ', NULL::float8 AS "nowcastPm25", NULL::float8 AS "nowcastPm10"';
  return `station_id AS "stationId", ${label}, ${kind} AS value, category, ${text('dominant')}, ${text('reason')},
          sub_indices AS "subIndices"${nowcasts}, computed_at AS "computedAt"`;
}

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
      const aqi = kind === 'aqi';
      const json = JSON.stringify(
        rows.map((r) => ({
          h: r.hourEnd.toISOString(),
          v: r.value,
          c: r.category,
          t: r[OWN_TEXT[kind]],
          s: r.subIndices,
          ...(aqi ? { p25: r.nowcastPm25, p10: r.nowcastPm10 } : {}),
        })),
      );
      await client.query(
        `INSERT INTO ${kind}_hour (station_id, hour_end, ${kind}, category, ${OWN_TEXT[kind]}, sub_indices${aqi ? ', nowcast_pm25, nowcast_pm10' : ''})
         SELECT $1, (x->>'h')::timestamptz, (x->>'v')::int, x->>'c', x->>'t', COALESCE(x->'s', '{}'::jsonb)
                ${aqi ? `, (x->>'p25')::float8, (x->>'p10')::float8` : ''}
         FROM jsonb_array_elements($2::jsonb) x`,
        [stationId, json],
      );
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
  const text = OWN_TEXT[kind];
  await pool().query(
    `INSERT INTO ${kind}_day (station_id, day, ${kind}, category, ${text}, sub_indices, computed_at)
     VALUES ($1, $2::date, $3, $4, $5, $6::jsonb, now())
     ON CONFLICT (station_id, day) DO UPDATE SET ${kind} = EXCLUDED.${kind}, category = EXCLUDED.category,
       ${text} = EXCLUDED.${text}, sub_indices = EXCLUDED.sub_indices, computed_at = EXCLUDED.computed_at`,
    [stationId, day, row.value, row.category, row[text], JSON.stringify(row.subIndices)],
  );
}

type IndexListOptions = { withValue?: boolean; limit?: number };

/**
 * Stored rows of one index, oldest first: hours with labels in [from, to), or days with dates (yyyy-MM-dd) in
 * [from, to); `withValue` drops rows whose index could not be computed.
 */
export function listIndexRows(kind: IndexKind, period: 'hour', stationIds: readonly number[], from: Date, to: Date, opts?: IndexListOptions): Promise<IndexHourRow[]>;
export function listIndexRows(kind: IndexKind, period: 'day', stationIds: readonly number[], from: string, to: string, opts?: IndexListOptions): Promise<IndexDayRow[]>;
export async function listIndexRows(
  kind: IndexKind,
  period: 'hour' | 'day',
  stationIds: readonly number[],
  from: Date | string,
  to: Date | string,
  opts: IndexListOptions = {},
): Promise<(IndexHourRow | IndexDayRow)[]> {
  const [label, cast] = period === 'hour' ? ['hour_end', ''] : ['day', '::date'];
  const r = await pool().query<IndexHourRow | IndexDayRow>(
    `SELECT ${indexColumns(kind, period)} FROM ${kind}_${period}
     WHERE station_id = ANY($1) AND ${label} >= $2${cast} AND ${label} < $3${cast} ${opts.withValue ? `AND ${kind} IS NOT NULL` : ''}
     ORDER BY station_id, ${label} LIMIT $4`,
    [stationIds, from, to, opts.limit ?? 100_000],
  );
  return r.rows;
}

/** The newest hour row with a value at or before `notAfter` (and after `notBefore`) per station. */
export async function latestIndexHours(
  kind: IndexKind,
  stationIds: readonly number[],
  notBefore: Date,
  notAfter: Date,
): Promise<IndexHourRow[]> {
  const r = await pool().query<IndexHourRow>(
    `SELECT DISTINCT ON (station_id) ${indexColumns(kind, 'hour')} FROM ${kind}_hour
     WHERE station_id = ANY($1) AND hour_end > $2 AND hour_end <= $3 AND ${kind} IS NOT NULL
     ORDER BY station_id, hour_end DESC`,
    [stationIds, notBefore, notAfter],
  );
  return r.rows;
}

/** The newest stored hour label of a station (any value), or null. */
export async function newestIndexHour(kind: IndexKind, stationId: number): Promise<Date | null> {
  const r = await pool().query<{ h: Date | null }>(
    `SELECT max(hour_end) AS h FROM ${kind}_hour WHERE station_id = $1`,
    [stationId],
  );
  return r.rows[0]?.h ?? null;
}
