import type pg from 'pg';
import { pool } from './client';
import { localDayKey } from '../domain/time';
import type { SlotArrival } from '../domain/receipt';
import { epochMsSql, LOCAL_TZ_SQL } from './sql-time';

/**
 * Batched reads for monitoring (map, lists, connectivity): one query for many stations instead of one per station.
 * Local days are Asia/Ho_Chi_Minh days (UTC+7, no DST).
 */

export type LatestRow = {
  stationId: number;
  parameter: string;
  time: Date;
  value: number;
  deviceStatus: string;
  qcFlag: number;
};

/**
 * Newest reading of every enabled parameter of the given stations, looked up in the two days before each station's
 * last data time (an index probe per parameter that touches one or two monthly partitions). A parameter silent for
 * longer than that has no current value for the live views.
 */
export async function latestForStations(stationIds: readonly number[]): Promise<Map<number, LatestRow[]>> {
  const out = new Map<number, LatestRow[]>();
  if (stationIds.length === 0) return out;
  const r = await pool().query<{
    station_id: number;
    parameter: string;
    time: Date;
    value: number;
    device_status: string;
    qc_flag: number;
  }>({
    name: 'latest_for_stations_v1',
    text: `SELECT sp.station_id, sp.parameter, l.time, l.value, l.device_status, l.qc_flag
     FROM station s
     JOIN station_parameter sp ON sp.station_id = s.id AND sp.enabled
     CROSS JOIN LATERAL (
       SELECT time, value, device_status, qc_flag FROM reading r
       WHERE r.station_id = sp.station_id AND r.parameter = sp.parameter
         AND r.time <= s.last_data_at AND r.time > s.last_data_at - interval '2 days'
       ORDER BY r.time DESC LIMIT 1
     ) l
     WHERE s.id = ANY($1::int[]) AND s.last_data_at IS NOT NULL
     ORDER BY sp.station_id, sp.id`,
    values: [stationIds],
  });
  for (const x of r.rows) {
    const list = out.get(x.station_id) ?? [];
    list.push({
      stationId: x.station_id,
      parameter: x.parameter,
      time: x.time,
      value: x.value,
      deviceStatus: x.device_status,
      qcFlag: x.qc_flag,
    });
    out.set(x.station_id, list);
  }
  return out;
}

/**
 * Recomputes the daily receipt roll-up for readings with time in [from, to) (pass local-midnight bounds): per station
 * and local day the readings, the distinct slots, and the slots whose first value came later than interval + grace.
 */
export async function refreshReceiptDays(from: Date, to: Date, stationIds?: readonly number[]): Promise<number> {
  const r = await pool().query(
    `INSERT INTO station_receipt_day (station_id, day, readings, slots, late_slots, updated_at)
     SELECT station_id, day, sum(n)::int, count(*)::int, count(*) FILTER (WHERE late)::int, now()
     FROM (
       SELECT r.station_id, (r.time AT TIME ZONE ${LOCAL_TZ_SQL})::date AS day, count(*) AS n,
              min(r.received_at) > r.time + make_interval(mins => s.interval_minutes + s.grace_minutes) AS late
       FROM reading r JOIN station s ON s.id = r.station_id
       WHERE r.time >= $1 AND r.time < $2 AND ($3::int[] IS NULL OR r.station_id = ANY($3::int[]))
       GROUP BY r.station_id, r.time, s.interval_minutes, s.grace_minutes
     ) x
     GROUP BY station_id, day
     ON CONFLICT (station_id, day) DO UPDATE SET
       readings = EXCLUDED.readings, slots = EXCLUDED.slots, late_slots = EXCLUDED.late_slots, updated_at = EXCLUDED.updated_at`,
    [from, to, stationIds ? [...stationIds] : null],
  );
  return r.rowCount ?? 0;
}

export type ReceiptDayRow = { stationId: number; day: string; readings: number; slots: number; lateSlots: number };

/** Roll-up rows for the stations with day in [fromDay, toDay] (yyyy-MM-dd, inclusive). */
export async function listReceiptDays(
  stationIds: readonly number[],
  fromDay: string,
  toDay: string,
): Promise<ReceiptDayRow[]> {
  if (stationIds.length === 0) return [];
  const r = await pool().query<{
    station_id: number;
    day: string;
    readings: number;
    slots: number;
    late_slots: number;
  }>(
    `SELECT station_id, to_char(day, 'YYYY-MM-DD') AS day, readings, slots, late_slots
     FROM station_receipt_day WHERE station_id = ANY($1::int[]) AND day >= $2::date AND day <= $3::date`,
    [stationIds, fromDay, toDay],
  );
  return r.rows.map((x) => ({
    stationId: x.station_id,
    day: x.day,
    readings: x.readings,
    slots: x.slots,
    lateSlots: x.late_slots,
  }));
}

/** Live counts for [from, to) (today, before the roll-up catches up): readings and distinct slots per station. */
export async function countReceiptLive(
  stationIds: readonly number[],
  from: Date,
  to: Date,
): Promise<Map<number, { readings: number; slots: number }>> {
  const out = new Map<number, { readings: number; slots: number }>();
  if (stationIds.length === 0) return out;
  const r = await pool().query<{ station_id: number; readings: number; slots: number }>(
    `SELECT station_id, count(*)::int AS readings, count(DISTINCT time)::int AS slots
     FROM reading WHERE station_id = ANY($1::int[]) AND time >= $2 AND time < $3 GROUP BY station_id`,
    [stationIds, from, to],
  );
  for (const x of r.rows) out.set(x.station_id, { readings: x.readings, slots: x.slots });
  return out;
}

/** Slot calendar source for one station: each slot time in [from, to) with the time its first value arrived. */
/**
 * Each slot (reading time) of a station in [from, to) with when its first value arrived: the received time of the
 * earliest ledger file that brought a value for it, or 'unrecorded' when none of its values came with a file.
 */
export async function listSlotReceipts(stationId: number, from: Date, to: Date): Promise<Map<number, SlotArrival>> {
  const r = await pool().query<{ time: Date; first: Date | null }>(
    `SELECT r.time, min(f.received_at) AS first FROM reading r LEFT JOIN ingest_file f ON f.id = r.file_id
     WHERE r.station_id = $1 AND r.time >= $2 AND r.time < $3 GROUP BY r.time`,
    [stationId, from, to],
  );
  return new Map(r.rows.map((x) => [x.time.getTime(), x.first ? x.first.getTime() : 'unrecorded']));
}

/**
 * Runs a chart statement for the first and the second half of the parameters at once, so PostgreSQL reads them on two
 * cores (a 30-day raw window of 8 parameters is ~70,000 readings); returns the first half's rows, then the second's,
 * each half in the statement's order (by parameter, then time).
 */
async function queryInHalves<R extends pg.QueryResultRow>(
  parameters: readonly string[],
  run: (ps: string[]) => Promise<pg.QueryResult<R>>,
): Promise<R[]> {
  const ps = [...parameters];
  if (ps.length < 2) return (await run(ps)).rows;
  const mid = Math.ceil(ps.length / 2);
  const [a, b] = await Promise.all([run(ps.slice(0, mid)), run(ps.slice(mid))]);
  return a.rows.concat(b.rows);
}

export type ChartSeriesPoint = { t: number; v: number; lo?: number | null; hi?: number | null };
export type ChartMarkRow = { t: number; v: number; f: number };

/**
 * Raw readings of several parameters downsampled in SQL (DOMAIN: at most `maxPoints` per series): [from, to) is cut
 * into maxPoints / 2 equal buckets and each keeps its lowest and highest value at their own times, so spikes and dips
 * survive. Also one mark per bucket for suspect (3) / failed (4) readings, the worst flag first. One index range scan.
 */
export async function listChartRawDownsampled(
  stationId: number,
  parameters: readonly string[],
  from: Date,
  to: Date,
  maxPoints: number,
): Promise<{
  points: Map<string, ChartSeriesPoint[]>;
  marks: Map<string, ChartMarkRow[]>;
  counts: Map<string, number>;
}> {
  const points = new Map<string, ChartSeriesPoint[]>(parameters.map((p) => [p, []]));
  const marks = new Map<string, ChartMarkRow[]>(parameters.map((p) => [p, []]));
  const counts = new Map<string, number>(parameters.map((p) => [p, 0]));
  if (parameters.length === 0) return { points, marks, counts };
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const widthMs = Math.max(1, Math.ceil((to.getTime() - from.getTime()) / buckets));
  // Per bucket the lowest and highest value (plain aggregates), then the readings holding them and the flagged ones
  // (one scan of the window, materialised once; array aggregates were three times slower).
  const rows = await queryInHalves(parameters, (ps) =>
    pool().query<{ parameter: string; b: number; t: number; v: number; f: number; lo: number; hi: number; n: number }>(
      `WITH x AS MATERIALIZED (
       SELECT parameter AS p, ${epochMsSql('time')} AS t, value AS v, qc_flag AS f,
              floor((${epochMsSql('time')} - $5::float8) / $6::float8)::int AS b
       FROM reading WHERE station_id = $1 AND parameter = ANY($2::text[]) AND time >= $3 AND time < $4
     ), m AS (SELECT p, b, min(v) AS lo, max(v) AS hi, count(*)::int AS n FROM x GROUP BY p, b)
     SELECT x.p AS parameter, x.b, x.t, x.v, x.f, m.lo, m.hi, m.n
     FROM x JOIN m USING (p, b)
     WHERE x.v = m.lo OR x.v = m.hi OR x.f IN (3, 4)
     ORDER BY x.p, x.t`,
      [stationId, ps, from, to, from.getTime(), widthMs],
    ),
  );
  type Bucket = { lo?: ChartSeriesPoint; hi?: ChartSeriesPoint; mark?: ChartMarkRow };
  let current: { parameter: string; b: number; n: number; bucket: Bucket } | null = null;
  const flush = () => {
    if (!current) return;
    const { parameter, n, bucket } = current;
    counts.set(parameter, (counts.get(parameter) ?? 0) + n);
    const list = points.get(parameter);
    const { lo, hi, mark } = bucket;
    if (list && lo && hi) {
      if (lo.t === hi.t) list.push(lo);
      else if (lo.t < hi.t) list.push(lo, hi);
      else list.push(hi, lo);
    }
    if (mark) marks.get(parameter)?.push(mark);
  };
  for (const x of rows) {
    if (!current || current.parameter !== x.parameter || current.b !== x.b) {
      // Rows come by parameter and time, and buckets are time ranges: a new (parameter, bucket) closes the previous.
      flush();
      current = { parameter: x.parameter, b: x.b, n: x.n, bucket: {} };
    }
    const bucket = current.bucket;
    // Ties: the earliest reading with the lowest / highest value; the worst flag (fail before suspect) for the mark.
    if (x.v === x.lo && !bucket.lo) bucket.lo = { t: x.t, v: x.v };
    if (x.v === x.hi && !bucket.hi) bucket.hi = { t: x.t, v: x.v };
    if ((x.f === 3 || x.f === 4) && (!bucket.mark || x.f > bucket.mark.f)) bucket.mark = { t: x.t, v: x.v, f: x.f };
  }
  flush();
  return { points, marks, counts };
}

export type ChartBucketRow = {
  t: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  n: number;
  valid: number;
};

/**
 * Stored averages (avg_hour for 1 h, avg_day for 24 h, maintained by the recompute job) of several parameters for
 * labels in (from, to]: hours labelled by their end, days by the end of the local day (DOMAIN.md §5). With more than
 * `maxPoints` hours per series (a year is 8,760) the hours are grouped in SQL into maxPoints / 2 buckets, each keeping
 * its lowest and highest mean and the min/max band, so a year reads at most 2,000 points per series.
 */
export async function listChartAverages(
  stationId: number,
  parameters: readonly string[],
  from: Date,
  to: Date,
  bucket: '1h' | '24h',
  maxPoints: number,
): Promise<Map<string, ChartBucketRow[]>> {
  const out = new Map<string, ChartBucketRow[]>(parameters.map((p) => [p, []]));
  if (parameters.length === 0) return out;
  if (bucket === '24h') {
    // Local days whose end label can fall in (from, to]; the exact cut is made on the label below.
    const r = await pool().query<ChartBucketRow & { parameter: string }>(
      `SELECT parameter, ${epochMsSql(`((day + 1)::timestamp AT TIME ZONE ${LOCAL_TZ_SQL})`)} AS t,
              value AS mean, min, max, expected_count AS n, valid_count AS valid
       FROM avg_day WHERE station_id = $1 AND parameter = ANY($2::text[]) AND day >= $3::date - 1 AND day <= $4::date
       ORDER BY parameter, day`,
      [stationId, [...parameters], localDayKey(from), localDayKey(to)],
    );
    for (const x of r.rows) {
      if (x.t > from.getTime() && x.t <= to.getTime())
        out.get(x.parameter)?.push({ t: x.t, mean: x.mean, min: x.min, max: x.max, n: x.n, valid: x.valid });
    }
    return out;
  }
  const hours = Math.ceil((to.getTime() - from.getTime()) / 3_600_000);
  if (hours <= maxPoints) {
    const r = await pool().query<ChartBucketRow & { parameter: string }>(
      `SELECT parameter, ${epochMsSql('hour_end')} AS t, value AS mean, min, max, expected_count AS n, valid_count AS valid
       FROM avg_hour WHERE station_id = $1 AND parameter = ANY($2::text[]) AND hour_end > $3 AND hour_end <= $4
       ORDER BY parameter, hour_end`,
      [stationId, [...parameters], from, to],
    );
    for (const x of r.rows)
      out.get(x.parameter)?.push({ t: x.t, mean: x.mean, min: x.min, max: x.max, n: x.n, valid: x.valid });
    return out;
  }
  // Labels are in (from, to]: bucket on (label − from − 1 ms) so the label at `to` stays in the last bucket.
  const widthMs = Math.ceil((to.getTime() - from.getTime()) / Math.max(1, Math.floor(maxPoints / 2)));
  type Row = {
    parameter: string;
    b: number;
    t: number;
    v: number;
    lo: number;
    hi: number;
    min: number | null;
    max: number | null;
    n: number;
    valid: number;
  };
  const rows = await queryInHalves(parameters, (ps) =>
    pool().query<Row>(
      // Window aggregates over the index order (an incremental sort by bucket) cost about half of grouping and joining back.
      `SELECT p AS parameter, b, t, v, lo, hi, bmin AS min, bmax AS max, n, valid FROM (
       SELECT p, b, t, v, min(v) OVER w AS lo, max(v) OVER w AS hi, min(mn) OVER w AS bmin, max(mx) OVER w AS bmax,
              (sum(expected_count) OVER w)::int AS n, (sum(valid_count) OVER w)::int AS valid
       FROM (
         SELECT parameter AS p, value AS v, min AS mn, max AS mx, expected_count, valid_count, ${epochMsSql('hour_end')} AS t,
                floor((${epochMsSql('hour_end')} - $5::float8 - 1) / $6::float8)::int AS b
         FROM avg_hour WHERE station_id = $1 AND parameter = ANY($2::text[]) AND hour_end > $3 AND hour_end <= $4
       ) s
       WINDOW w AS (PARTITION BY p, b)
     ) z WHERE v = lo OR v = hi
     ORDER BY p, t`,
      [stationId, ps, from, to, from.getTime(), widthMs],
    ),
  );
  // Per (parameter, bucket) in time order: the earliest hour with the lowest and with the highest mean.
  let key = '';
  let lo: Row | null = null;
  let hi: Row | null = null;
  const flush = () => {
    if (!lo || !hi) return;
    const list = out.get(lo.parameter);
    const band = { min: lo.min, max: lo.max, n: lo.n, valid: lo.valid };
    if (!list) return;
    if (lo.t === hi.t) list.push({ t: lo.t, mean: lo.v, ...band });
    else if (lo.t < hi.t) list.push({ t: lo.t, mean: lo.v, ...band }, { t: hi.t, mean: hi.v, ...band });
    else list.push({ t: hi.t, mean: hi.v, ...band }, { t: lo.t, mean: lo.v, ...band });
  };
  for (const x of rows) {
    const k = `${x.parameter}|${x.b}`;
    if (k !== key) {
      flush();
      key = k;
      lo = null;
      hi = null;
    }
    if (x.v === x.lo && !lo) lo = x;
    if (x.v === x.hi && !hi) hi = x;
  }
  flush();
  return out;
}

export type StatusPeriodRow = { start: number; end: number; status: string };

/**
 * Periods where the station reported calibration / maintenance (01, 03) or device error (02): consecutive readings with
 * the same non-00 status merge into one period (gaps ≤ 2 intervals), for shading on charts. Pass the station's
 * parameters so the scan uses the whole (station, parameter, time) key.
 */
export async function listStatusPeriods(
  stationId: number,
  from: Date,
  to: Date,
  intervalMinutes: number,
  parameters?: readonly string[],
): Promise<StatusPeriodRow[]> {
  const r = await pool().query<{ start: number; end: number; status: string }>(
    `WITH s AS (
       SELECT DISTINCT time, CASE WHEN device_status = '03' THEN '01' ELSE device_status END AS st
       FROM reading WHERE station_id = $1 AND time >= $2 AND time < $3 AND device_status <> '00'
         ${parameters ? 'AND parameter = ANY($5::text[])' : ''}
     ), g AS (
       SELECT time, st, CASE WHEN lag(time) OVER (PARTITION BY st ORDER BY time) >= time - make_interval(mins => $4 * 2) THEN 0 ELSE 1 END AS brk
       FROM s
     ), n AS (SELECT time, st, sum(brk) OVER (PARTITION BY st ORDER BY time) AS grp FROM g)
     SELECT st AS status, ${epochMsSql('min(time)')} AS start,
            ${epochMsSql('max(time) + make_interval(mins => $4)')} AS "end"
     FROM n GROUP BY st, grp ORDER BY start LIMIT 500`,
    // A literal condition (not `$5 IS NULL OR …`) so that the planner can use the whole key.
    parameters
      ? [stationId, from, to, Math.max(1, intervalMinutes), [...parameters]]
      : [stationId, from, to, Math.max(1, intervalMinutes)],
  );
  return r.rows.map((x) => ({ start: x.start, end: x.end, status: x.status }));
}
