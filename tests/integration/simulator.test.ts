import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  generateReadings,
  localTime,
  planDay,
  releasedLateSlots,
  slotRng,
  slotTimes,
  startOfDayIndex,
  type SimStation,
} from '@/lib/demo/simulation';
import { formatCompactLocalTime } from '@/lib/domain/time';
import { DEMO_PROVINCE_CODE, listDemoStations, toSimStation } from '@/lib/demo/network';
import { createTestDatabase } from '../support/test-db';
import { waitFor as waitUntil } from '../support/wait';
import { freePort } from '../../scripts/net';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';

/**
 * End to end, in child processes as the launcher runs them: a fresh database with the demo network (no history), the
 * worker (worker/main.ts) on a free port, then the simulator replaying a window over real FTP.
 */
// The run's server: the fresh database for this test is created beside the shared one.
process.env.DATABASE_URL = inject('databaseUrl');

const root = path.resolve(import.meta.dirname, '../..');
let db: { url: string; dispose: () => Promise<void> };
let client: pg.Client;
let dataDir: string;
let port: number;
let worker: WorkerProcess;

/** What the worker needs; the seed and simulator scripts get it on top of this process's environment. */
function workerEnv(): Record<string, string> {
  return {
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    FTP_PORT: String(port),
    FTP_PASV_MIN: '31200',
    FTP_PASV_MAX: '31299',
  };
}

function childEnv(): NodeJS.ProcessEnv {
  return { ...process.env, ...workerEnv(), DEMO: '0', FTP_HOST: '127.0.0.1' };
}

function runNode(args: string[], timeoutMs = 90_000): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: root,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      c.kill('SIGKILL');
      reject(new Error(`timed out: ${args.join(' ')}\n${out}`));
    }, timeoutMs);
    c.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

const waitFor = <T>(probe: () => Promise<T | null | false>) =>
  waitUntil(probe, { timeoutMs: 30_000, everyMs: 200, context: () => `worker output:\n${worker.output()}` });

const demo = (code: string): SimStation => {
  const s = listDemoStations().find((x) => x.code === code);
  if (!s) throw new Error(code);
  return toSimStation(s);
};

/** File names the simulator must deliver for a station over [from, to): current files plus released late ones. */
function expectedNames(sim: SimStation, from: Date, to: Date): string[] {
  const names: string[] = [];
  const name = (t: Date) => {
    return `${DEMO_PROVINCE_CODE}_${sim.fileCode}_${formatCompactLocalTime(t)}.txt`;
  };
  for (const t of slotTimes(from, to)) {
    const d = generateReadings(sim, t, slotRng(sim, t));
    if (!d.gap && !d.linkDown) names.push(name(t));
    for (const late of releasedLateSlots(sim, t)) names.push(name(late));
  }
  return names.sort();
}

beforeAll(async () => {
  db = await createTestDatabase('sim');
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'qt-sim-'));
  port = await freePort();
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const seed = await runNode([
    '--input-type=module',
    '-e',
    "import { seedDemo } from './lib/demo/seed.ts'; import { disconnectDb } from './lib/db/client.ts'; const r = await seedDemo({ now: new Date(), historyDays: 0 }); console.log(JSON.stringify({ stations: r.stations })); await disconnectDb();",
  ]);
  expect(seed.code, seed.out).toBe(0);
  worker = await spawnWorker(workerEnv());
  await worker.waitForLine(new RegExp(`FTP receiver listening on ftp://127\\.0\\.0\\.1:${port}`), 60_000);
}, 180_000);

afterAll(async () => {
  await worker?.kill9();
  await client?.end();
  await db?.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

describe('simulator → FTP → worker', () => {
  it('replays a window for chosen stations; every file arrives in the ledger through FTP with its account', async () => {
    const from = new Date('2026-11-20T00:00:00Z');
    const to = new Date('2026-11-20T01:00:00Z');
    const stations = ['NT_DINHTRAM_01', 'KK_STNMT_01', 'KT_SONDONG_01'];
    const r = await runNode([
      'scripts/simulate.ts',
      '--stations',
      stations.join(','),
      '--from',
      from.toISOString(),
      '--to',
      to.toISOString(),
      '--ftp-host',
      '127.0.0.1',
      '--ftp-port',
      String(port),
    ]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/\[simulate\] 2026-11-20 07:00 \+07: \d+ files sent/);

    const expected = stations.flatMap((c) => expectedNames(demo(c), from, to)).sort();
    expect(expected.length).toBeGreaterThan(30);
    const rows = await waitFor(async () => {
      const q = await client.query<{ name: string; source: string; account: string; outcome: string }>(
        `SELECT name, source, account, outcome FROM ingest_file WHERE name LIKE 'BG_%_20261120%' ORDER BY name`,
      );
      return q.rows.length >= expected.length ? q.rows : null;
    });
    expect(rows.map((x) => x.name)).toEqual(expected);
    for (const row of rows) {
      expect(row.source).toBe('ftp');
      expect(row.account).toBe(row.name.split('_')[1]!.toLowerCase());
      expect(['accepted', 'partial']).toContain(row.outcome);
    }
    const readings = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM reading r JOIN station s ON s.id = r.station_id WHERE s.code = ANY($1) AND r.time >= $2 AND r.time < $3`,
      [stations, from, to],
    );
    expect(Number(readings.rows[0]!.n)).toBeGreaterThan(expected.length * 5);
  });

  it('link outage: files are held, then re-sent late in one burst when the link returns', async () => {
    const sim = demo('NT_HOAPHU_01');
    let day = localTime(new Date('2026-10-01T00:00:00Z')).dayIndex;
    while (!planDay(sim, day).linkDown) day++;
    const ld = planDay(sim, day).linkDown!;
    const midnight = startOfDayIndex(day).getTime();
    const release = new Date(midnight + ld.end * 60_000);
    const from = new Date(release.getTime() - 20 * 60_000);
    const to = new Date(release.getTime() + 10 * 60_000);
    const r = await runNode([
      'scripts/simulate.ts',
      '--stations',
      'NT_HOAPHU_01',
      '--from',
      from.toISOString(),
      '--to',
      to.toISOString(),
      '--ftp-port',
      String(port),
    ]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/held \(link down\)/);
    expect(r.out).toMatch(/\d+ late/);
    const expected = expectedNames(sim, from, to);
    const lateCount = releasedLateSlots(sim, release).length;
    expect(lateCount).toBeGreaterThanOrEqual(4);
    const rows = await waitFor(async () => {
      const q = await client.query<{ name: string; received_at: Date }>(
        `SELECT name, received_at FROM ingest_file WHERE name = ANY($1) ORDER BY received_at, id`,
        [expected],
      );
      return q.rows.length >= expected.length ? q.rows : null;
    });
    expect(rows.map((x) => x.name).sort()).toEqual(expected);
    // The late burst includes slots from before the replay window (windows last ≥ 30 min): the logger kept them.
    const fromStamp = formatCompactLocalTime(from);
    expect(rows.filter((x) => x.name.slice(-18, -4) < fromStamp).length).toBeGreaterThanOrEqual(1);
  });

  it('the worker writes its heartbeat and stops cleanly on SIGTERM', async () => {
    const hb = await client.query<{ at: Date; info: { ftpListening: boolean; ftpPort: number } }>(
      `SELECT at, info FROM worker_heartbeat WHERE name = 'worker'`,
    );
    expect(hb.rows[0]?.info).toEqual({ ftpListening: true, ftpPort: port });
    expect(Date.now() - hb.rows[0]!.at.getTime()).toBeLessThan(30_000);
    expect(await worker.stop()).toBe(0);
    const after = await client.query<{ info: { ftpListening: boolean } }>(
      `SELECT info FROM worker_heartbeat WHERE name = 'worker'`,
    );
    expect(after.rows[0]?.info.ftpListening).toBe(false);
    expect(worker.output()).not.toMatch(/unhandled|Error:/);
  });
});
