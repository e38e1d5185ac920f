/**
 * `npm run bench:data [-- --stations 300 --days 90 --params 8]`: a large, realistic data set for bench:web.
 * 300 stations × 8 parameters × 90 days of 5-minute readings ≈ 62 M rows, generated server-side (INSERT … SELECT over
 * generate_series, one local day per statement, ON CONFLICT DO NOTHING) into BENCH_DATABASE_URL, or an embedded
 * PostgreSQL under ./bench-data when unset. Resumable: finished days are recorded in bench_progress and skipped.
 */
import 'dotenv/config';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    stations: { type: 'string', default: '300' },
    days: { type: 'string', default: '90' },
    params: { type: 'string', default: '8' },
  },
  strict: false,
});
const STATIONS = Math.max(1, Number(args.stations) || 300);
const DAYS = Math.max(1, Number(args.days) || 90);
const PARAMS = Math.min(8, Math.max(1, Number(args.params) || 8));
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
  const { createFacility, findFacilityByCode } = await import('../lib/db/facilities');
  const { createStation, listStations } = await import('../lib/db/stations');
  const { refreshStationStates } = await import('../lib/services/station-state');
  await applyMigrations(db.url);
  const q = pool();
  await q.query(`CREATE TABLE IF NOT EXISTS bench_progress (day date PRIMARY KEY, rows bigint NOT NULL, done_at timestamptz NOT NULL DEFAULT now())`);

  const facility = (await findFacilityByCode('BENCH')) ?? (await createFacility({ code: 'BENCH', name: 'Benchmark facility' }));
  const now = new Date();
  const DAY = 86_400_000;
  const OFFSET = 7 * 3_600_000;
  const today = new Date(Math.floor((now.getTime() + OFFSET) / DAY) * DAY - OFFSET);
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

  const cases = PARAMETERS.map((p) => `WHEN '${p.code}' THEN ${p.base} + ${p.amp} * sin(extract(epoch FROM t) / 5400 + s.id) + ${p.amp / 3} * (random() - 0.5)`).join(' ');
  const started = Date.now();
  let total = 0;
  for (let d = 0; d < DAYS; d++) {
    const dayStart = new Date(first.getTime() + d * DAY);
    const dayEnd = new Date(Math.min(dayStart.getTime() + DAY, now.getTime()));
    const key = new Date(dayStart.getTime() + OFFSET).toISOString().slice(0, 10);
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
    if (dayEnd.getTime() - dayStart.getTime() === DAY) await q.query(`INSERT INTO bench_progress (day, rows) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [key, r.rowCount ?? 0]);
    const elapsed = (Date.now() - started) / 1000;
    console.log(`day ${d + 1}/${DAYS} ${key}: ${r.rowCount} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s (total ${total.toLocaleString('en')} new rows, ${elapsed.toFixed(0)} s)`);
  }
  await q.query(
    `UPDATE station s SET last_file_at = m.t, last_data_at = m.t
     FROM (SELECT station_id, max(time) AS t FROM reading WHERE time > now() - interval '2 days' GROUP BY station_id) m
     WHERE m.station_id = s.id AND s.facility_id = $1`,
    [facility.id],
  );
  console.log('analysing and rolling up receipt per day…');
  await q.query('ANALYZE reading');
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
