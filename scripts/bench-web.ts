/**
 * `npm run bench:web`: p50/p95 on the data set of bench:data (BENCH_DATABASE_URL or ./bench-data).
 * - GET /api/v1/stations over HTTP (target p95 ≤ 100 ms), against BENCH_WEB_URL or a `next start` of the existing
 *   build (NEXT_DIST_DIR, default .next) that this script starts on BENCH_PORT (default 3461) and stops;
 * - the data behind a station's 30-day chart (8 parameters; raw downsampled and 1 h; ≤ 300 ms), one year at 1 h
 *   (≤ 300 ms) and the connectivity page (≤ 500 ms), measured in-process with the same lib calls the pages make;
 * - the time until every station shows on /map (markers plus cluster counts) in headless Chromium.
 */
import 'dotenv/config';
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { benchDatabaseUrl } from './bench-data';

const ITER = Number(process.env.BENCH_ITERATIONS ?? 20);

function pct(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
}

async function measure(label: string, target: number | null, fn: () => Promise<unknown>): Promise<void> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < ITER; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  const p95 = pct(samples, 95);
  const verdict = target === null ? '' : p95 <= target ? `  OK (≤ ${target} ms)` : `  OVER (target ≤ ${target} ms)`;
  console.log(`${label.padEnd(58)} p50 ${pct(samples, 50).toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms${verdict}`);
}

async function waitFor(url: string, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return true;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

async function main() {
  const db = await benchDatabaseUrl();
  process.env.DATABASE_URL = db.url;
  const { disconnectDb } = await import('../lib/db/client');
  const { listStations, findStationByCode } = await import('../lib/db/stations');
  const { listReceiptDays, listSlotReceipts } = await import('../lib/db/monitoring');
  const { listOutages, outageStats } = await import('../lib/db/outages');
  const { MAX_CHART_POINTS } = await import('../lib/domain/downsample');
  const { clearLatestCache, computeLiveState, computeLiveStates, limitsForStation, listStationsService, readStationCharts } = await import('../lib/services/stations');
  const { localDayKey, startOfLocalDay } = await import('../lib/domain/time');
  const { createToken } = await import('../lib/services/accounts');
  const { createUser, findUserByEmail } = await import('../lib/db/users');
  const { hashPassword } = await import('../lib/services/accounts');

  const stations = await listStations();
  const station = await findStationByCode('BENCH_001');
  if (!station) throw new Error('run `npm run bench:data` first');
  const params = station.parameters.map((p) => p.parameter);
  const now = new Date();
  const DAY = 86_400_000;
  const load = () => os.loadavg().map((x) => x.toFixed(2)).join(', ');
  console.log(`data set: ${stations.length} stations; chart station ${station.code} with ${params.length} parameters; ${ITER} iterations each`);
  console.log(`machine: ${os.cpus().length} cores, load average ${load()} (1, 5, 15 min)`);

  /** What the station page (server/queries/stations.ts getStationDetail) reads for one window. */
  const stationPageData = async (days: number, res: 'raw' | '1h' | '24h') => {
    const from = new Date(now.getTime() - days * DAY);
    const [, limits] = await Promise.all([computeLiveState(station, now), limitsForStation(station, now)]);
    const charts = await readStationCharts(station, { from, to: now, res }, limits, now);
    const points = Math.max(0, ...charts.series.map((x) => x.points.length));
    if (points > MAX_CHART_POINTS) throw new Error(`${points} points in one series`);
    return points;
  };
  for (const [days, res] of [
    [30, 'raw'],
    [30, '1h'],
    [365, '1h'],
  ] as const) {
    const n = await stationPageData(days, res);
    await measure(`station chart data ${days} d ${res} × ${params.length} (≤ ${n} points/series)`, 300, () => stationPageData(days, res));
  }
  await measure('connectivity page data (all stations + 7-day slot calendar)', 500, async () => {
    const rows = await listStations();
    const ids = rows.map((s) => s.id);
    await Promise.all([
      computeLiveStates(rows, now),
      listReceiptDays(ids, localDayKey(startOfLocalDay(now, -29)), localDayKey(now)),
      outageStats(ids, new Date(now.getTime() - 30 * DAY), now),
    ]);
    // The page then draws the worst station's expected-file calendar (server/queries/connectivity.ts getSlotCalendar).
    await Promise.all([listSlotReceipts(station.id, startOfLocalDay(now, -6), startOfLocalDay(now, 1)), listOutages(station.id, new Date(now.getTime() - 30 * DAY), 100)]);
  });
  await measure('stations API work in-process (list + full state, no HTTP)', 100, async () => {
    await listStationsService({ facilityId: null }, {}, now);
  });
  // The same with every station's newest readings re-read (as right after a start, or if every station had just sent).
  await measure('  … with no newest readings kept (all 2,400 probed)', null, async () => {
    clearLatestCache();
    await listStationsService({ facilityId: null }, {}, now);
  });

  // HTTP: the real route handler through a production server.
  let server: ChildProcess | null = null;
  let base = process.env.BENCH_WEB_URL;
  if (!base) {
    const port = Number(process.env.BENCH_PORT ?? 3461);
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
      env: { ...process.env, DATABASE_URL: db.url, NEXTAUTH_URL: base, NEXTAUTH_SECRET: 'bench-secret', DEMO: '0' },
      stdio: 'ignore',
      detached: true,
    });
  }
  try {
    if (!(await waitFor(`${base}/login`, Number(process.env.BENCH_WAIT_MS ?? 90_000)))) {
      console.log(`no web server at ${base} (build first: npx next build): HTTP and map figures skipped`);
      return;
    }
    const token = (await createToken({ name: `bench ${Date.now()}`, role: 'operator' })).token;
    await measure(`GET /api/v1/stations?limit=500 (${stations.length} stations)`, 100, async () => {
      const r = await fetch(`${base}/api/v1/stations?limit=500`, { headers: { authorization: `Bearer ${token}` } });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      await r.json();
    });

    const email = 'bench.operator@quantrac.test';
    if (!(await findUserByEmail(email))) {
      await createUser({ email, name: 'Bench operator', passwordHash: await hashPassword('bench-password'), role: 'operator', facilityId: null });
    }
    const { chromium } = await import('@playwright/test');
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`${base}/login`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel(/Mật khẩu|Password/).fill('bench-password');
      await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
      await page.waitForURL(/\/map$/);
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        await page.goto(`${base}/map`);
        await page.waitForFunction(
          (n) => {
            const markers = document.querySelectorAll('.station-marker').length;
            const clustered = [...document.querySelectorAll('.marker-cluster [data-count]')].reduce((a, e) => a + Number(e.getAttribute('data-count')), 0);
            return markers + clustered >= n;
          },
          stations.length,
          { timeout: 60_000 },
        );
        times.push(performance.now() - t0);
      }
      const shown = await page.locator('.station-marker').count();
      console.log(`machine load average after the runs: ${load()}`);
      console.log(`${`/map: all ${stations.length} stations shown (navigation → markers)`.padEnd(58)} p50 ${pct(times, 50).toFixed(0).padStart(7)} ms   max ${Math.max(...times).toFixed(0)} ms (${shown} as markers, rest in clusters)`);
    } finally {
      await browser.close();
    }
  } finally {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
    await disconnectDb();
    await db.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
