/**
 * `npm run bench:data [-- --stations 300 --days 90 --params 8 --avg-days 365 --budget-minutes 0]`: a large, realistic data set for bench:web.
 * 300 stations × 8 parameters × 90 days of 5-minute readings ≈ 62 M rows, generated server-side (INSERT … SELECT over
 * generate_series, one local day per statement, ON CONFLICT DO NOTHING) into BENCH_DATABASE_URL, or an embedded
 * PostgreSQL under ./bench-data when unset; their hourly and daily averages (avg_hour / avg_day, as the recompute job
 * stores them), plus hourly/daily averages alone for the days before the raw window up to --avg-days, so that the
 * one-year chart reads a full year. Resumable: finished days are recorded in bench_progress and skipped.
 */
import 'dotenv/config';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { localDayKey, startOfLocalDay } from '../lib/domain/time';

const { values: args } = parseArgs({
  options: {
    stations: { type: 'string', default: '300' },
    days: { type: 'string', default: '90' },
    params: { type: 'string', default: '8' },
    'avg-days': { type: 'string', default: '365' },
    'budget-minutes': { type: 'string', default: '0' },
  },
  strict: false,
});
const STATIONS = Math.max(1, Number(args.stations) || 300);
const DAYS = Math.max(1, Number(args.days) || 90);
const PARAMS = Math.min(8, Math.max(1, Number(args.params) || 8));
const AVG_DAYS = Math.max(DAYS, Number(args['avg-days']) || 365);
/** Stop generating after this many minutes (0 = no limit) and finish the run (state, roll-ups) with what exists. */
const BUDGET_MIN = Number(args['budget-minutes']) > 0 ? Number(args['budget-minutes']) : Number.POSITIVE_INFINITY;
const PARAMETERS = [
  { code: 'FLOW', unit: 'm³/h', base: 120, amp: 40, max: null },
  { code: 'TEMP', unit: '°C', base: 29, amp: 3, max: 40 },
  { code: 'PH', unit: '-', base: 7.2, amp: 0.5, max: 9 },
  { code: 'COD', unit: 'mg/L', base: 55, amp: 25, max: 75 },
  { code: 'TSS', unit: 'mg/L', base: 30, amp: 12, max: 50 },
  { code: 'NH4', unit: 'mg/L', base: 2.5, amp: 1.5, max: 5 },
  { code: 'TN', unit: 'mg/L', base: 12, amp: 5, max: 20 },
  { code: 'TP', unit: 'mg/L', base: 2, amp: 1, max: 4 },
].slice(0, PARAMS);

export async function benchDatabaseUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (url) return { url, stop: async () => undefined };
  const { startEmbeddedPostgres } = await import('../lib/db/embedded');
  return startEmbeddedPostgres({ dataDir: path.resolve('bench-data'), port: 54339, database: 'quantrac_bench', log: (l) => console.log(`[pg] ${l}`) });
}

async function main() {
  const db = await benchDatabaseUrl();
  process.env.DATABASE_URL = db.url;
  const { applyMigrations } = await import('../lib/db/migrate');
  const { pool, disconnectDb } = await import('../lib/db/client');
  const { LOCAL_TZ_SQL } = await import('../lib/db/sql-time');
  const { createFacility, findFacilityByCode } = await import('../lib/db/facilities');
  const { createStation, listStations } = await import('../lib/db/stations');
  const { refreshStationStates } = await import('../lib/services/stations');
  await applyMigrations(db.url);
  const q = pool();
  await q.query(`CREATE TABLE IF NOT EXISTS bench_progress (day date PRIMARY KEY, rows bigint NOT NULL, done_at timestamptz NOT NULL DEFAULT now())`);

  const facility = (await findFacilityByCode('BENCH')) ?? (await createFacility({ code: 'BENCH', name: 'Benchmark facility' }));
  const now = new Date();
  const DAY = 86_400_000;
  const today = startOfLocalDay(now);
  const first = new Date(today.getTime() - (DAYS - 1) * DAY);
  const existing = new Set((await listStations({ facilityId: facility.id })).map((s) => s.code));
  for (let i = 0; i < STATIONS; i++) {
    const code = `BENCH_${String(i + 1).padStart(3, '0')}`;
    if (existing.has(code)) continue;
    // Spread over Bắc Giang (≈ 21.1–21.6 N, 105.9–106.9 E) on a jittered grid.
    await createStation({
      code,
      fileCode: `BENCH_${code}`,
      name: `Trạm benchmark ${i + 1}`,
      kind: 'wastewater',
      facilityId: facility.id,
      lat: 21.1 + ((i * 7919) % 500) / 1000,
      lon: 105.9 + ((i * 104729) % 1000) / 1000,
      activeFrom: first,
      parameters: PARAMETERS.map((p) => ({ parameter: p.code, unit: p.unit, limitMax: p.max })),
    });
  }
  console.log(`stations: ${STATIONS} × ${PARAMETERS.length} parameters, ${DAYS} days from ${first.toISOString()} (database ${db.url.replace(/:[^:@/]+@/, ':***@')})`);

  const benchIds = (await listStations({ facilityId: facility.id })).map((s) => s.id);
  /** avg_day of one local day from its stored hours (01:00 … 24:00): complete with ≥ 18 complete hours. */
  const dailyFromHours = async (day: string) => {
    await q.query(
      `INSERT INTO avg_day (station_id, parameter, day, value, valid_count, expected_count, complete, min, max)
       SELECT a.station_id, a.parameter, $1::date, avg(a.value) FILTER (WHERE a.complete), count(*) FILTER (WHERE a.complete)::int, 24,
              count(*) FILTER (WHERE a.complete) >= 18, min(a.min), max(a.max)
       FROM avg_hour a
       WHERE a.station_id = ANY($2::int[]) AND a.hour_end > ($1::date::timestamp AT TIME ZONE ${LOCAL_TZ_SQL})
         AND a.hour_end <= (($1::date + 1)::timestamp AT TIME ZONE ${LOCAL_TZ_SQL})
       GROUP BY a.station_id, a.parameter
       ON CONFLICT (station_id, parameter, day) DO UPDATE SET value = EXCLUDED.value, valid_count = EXCLUDED.valid_count,
         complete = EXCLUDED.complete, min = EXCLUDED.min, max = EXCLUDED.max`,
      [day, benchIds],
    );
  };

  const cases = PARAMETERS.map((p) => `WHEN '${p.code}' THEN ${p.base} + ${p.amp} * sin(extract(epoch FROM t) / 5400 + s.id) + ${p.amp / 3} * (random() - 0.5)`).join(' ');
  const started = Date.now();
  const overBudget = () => Date.now() - started > BUDGET_MIN * 60_000;
  let total = 0;
  // Newest day first: a run cut short by --budget-minutes still has the recent weeks the charts and the map read.
  for (let d = DAYS - 1; d >= 0; d--) {
    if (overBudget()) {
      console.log(`time budget of ${BUDGET_MIN} min used: raw days before ${new Date(first.getTime() + (d + 1) * DAY).toISOString()} skipped`);
      break;
    }
    const dayStart = new Date(first.getTime() + d * DAY);
    const dayEnd = new Date(Math.min(dayStart.getTime() + DAY, now.getTime()));
    const key = localDayKey(dayStart);
    const done = await q.query(`SELECT 1 FROM bench_progress WHERE day = $1`, [key]);
    if (done.rowCount && dayEnd.getTime() - dayStart.getTime() === DAY) continue;
    await q.query('SELECT ensure_reading_partition($1::timestamptz)', [dayStart]);
    await q.query('SELECT ensure_reading_partition($1::timestamptz)', [new Date(dayEnd.getTime() - 1)]);
    const t0 = Date.now();
    // ~0.5 % of slots missing, ~0.3 % calibrating, received 1 minute after the slot (a few late).
    const r = await q.query(
      `INSERT INTO reading (station_id, parameter, time, value, device_status, qc_flag, received_at)
       SELECT s.id, sp.parameter, t, round((CASE sp.parameter ${cases} ELSE 1 END)::numeric, 3)::float8,
              CASE WHEN (extract(epoch FROM t)::bigint / 300 + s.id) % 337 = 0 THEN '01' ELSE '00' END, 1,
              t + CASE WHEN (extract(epoch FROM t)::bigint / 300 + s.id) % 997 = 0 THEN interval '2 hours' ELSE interval '1 minute' END
       FROM station s
       JOIN station_parameter sp ON sp.station_id = s.id
       CROSS JOIN generate_series($1::timestamptz, $2::timestamptz - interval '1 millisecond', interval '5 minutes') AS t
       WHERE s.facility_id = $3 AND s.code <= $4 AND (extract(epoch FROM t)::bigint / 300 + s.id * 13) % 211 <> 0
       ON CONFLICT (station_id, parameter, time) DO NOTHING`,
      [dayStart, dayEnd, facility.id, `BENCH_${String(STATIONS).padStart(3, '0')}`],
    );
    total += r.rowCount ?? 0;
    // Averages as the recompute job stores them: hour (h−1, h] labelled by its end; valid = status 00, flag good/suspect.
    await q.query(
      `INSERT INTO avg_hour (station_id, parameter, hour_end, value, valid_count, expected_count, complete, min, max)
       SELECT station_id, parameter, h, avg(value) FILTER (WHERE ok), count(*) FILTER (WHERE ok)::int, 12,
              count(*) FILTER (WHERE ok) >= 9, min(value) FILTER (WHERE ok), max(value) FILTER (WHERE ok)
       FROM (SELECT r.station_id, r.parameter, date_trunc('hour', r.time - interval '1 millisecond') + interval '1 hour' AS h, r.value,
                    (r.device_status = '00' AND r.qc_flag IN (1, 3)) AS ok
             FROM reading r JOIN station s ON s.id = r.station_id
             WHERE s.facility_id = $3 AND r.time > $1 AND r.time <= $2) x
       GROUP BY station_id, parameter, h
       ON CONFLICT (station_id, parameter, hour_end) DO UPDATE SET value = EXCLUDED.value, valid_count = EXCLUDED.valid_count,
         complete = EXCLUDED.complete, min = EXCLUDED.min, max = EXCLUDED.max`,
      [dayStart, dayEnd, facility.id],
    );
    await dailyFromHours(key);
    if (dayEnd.getTime() - dayStart.getTime() === DAY) await q.query(`INSERT INTO bench_progress (day, rows) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [key, r.rowCount ?? 0]);
    const elapsed = (Date.now() - started) / 1000;
    console.log(`day ${DAYS - d}/${DAYS} ${key}: ${r.rowCount} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s (total ${total.toLocaleString('en')} new rows, ${elapsed.toFixed(0)} s)`);
  }
  // Before the raw window: hourly (and daily) averages only, so the one-year chart has a year to read.
  const hourCases = PARAMETERS.map((p) => `WHEN '${p.code}' THEN ${p.base} + ${p.amp} * sin(extract(epoch FROM h) / 5400 + s.id)`).join(' ');
  for (let d = 1; d <= AVG_DAYS - DAYS; d++) {
    if (overBudget()) {
      console.log(`time budget of ${BUDGET_MIN} min used: averages-only days from ${d} days before the raw window skipped`);
      break;
    }
    const dayStart = new Date(first.getTime() - d * DAY);
    const key = localDayKey(dayStart);
    const done = await q.query(`SELECT 1 FROM bench_progress WHERE day = $1`, [key]);
    if (done.rowCount) continue;
    const t0 = Date.now();
    const r = await q.query(
      `INSERT INTO avg_hour (station_id, parameter, hour_end, value, valid_count, expected_count, complete, min, max)
       SELECT s.id, sp.parameter, h, v, 12, 12, true, v - 0.05 * abs(v), v + 0.05 * abs(v)
       FROM station s JOIN station_parameter sp ON sp.station_id = s.id
       CROSS JOIN generate_series($1::timestamptz + interval '1 hour', $2::timestamptz, interval '1 hour') AS h
       CROSS JOIN LATERAL (SELECT round((CASE sp.parameter ${hourCases} ELSE 1 END)::numeric, 3)::float8 AS v) x
       WHERE s.facility_id = $3 AND s.code <= $4
       ON CONFLICT (station_id, parameter, hour_end) DO NOTHING`,
      [dayStart, new Date(dayStart.getTime() + DAY), facility.id, `BENCH_${String(STATIONS).padStart(3, '0')}`],
    );
    await dailyFromHours(key);
    await q.query(`INSERT INTO bench_progress (day, rows) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [key, r.rowCount ?? 0]);
    console.log(`averages only ${key}: ${r.rowCount} hourly rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }

  await q.query(
    `UPDATE station s SET last_file_at = m.t, last_data_at = m.t
     FROM (SELECT station_id, max(time) AS t FROM reading WHERE time > now() - interval '2 days' GROUP BY station_id) m
     WHERE m.station_id = s.id AND s.facility_id = $1`,
    [facility.id],
  );
  console.log('analysing and rolling up receipt per day…');
  await q.query('ANALYZE reading');
  // VACUUM sets the visibility map, so chart reads of avg_hour are index-only (autovacuum does it in production).
  await q.query('VACUUM (ANALYZE) avg_hour');
  await q.query('VACUUM (ANALYZE) avg_day');
  await refreshStationStates(new Date(), { fullReceipt: true });
  const count = await q.query<{ n: string }>(`SELECT count(*)::bigint AS n FROM reading r JOIN station s ON s.id = r.station_id WHERE s.facility_id = $1`, [facility.id]);
  console.log(`done: ${Number(count.rows[0]?.n ?? 0).toLocaleString('en')} readings for the benchmark facility`);
  await disconnectDb();
  await db.stop();
}

// Run only when invoked directly (bench-web imports benchDatabaseUrl from here).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
