import type { StationKind } from '../domain/parameters';
import { pool } from './client';
import { numberArrayLiteral } from './pg-arrays';
import { epochMsSql } from './sql-time';

/**
 * The forecast archive (forecast_run, issue 20) and the hourly means forecasts are made from. Each run's arrays hold
 * hour i (0-based) ending at basedOn + (i + 1) h.
 */
export type ForecastRunRow = {
  stationId: number;
  parameter: string;
  /** epoch ms */
  basedOn: number;
  issuedAt: number;
  method: string;
  value: number[];
  lower: number[];
  upper: number[];
};

export type ForecastStation = { id: number; code: string; kind: StationKind; parameters: string[] };

/** Enabled stations of the given kinds with their parameter codes. */
export async function listForecastStations(kinds: readonly StationKind[]): Promise<ForecastStation[]> {
  const r = await pool().query<ForecastStation>(
    `SELECT s.id, s.code, s.kind::text AS kind, coalesce(array_agg(p.parameter ORDER BY p.parameter) FILTER (WHERE p.parameter IS NOT NULL), '{}') AS parameters
     FROM station s LEFT JOIN station_parameter p ON p.station_id = s.id
     WHERE s.enabled AND s.kind::text = ANY($1) GROUP BY s.id ORDER BY s.code`,
    [kinds],
  );
  return r.rows;
}

/** Complete hourly means (DOMAIN §5) of parameters with fromLabel <= hour_end <= throughLabel, as epoch ms → value. */
export async function listHourlyValues(
  stationId: number,
  parameters: readonly string[],
  fromLabel: Date,
  throughLabel: Date,
): Promise<Map<string, Map<number, number>>> {
  const out = new Map<string, Map<number, number>>(parameters.map((p) => [p, new Map<number, number>()]));
  const r = await pool().query<{ parameter: string; t: number; value: number }>(
    `SELECT parameter, ${epochMsSql('hour_end')} AS t, value FROM avg_hour
     WHERE station_id = $1 AND parameter = ANY($2) AND hour_end >= $3 AND hour_end <= $4 AND value IS NOT NULL AND complete`,
    [stationId, parameters, fromLabel, throughLabel],
  );
  for (const x of r.rows) out.get(x.parameter)?.set(Number(x.t), x.value);
  return out;
}

/** Archives a forecast; a second one for the same (station, parameter, basedOn) is ignored. True when stored. */
export async function insertForecastRun(run: Omit<ForecastRunRow, 'issuedAt'> & { issuedAt: Date }): Promise<boolean> {
  const r = await pool().query(
    `INSERT INTO forecast_run (station_id, parameter, based_on, issued_at, method, hours, value, lower, upper)
     VALUES ($1, $2, $3, $4, $5, $6, $7::float8[], $8::float8[], $9::float8[])
     ON CONFLICT (station_id, parameter, based_on) DO NOTHING`,
    [
      run.stationId,
      run.parameter,
      new Date(run.basedOn),
      run.issuedAt,
      run.method,
      run.value.length,
      numberArrayLiteral(run.value),
      numberArrayLiteral(run.lower),
      numberArrayLiteral(run.upper),
    ],
  );
  return (r.rowCount ?? 0) > 0;
}

const RUN_COLUMNS = `station_id AS "stationId", parameter, ${epochMsSql('based_on')} AS "basedOn", ${epochMsSql('issued_at')} AS "issuedAt", method, value, lower, upper`;

/** The latest archived forecast of a station's parameter (based on data up to `until` when given). */
export async function findLatestForecastRun(stationId: number, parameter: string, until: Date | null = null): Promise<ForecastRunRow | null> {
  const r = await pool().query<ForecastRunRow>(
    `SELECT ${RUN_COLUMNS} FROM forecast_run WHERE station_id = $1 AND parameter = $2 AND ($3::timestamptz IS NULL OR based_on <= $3)
     ORDER BY based_on DESC LIMIT 1`,
    [stationId, parameter, until],
  );
  return r.rows[0] ? normalise(r.rows[0]) : null;
}

/** Archived forecasts of a station's parameter with fromBasedOn <= basedOn < toBasedOn, oldest first. */
export async function listForecastRuns(stationId: number, parameter: string, fromBasedOn: Date, toBasedOn: Date): Promise<ForecastRunRow[]> {
  const r = await pool().query<ForecastRunRow>(
    `SELECT ${RUN_COLUMNS} FROM forecast_run WHERE station_id = $1 AND parameter = $2 AND based_on >= $3 AND based_on < $4
     ORDER BY based_on`,
    [stationId, parameter, fromBasedOn, toBasedOn],
  );
  return r.rows.map(normalise);
}

function normalise(r: ForecastRunRow): ForecastRunRow {
  return { ...r, basedOn: Number(r.basedOn), issuedAt: Number(r.issuedAt) };
}
