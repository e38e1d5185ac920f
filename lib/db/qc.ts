import type pg from 'pg';
import type { StationKind } from '../domain/parameters';
import type { FlagRun } from '../domain/qc/flag-runs';
import { pool } from './client';
import { numberArrayLiteral } from './pg-arrays';
import { rawReadingColumns, type ParameterReadingRow } from './readings';
import { epochMsSql, LOCAL_TZ_SQL } from './sql-time';

/**
 * Data access for QC recomputation: the station's QC settings, reading windows, flag write-back and the
 * per-station serialisation of recompute work. Hot paths in SQL (one statement per step).
 */
export type Queryable = pg.Pool | pg.PoolClient | pg.Client;

export type QcStationParameter = { parameter: string; unit: string; qcConfig: unknown; enabled: boolean };
export type QcStation = {
  id: number;
  code: string;
  kind: StationKind;
  facilityId: number;
  intervalMinutes: number;
  parameters: QcStationParameter[];
};

type DbParamRow = {
  id: number;
  code: string;
  kind: StationKind;
  facility_id: number;
  interval_minutes: number;
  parameter: string | null;
  unit: string | null;
  qc_config: unknown;
  enabled: boolean | null;
};

/** The station with its parameters and stored QC overrides (one round trip); null when it does not exist. */
export async function findQcStation(stationId: number, on: Queryable = pool()): Promise<QcStation | null> {
  const r = await on.query<DbParamRow>(
    `SELECT s.id, s.code, s.kind, s.facility_id, s.interval_minutes, sp.parameter, sp.unit, sp.qc_config, sp.enabled
     FROM station s LEFT JOIN station_parameter sp ON sp.station_id = s.id
     WHERE s.id = $1 ORDER BY sp.id`,
    [stationId],
  );
  const first = r.rows[0];
  if (!first) return null;
  return {
    id: first.id,
    code: first.code,
    kind: first.kind,
    facilityId: first.facility_id,
    intervalMinutes: first.interval_minutes,
    parameters: r.rows.flatMap((x) =>
      x.parameter === null
        ? []
        : [{ parameter: x.parameter, unit: x.unit ?? '', qcConfig: x.qc_config, enabled: x.enabled ?? true }],
    ),
  };
}

export async function findQcStationIdByCode(code: string): Promise<number | null> {
  const r = await pool().query<{ id: number }>(`SELECT id FROM station WHERE code = $1`, [code]);
  return r.rows[0]?.id ?? null;
}

/** Stores a station parameter's QC override (null = registry defaults); false when the parameter does not exist. */
export async function updateQcOverride(
  stationId: number,
  parameter: string,
  override: Record<string, unknown> | null,
): Promise<boolean> {
  const r = await pool().query(
    `UPDATE station_parameter SET qc_config = $3::jsonb WHERE station_id = $1 AND parameter = $2`,
    [stationId, parameter, override === null ? null : JSON.stringify(override)],
  );
  return (r.rowCount ?? 0) > 0;
}

/**
 * The readings of a QC window ($1 station, $2 after, $3 through, $4 parameters, $5 through + successor span): every
 * reading of the parameters in (after, through] plus each one's first reading after `through` (the successor the
 * spike test needs).
 */
const QC_WINDOW_ROWS = `SELECT parameter, time, value, device_status, qc_flag, qc_reasons FROM reading
       WHERE station_id = $1 AND parameter = ANY($4::text[]) AND time > $2 AND time <= $3
       UNION ALL
       SELECT n.parameter, n.time, n.value, n.device_status, n.qc_flag, n.qc_reasons
       FROM unnest($4::text[]) AS p(code)
       CROSS JOIN LATERAL (
         SELECT parameter, time, value, device_status, qc_flag, qc_reasons FROM reading
         WHERE station_id = $1 AND parameter = p.code AND time > $3 AND time <= $5
         ORDER BY time LIMIT 1
       ) n`;

/** One parameter's readings in time order, column by column (times in epoch milliseconds). */
export type QcSeriesColumns = {
  times: number[];
  values: number[];
  statuses: string[];
  flags: number[];
  reasons: string[][];
};

const NO_REASONS: string[] = [];
/** Separates reason lists in the aggregated text (reason codes are identifiers, never control characters). */
const REASON_SEP = '\x1f';

/**
 * The QC window's readings of the parameters (ordered by time), aggregated per parameter into delimited text columns:
 * at tens of thousands of readings (a station-month) parsing a row of text per parameter is far cheaper in node than
 * one row object per reading.
 */
export async function listQcSeries(
  on: Queryable,
  stationId: number,
  after: Date,
  through: Date,
  parameters: readonly string[],
  successorMs: number,
): Promise<Map<string, QcSeriesColumns>> {
  const r = await on.query<{ parameter: string; t: string; v: string; d: string; f: string; q: string }>(
    `SELECT parameter,
            string_agg((${epochMsSql('time')}::bigint)::text, ',' ORDER BY time) AS t,
            string_agg(value::text, ',' ORDER BY time) AS v,
            string_agg(device_status::text, ',' ORDER BY time) AS d,
            string_agg(qc_flag::text, ',' ORDER BY time) AS f,
            string_agg(COALESCE(array_to_string(qc_reasons, '|'), ''), E'\\x1f' ORDER BY time) AS q
     FROM (
       ${QC_WINDOW_ROWS}
     ) w GROUP BY parameter`,
    [stationId, after, through, parameters, new Date(through.getTime() + successorMs)],
  );
  const out = new Map<string, QcSeriesColumns>();
  for (const x of r.rows) {
    out.set(x.parameter, {
      times: x.t.split(',').map(Number),
      values: x.v.split(',').map(Number),
      statuses: x.d.split(','),
      flags: x.f.split(',').map(Number),
      reasons: x.q.split(REASON_SEP).map((q) => (q === '' ? NO_REASONS : q.split('|'))),
    });
  }
  return out;
}

/**
 * Writes one parameter's QC results as runs (`flagRuns`): each run sets every reading of the parameter with
 * fromMs ≤ time ≤ toMs, one index range each (raw values are never touched). The overall bounds let PostgreSQL prune
 * the monthly partitions at plan time. Reason codes contain no `|`.
 */
export async function updateReadingFlagRuns(
  on: Queryable,
  stationId: number,
  parameter: string,
  runs: readonly FlagRun[],
): Promise<number> {
  if (runs.length === 0) return 0;
  // Reason lists as 1-based indexes into their few distinct values.
  const reasonIndex = new Map<string, number>();
  const qi = runs.map((r) => {
    const k = r.reasons.join('|');
    let i = reasonIndex.get(k);
    if (i === undefined) {
      i = reasonIndex.size + 1;
      reasonIndex.set(k, i);
    }
    return i;
  });
  const res = await on.query(
    `UPDATE reading r
     SET qc_flag = u.f, qc_reasons = CASE WHEN u.q = '' THEN ARRAY[]::text[] ELSE string_to_array(u.q, '|') END
     FROM (SELECT timestamptz 'epoch' + lo * interval '1 millisecond' AS lo,
                  timestamptz 'epoch' + hi * interval '1 millisecond' AS hi, f, ($7::text[])[qi] AS q
           FROM unnest($3::float8[], $4::float8[], $5::int2[], $6::int4[]) AS x(lo, hi, f, qi)) AS u
     WHERE r.station_id = $1 AND r.parameter = $2 AND r.time >= u.lo AND r.time <= u.hi
       AND r.time >= $8 AND r.time <= $9`,
    [
      stationId,
      parameter,
      numberArrayLiteral(runs.map((r) => r.fromMs)),
      numberArrayLiteral(runs.map((r) => r.toMs)),
      numberArrayLiteral(runs.map((r) => r.flag)),
      numberArrayLiteral(qi),
      [...reasonIndex.keys()],
      new Date(runs[0]!.fromMs),
      new Date(runs.at(-1)!.toMs),
    ],
  );
  return res.rowCount ?? 0;
}

/** Serialises recompute work per station until the transaction ends (two workers never interleave one station). */
export async function lockStationForRecompute(on: Queryable, stationId: number): Promise<void> {
  await on.query(`SELECT pg_advisory_xact_lock(4242, $1)`, [stationId]);
}

/**
 * Claims the station's other unclaimed recompute jobs whose hour ends within [around − span, around + span], so a
 * backlog is processed as one period rather than hour by hour. Jobs not yet due but never tried are taken too: a
 * visible job's data is committed (ingest enqueues in its own transaction), and their delay only exists to gather
 * files (RECOMPUTE_DEBOUNCE_MS). A job backing off after a failure is left alone, so one failing period cannot hold up
 * its neighbours. Meant to run on its own (autocommit): the claim is visible at once, like the job loop's, and a
 * claim of a worker that dies is taken over after JOB_LOCK_TIMEOUT_SECONDS; the recompute transaction marks the jobs
 * done with `completeCoalescedJobs`, or `releaseCoalescedJobs` hands them back if it fails. The dedupe key is cleared
 * at once, so a file arriving meanwhile queues a new job instead of being folded into one whose data were read before.
 */
export async function claimPendingRecomputeJobs(
  on: Queryable,
  kind: string,
  stationId: number,
  around: Date,
  spanMs: number,
  max = 2000,
): Promise<{ id: number; from: string; to: string }[]> {
  const r = await on.query<{ id: number; payload: { from?: unknown; to?: unknown } }>(
    `UPDATE job SET locked_at = now(), locked_by = 'coalescing', dedupe_key = NULL
     WHERE id IN (
       SELECT id FROM job
       WHERE kind = $1 AND done_at IS NULL AND locked_at IS NULL AND (run_at <= now() OR attempts = 0)
         AND payload->>'stationId' = $2::text
         AND CASE WHEN payload->>'to' ~ '^\\d{4}-\\d{2}-\\d{2}T' AND payload->>'from' ~ '^\\d{4}-\\d{2}-\\d{2}T'
                  THEN (payload->>'to')::timestamptz BETWEEN $3 AND $4 ELSE false END
       ORDER BY id LIMIT $5
       FOR UPDATE SKIP LOCKED)
     RETURNING id, payload`,
    [kind, String(stationId), new Date(around.getTime() - spanMs), new Date(around.getTime() + spanMs), max],
  );
  return r.rows
    .flatMap((x) =>
      typeof x.payload.from === 'string' && typeof x.payload.to === 'string'
        ? [{ id: x.id, from: x.payload.from, to: x.payload.to }]
        : [],
    )
    .sort((a, b) => a.id - b.id);
}

/** Marks claimed jobs done as coalesced (inside the transaction that did their work). */
export async function completeCoalescedJobs(on: Queryable, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await on.query(
    `UPDATE job SET done_at = now(), locked_at = NULL, locked_by = 'coalesced', last_error = NULL
     WHERE id = ANY($1::int[]) AND done_at IS NULL`,
    [ids],
  );
}

/** Hands claimed jobs back to the queue (their recompute failed). */
export async function releaseCoalescedJobs(on: Queryable, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await on.query(`UPDATE job SET locked_at = NULL, locked_by = NULL WHERE id = ANY($1::int[]) AND done_at IS NULL`, [
    ids,
  ]);
}

/**
 * Ends the snapshot that the transaction's last parameterised read left open: node-pg reads through the protocol's
 * unnamed portal, which lives (with its snapshot) until the next statement, and an open snapshot keeps PostgreSQL from
 * pruning row versions that other sessions replace meanwhile. A simple-protocol statement drops the portal.
 */
export async function endReadSnapshot(on: Queryable): Promise<void> {
  await on.query('SELECT 1');
}

/** Recompute jobs of a station not done yet (the progress of a "recompute period" request). */
export async function countPendingRecomputeJobs(kind: string, stationId: number): Promise<number> {
  const r = await pool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM job WHERE kind = $1 AND done_at IS NULL AND payload->>'stationId' = $2::text`,
    [kind, String(stationId)],
  );
  return r.rows[0]?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------------------------
// QC views

export type FlagDayCount = { day: string; flag: number; count: number };

/** Readings per local day and QC flag with time in [from, to), optionally for the given stations only. */
export async function countFlagsByDay(
  from: Date,
  to: Date,
  stationIds: readonly number[] | null,
): Promise<FlagDayCount[]> {
  const r = await pool().query<{ day: string; flag: number; n: number }>(
    `SELECT to_char((time - interval '1 millisecond') AT TIME ZONE ${LOCAL_TZ_SQL}, 'YYYY-MM-DD') AS day,
            qc_flag AS flag, count(*)::int AS n
     FROM reading
     WHERE time > $1 AND time <= $2 AND ($3::int[] IS NULL OR station_id = ANY($3::int[]))
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [from, to, stationIds],
  );
  return r.rows.map((x) => ({ day: x.day, flag: x.flag, count: x.n }));
}

export type FlaggedReading = { stationId: number; stationCode: string; stationName: string } & ParameterReadingRow;

/** Readings with one of `flags` in [from, to), newest first; keyset-paged by (time, station, parameter) < before. */
export async function listFlaggedReadings(opts: {
  flags: readonly number[];
  from: Date;
  to: Date;
  stationIds: readonly number[] | null;
  parameter?: string;
  limit: number;
}): Promise<FlaggedReading[]> {
  const r = await pool().query<FlaggedReading>(
    `SELECT r.station_id AS "stationId", s.code AS "stationCode", s.name AS "stationName", r.parameter, ${rawReadingColumns('r')}
     FROM reading r JOIN station s ON s.id = r.station_id
     WHERE r.qc_flag = ANY($1::int2[]) AND r.time >= $2 AND r.time < $3
       AND ($4::int[] IS NULL OR r.station_id = ANY($4::int[])) AND ($5::text IS NULL OR r.parameter = $5)
     ORDER BY r.time DESC, s.code, r.parameter LIMIT $6`,
    [opts.flags, opts.from, opts.to, opts.stationIds, opts.parameter ?? null, opts.limit],
  );
  return r.rows;
}

/** One station parameter's readings flagged suspect or fail in [from, to), in time order (grouped into periods above). */
export async function listStationFlagged(
  stationId: number,
  from: Date,
  to: Date,
  limit: number,
): Promise<ParameterReadingRow[]> {
  const r = await pool().query<ParameterReadingRow>(
    `SELECT parameter, ${rawReadingColumns()} FROM reading
     WHERE station_id = $1 AND time >= $2 AND time < $3 AND (qc_flag IN (3, 4) OR device_status <> '00')
     ORDER BY parameter, time LIMIT $4`,
    [stationId, from, to, limit],
  );
  return r.rows;
}
