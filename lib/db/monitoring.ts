import { pool } from './client';

/**
 * Batched reads for monitoring (map, lists, connectivity): one query for many stations instead of one per station.
 * Local days are Asia/Ho_Chi_Minh days (UTC+7, no DST).
 */
const LOCAL_TZ = 'Asia/Ho_Chi_Minh';

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
  const r = await pool().query<{ station_id: number; parameter: string; time: Date; value: number; device_status: string; qc_flag: number }>(
    `SELECT sp.station_id, sp.parameter, l.time, l.value, l.device_status, l.qc_flag
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
    [stationIds],
  );
  for (const x of r.rows) {
    const list = out.get(x.station_id) ?? [];
    list.push({ stationId: x.station_id, parameter: x.parameter, time: x.time, value: x.value, deviceStatus: x.device_status, qcFlag: x.qc_flag });
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
       SELECT r.station_id, (r.time AT TIME ZONE '${LOCAL_TZ}')::date AS day, count(*) AS n,
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
export async function listReceiptDays(stationIds: readonly number[], fromDay: string, toDay: string): Promise<ReceiptDayRow[]> {
  if (stationIds.length === 0) return [];
  const r = await pool().query<{ station_id: number; day: string; readings: number; slots: number; late_slots: number }>(
    `SELECT station_id, to_char(day, 'YYYY-MM-DD') AS day, readings, slots, late_slots
     FROM station_receipt_day WHERE station_id = ANY($1::int[]) AND day >= $2::date AND day <= $3::date`,
    [stationIds, fromDay, toDay],
  );
  return r.rows.map((x) => ({ stationId: x.station_id, day: x.day, readings: x.readings, slots: x.slots, lateSlots: x.late_slots }));
}

/** Live counts for [from, to) (today, before the roll-up catches up): readings and distinct slots per station. */
export async function countReceiptLive(stationIds: readonly number[], from: Date, to: Date): Promise<Map<number, { readings: number; slots: number }>> {
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
export async function listSlotReceipts(stationId: number, from: Date, to: Date): Promise<Map<number, number>> {
  const r = await pool().query<{ time: Date; first: Date }>(
    `SELECT time, min(received_at) AS first FROM reading
     WHERE station_id = $1 AND time >= $2 AND time < $3 GROUP BY time`,
    [stationId, from, to],
  );
  return new Map(r.rows.map((x) => [x.time.getTime(), x.first.getTime()]));
}

export type ChartRawRow = { t: number; v: number; s: string; f: number };

/** Raw readings of several parameters of one station in [from, to), ordered by time (chart source). */
export async function listChartRaw(stationId: number, parameters: readonly string[], from: Date, to: Date): Promise<Map<string, ChartRawRow[]>> {
  const out = new Map<string, ChartRawRow[]>(parameters.map((p) => [p, []]));
  if (parameters.length === 0) return out;
  const r = await pool().query<{ parameter: string; t: number; v: number; s: string; f: number }>(
    `SELECT parameter, (extract(epoch FROM time) * 1000)::float8 AS t, value AS v, device_status AS s, qc_flag AS f
     FROM reading WHERE station_id = $1 AND parameter = ANY($2::text[]) AND time >= $3 AND time < $4
     ORDER BY parameter, time`,
    [stationId, [...parameters], from, to],
  );
  for (const x of r.rows) out.get(x.parameter)?.push({ t: x.t, v: x.v, s: x.s, f: x.f });
  return out;
}

export type ChartBucketRow = { t: number; mean: number | null; min: number | null; max: number | null; n: number; valid: number };

/**
 * Averages per bucket (1 h or 1 day, local time, labelled by the bucket's end as DOMAIN.md §5) for several parameters,
 * computed on the fly from readings. Valid here = status 00 and flag good / not evaluated / suspect, as
 * lib/db/aggregates.ts does until stored averages exist.
 */
export async function listChartBuckets(
  stationId: number,
  parameters: readonly string[],
  from: Date,
  to: Date,
  bucket: '1h' | '24h',
): Promise<Map<string, ChartBucketRow[]>> {
  const out = new Map<string, ChartBucketRow[]>(parameters.map((p) => [p, []]));
  if (parameters.length === 0) return out;
  const trunc =
    bucket === '1h'
      ? `date_trunc('hour', time - interval '1 millisecond') + interval '1 hour'`
      : `((date_trunc('day', (time - interval '1 millisecond') AT TIME ZONE '${LOCAL_TZ}') + interval '1 day') AT TIME ZONE '${LOCAL_TZ}')`;
  const r = await pool().query<{ parameter: string; t: number; mean: number | null; min: number | null; max: number | null; n: number; valid: number }>(
    `SELECT parameter, (extract(epoch FROM label) * 1000)::float8 AS t, count(*)::int AS n, count(*) FILTER (WHERE ok)::int AS valid,
            avg(value) FILTER (WHERE ok) AS mean, min(value) FILTER (WHERE ok) AS min, max(value) FILTER (WHERE ok) AS max
     FROM (
       SELECT parameter, ${trunc} AS label, value, (device_status = '00' AND qc_flag IN (1, 2, 3)) AS ok
       FROM reading WHERE station_id = $1 AND parameter = ANY($2::text[]) AND time > $3 AND time <= $4
     ) x
     GROUP BY parameter, label ORDER BY parameter, label`,
    [stationId, [...parameters], from, to],
  );
  for (const x of r.rows) out.get(x.parameter)?.push({ t: x.t, mean: x.mean, min: x.min, max: x.max, n: x.n, valid: x.valid });
  return out;
}

export type StatusPeriodRow = { start: number; end: number; status: string };

/**
 * Periods where the station reported calibration / maintenance (01, 03) or device error (02): consecutive readings with
 * the same non-00 status merge into one period (gaps ≤ 2 intervals), for shading on charts.
 */
export async function listStatusPeriods(stationId: number, from: Date, to: Date, intervalMinutes: number): Promise<StatusPeriodRow[]> {
  const r = await pool().query<{ start: number; end: number; status: string }>(
    `WITH s AS (
       SELECT DISTINCT time, CASE WHEN device_status = '03' THEN '01' ELSE device_status END AS st
       FROM reading WHERE station_id = $1 AND time >= $2 AND time < $3 AND device_status <> '00'
     ), g AS (
       SELECT time, st, CASE WHEN lag(time) OVER (PARTITION BY st ORDER BY time) >= time - make_interval(mins => $4 * 2) THEN 0 ELSE 1 END AS brk
       FROM s
     ), n AS (SELECT time, st, sum(brk) OVER (PARTITION BY st ORDER BY time) AS grp FROM g)
     SELECT st AS status, (extract(epoch FROM min(time)) * 1000)::float8 AS start,
            (extract(epoch FROM max(time) + make_interval(mins => $4)) * 1000)::float8 AS "end"
     FROM n GROUP BY st, grp ORDER BY start LIMIT 500`,
    [stationId, from, to, Math.max(1, intervalMinutes)],
  );
  return r.rows.map((x) => ({ start: x.start, end: x.end, status: x.status }));
}
