/**
 * Ingest benchmark (issue 3 item 10).
 *
 *   npm run bench:ingest -- [--seconds 60] [--stations 64] [--bulk-rows 200000] [--no-baseline] [--jobs] [--keep]
 *                           [--cpu-profile file.cpuprofile] [--inproc-clients]
 *
 * --cpu-profile profiles the main thread only (the FTP receiver); ingest is included unless INGEST_THREAD=1.
 *
 * On a fresh database (a new one on DATABASE_URL's server, else an embedded PostgreSQL in a temp folder) with N
 * stations of 8 parameters each, it measures:
 *  (a) a bare ftp-srv that only stores files (Nagle off, as in the product), N concurrent sessions: files/s baseline;
 *  (b) the product's worker over FTP, one session per station, for --seconds: files/s and readings/s acknowledged and
 *      ingested, p50/p95 from the upload's 226 to its readings being queryable (a sample of files, DB polled every
 *      50 ms), and the ratio to (a);
 *  (c) the bulk path (insertReadings) vs a raw server-side `COPY` of the same rows into the same table (3 alternating
 *      rounds, medians).
 * The clients run in a child process (as remote loggers would; --inproc-clients runs them in the benchmark's process,
 * as before), the servers of (a) and (b) in the benchmark's process: (a) and (b) print that process's CPU time per file
 * (server only; clients included with --inproc-clients), its main thread's share (the FTP receiver; the rest is the
 * ingest thread, GC and I/O threads) and the clients' CPU per file: figures that depend far less on what else the
 * machine is doing than files/s.
 */
import 'dotenv/config';
import { fork, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Client } from 'basic-ftp';
import { FtpSrv } from 'ftp-srv';
import pg from 'pg';
import { formatCompactLocalTime, fromLocalParts } from '../lib/domain/time';
import { freePort } from './net';

// As the launcher gives the worker (scripts/launch.ts): spool and raw-store fsyncs run on libuv's pool (4 by default).
// libuv reads it once, when the pool first starts, which tsx's loader has done by now: set, the benchmark runs itself
// again (see the end of this file).
const rerunWithPool = process.env.UV_THREADPOOL_SIZE === undefined;

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    stations: { type: 'string', default: '64' },
    'bulk-rows': { type: 'string', default: '200000' },
    'no-baseline': { type: 'boolean', default: false },
    jobs: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'cpu-profile': { type: 'string' },
    'inproc-clients': { type: 'boolean', default: false },
    /** Internal: this process is the clients' child process. */
    'client-role': { type: 'boolean', default: false },
  },
});
const SECONDS = Number(args.seconds);
const STATIONS = Number(args.stations);
const BULK_ROWS = Number(args['bulk-rows']);
const PARAMS = ['FLOW', 'TEMP', 'PH', 'COD', 'TSS', 'NH4', 'TN', 'TP'] as const;
const UNITS: Record<(typeof PARAMS)[number], string> = {
  FLOW: 'm3/h',
  TEMP: 'oC',
  PH: 'pH',
  COD: 'mg/L',
  TSS: 'mg/L',
  NH4: 'mg/L',
  TN: 'mg/L',
  TP: 'mg/L',
};
const PASSWORD = 'bench-pass-1';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

const START = fromLocalParts({ year: 2025, month: 1, day: 1 }).getTime();

type Sim = { fileCode: string; user: string; stationId: number; slot: number };

function fileFor(s: Sim): { name: string; day: string; bytes: Buffer; time: number } {
  const t = START + s.slot * 300_000;
  s.slot += 1;
  const stamp = formatCompactLocalTime(new Date(t));
  const lines = PARAMS.map(
    (p, k) => `${p}\t${(10 + ((s.slot * 7 + k * 13) % 90) / 3).toFixed(2)}\t${UNITS[p]}\t${stamp}\t00`,
  );
  return {
    name: `BG_${s.fileCode}_${stamp}.txt`,
    day: stamp.slice(0, 8),
    bytes: Buffer.from(lines.join('\r\n') + '\r\n'),
    time: t,
  };
}

type Run = {
  acked: number;
  errors: number;
  errorTexts: Set<string>;
  latencies: number[];
  elapsedMs: number;
  loginMs: number;
  /** CPU of the process running the clients, over the timed run. */
  cpuMs: number;
  /** Clients in a child process: the server process's CPU and its main thread's, over the timed run. */
  serverCpuMs?: number;
  serverMainCpuMs?: number;
};

/** CPU time (ms) of the calling thread (Linux /proc/thread-self/stat, 100 ticks/s); NaN where unavailable. */
function threadCpuMs(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return NaN;
  }
}

/** CPU time (ms) of each thread of this process, by thread id (Linux); empty elsewhere. */
function tasksCpuMs(): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(tid, (Number(f[11]) + Number(f[12])) * 10);
      } catch {
        /* thread ended */
      }
    }
  } catch {
    /* not Linux */
  }
  return out;
}

/** The busiest thread other than the main one over a run (the worker's ingest thread), in ms of CPU. */
function busiestOtherThreadMs(before: Map<string, number>, after: Map<string, number>): number {
  let best = NaN;
  for (const [tid, ms] of after) {
    if (tid === String(process.pid)) continue;
    const d = ms - (before.get(tid) ?? 0);
    if (!(d <= best)) best = d;
  }
  return best;
}

type ToClients = { type: 'run'; port: number; sims: Sim[]; seconds: number; sample: boolean } | { type: 'go' };
type FromClients =
  | { type: 'ready' }
  | { type: 'stored'; i: number; slot: number; name: string; time: number; at: number }
  | { type: 'done'; run: Omit<Run, 'errorTexts'> & { errorTexts: string[] } };

/** The clients' child process: runs drive() on the parent's request, reporting sampled acknowledgements. */
async function clientMain(): Promise<void> {
  // basic-ftp reads an Error's stack per command; with tsx's source maps that is a large, client-only cost.
  process.setSourceMapsEnabled(false);
  const send = (m: FromClients) => process.send!(m);
  const go = new Promise<void>((resolve) =>
    process.on('message', (m: ToClients) => {
      if (m.type === 'go') resolve();
    }),
  );
  const req = await new Promise<Extract<ToClients, { type: 'run' }>>((resolve) =>
    process.once('message', (m: ToClients) => {
      if (m.type === 'run') resolve(m);
    }),
  );
  const index = new Map(req.sims.map((s, i) => [s, i]));
  const run = await drive(
    req.port,
    req.sims,
    req.seconds,
    // The latency sample (every 10th file of a session, as in main()) only: a message per file would load the server.
    req.sample
      ? (s, f, at) => {
          if (s.slot % 10 === 0)
            send({ type: 'stored', i: index.get(s)!, slot: s.slot, name: f.name, time: f.time, at });
        }
      : undefined,
    async () => {
      send({ type: 'ready' });
      await go;
    },
  );
  send({ type: 'done', run: { ...run, errorTexts: [...run.errorTexts] } });
  process.disconnect();
}

/**
 * Runs one FTP session per simulated station against `port` for `seconds`; `onStored` hears of each acknowledged file,
 * `onClockStart` runs once the sessions are logged in, before the clock starts.
 */
type Drive = (
  port: number,
  sims: Sim[],
  seconds: number,
  onStored?: (s: Sim, f: { name: string; time: number }, at: number) => void,
  onClockStart?: () => Promise<void>,
) => Promise<Run>;

/** drive() in a child process; the parent's process CPU (and its main thread's) is measured over the same window. */
const driveRemote: Drive = async (port, sims, seconds, onStored, onClockStart) => {
  const child = fork(fileURLToPath(import.meta.url), ['--client-role'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const tLogin = Date.now();
  let cpu0 = process.cpuUsage();
  let main0 = threadCpuMs();
  const done = new Promise<Run>((resolve, reject) => {
    child.on('message', (m: FromClients) => {
      if (m.type === 'ready') {
        void (async () => {
          await onClockStart?.();
          cpu0 = process.cpuUsage();
          main0 = threadCpuMs();
          child.send({ type: 'go' } satisfies ToClients);
        })();
      } else if (m.type === 'stored') {
        const s = sims[m.i]!;
        s.slot = m.slot;
        onStored?.(s, { name: m.name, time: m.time }, m.at);
      } else {
        const cpu = process.cpuUsage(cpu0);
        resolve({
          ...m.run,
          errorTexts: new Set(m.run.errorTexts),
          serverCpuMs: (cpu.user + cpu.system) / 1000,
          serverMainCpuMs: threadCpuMs() - main0,
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`bench clients exited (code ${code})`)));
  });
  child.send({ type: 'run', port, sims, seconds, sample: onStored !== undefined } satisfies ToClients);
  const run = await done;
  if (run.loginMs === 0) run.loginMs = Date.now() - tLogin;
  return run;
};

/** One session per simulated station, each sending its next 5-minute file as soon as the previous one is stored. */
const drive: Drive = async (port, sims, seconds, onStored, onClockStart) => {
  // Sessions log in before the clock starts (bcrypt per account is a start-up cost, cached afterwards).
  const tLogin = Date.now();
  const clients = await Promise.all(
    sims.map(async (s) => {
      const c = new Client(30_000);
      await c.access({ host: '127.0.0.1', port, user: s.user, password: PASSWORD });
      return c;
    }),
  );
  const loginMs = Date.now() - tLogin;
  await onClockStart?.();
  const end = Date.now() + seconds * 1000;
  const run: Run = { acked: 0, errors: 0, errorTexts: new Set(), latencies: [], elapsedMs: 0, loginMs, cpuMs: 0 };
  const t0 = Date.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    sims.map(async (s, i) => {
      let c: Client | null = clients[i]!;
      let day = '';
      while (Date.now() < end) {
        const f = fileFor(s);
        try {
          if (!c) {
            c = new Client(30_000);
            day = '';
            await c.access({ host: '127.0.0.1', port, user: s.user, password: PASSWORD });
          }
          if (day !== f.day) {
            await c.ensureDir(`/${s.fileCode}/${f.day}`);
            day = f.day;
          }
          await c.uploadFrom(Readable.from(f.bytes), f.name);
          run.acked += 1;
          onStored?.(s, f, Date.now());
        } catch (e) {
          run.errors += 1;
          if (run.errorTexts.size < 5) run.errorTexts.add(e instanceof Error ? e.message : String(e));
          s.slot -= 1; // send it again
          c?.close();
          c = null;
          await sleep(100);
        }
      }
      c?.close();
    }),
  );
  run.elapsedMs = Date.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  run.cpuMs = (cpu.user + cpu.system) / 1000;
  return run;
};

async function bareBaseline(sims: Sim[], seconds: number): Promise<Run> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qt-bench-bare-'));
  const port = await freePort();
  const signals = ['SIGTERM', 'SIGINT', 'SIGQUIT'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const noop = () => undefined;
  const logger = { child: () => logger, trace: noop, debug: noop, info: noop, warn: noop, error: noop, fatal: noop };
  const srv = new FtpSrv({
    url: `ftp://127.0.0.1:${port}`,
    pasv_url: '127.0.0.1',
    // Above Linux's ephemeral range (32768–60999): the local clients' own ports would otherwise collide with passive
    // ports (ftp-srv gives up after 5 busy ports: "400 Unable to find valid port"); remote loggers do not do that.
    pasv_min: 61000,
    pasv_max: 61999,
    anonymous: false,
    log: logger as never,
  });
  for (const s of signals)
    for (const l of process.listeners(s)) if (!before.get(s)?.has(l)) process.removeListener(s, l);
  srv.on('login', ({ connection }, resolve) => {
    (connection as unknown as { commandSocket?: net.Socket }).commandSocket?.setNoDelay(true);
    resolve({ root: dir });
  });
  await srv.listen();
  const copy = sims.map((s) => ({ ...s }));
  try {
    return await (args['inproc-clients'] ? drive(port, copy, seconds) : driveRemote(port, copy, seconds));
  } finally {
    await srv.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

/** CPU per file: the server process (and its main thread), and the clients when they ran in their own process. */
function cpuLine(processMs: number, mainMs: number, run: Run, files: number): string {
  const remote = run.serverCpuMs !== undefined;
  const main = Number.isFinite(mainMs)
    ? ` (main thread ${fmt(mainMs / files, 2)}, other threads ${fmt((processMs - mainMs) / files, 2)})`
    : '';
  return remote
    ? `server process CPU ${fmt(processMs / files, 2)} ms/file${main}, clients (own process) ${fmt(run.cpuMs / run.acked, 2)} ms/file`
    : `process CPU ${fmt(processMs / files, 2)} ms/file, clients included${main}`;
}

async function main(): Promise<void> {
  // ── database ──
  const { startEmbeddedPostgres } = await import('../lib/db/embedded');
  const { applyMigrations } = await import('../lib/db/migrate');
  const work = await mkdtemp(path.join(os.tmpdir(), 'qt-bench-'));
  let serverUrl = process.env.DATABASE_URL;
  let stopServer: () => Promise<void> = async () => undefined;
  if (!serverUrl) {
    const db = await startEmbeddedPostgres({
      dataDir: path.join(work, 'pg'),
      port: await freePort(),
      database: 'postgres',
    });
    serverUrl = db.url;
    stopServer = db.stop;
  }
  const dbName = `qt_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${dbName}`;
  const url = u.toString();
  await applyMigrations(url);
  Object.assign(process.env, {
    DATABASE_URL: url,
    DATA_DIR: path.join(work, 'data'),
    DEMO: '0',
    FTP_HOST: '127.0.0.1',
    FTP_PASV_MIN: '62000', // above the ephemeral range, as for (a)
    FTP_PASV_MAX: '62999',
    LOG_LEVEL: 'info',
  });
  const { resetEnv, loadEnv } = await import('../lib/env');
  resetEnv();
  const { pool, disconnectDb } = await import('../lib/db/client');
  const { createFacility } = await import('../lib/db/facilities');
  const { createStation } = await import('../lib/db/stations');
  const { createFtpAccount } = await import('../lib/db/ftp-accounts');
  const { hashPassword } = await import('../lib/services/accounts');
  const { insertReadings, ensurePartitions } = await import('../lib/db/readings');
  const { startWorker } = await import('../worker/worker');

  const cpu = os.cpus();
  console.log(
    `bench:ingest: ${STATIONS} stations × ${PARAMS.length} parameters, ${SECONDS} s, ${cpu.length} × ${cpu[0]?.model ?? '?'}, load ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `clients: ${args['inproc-clients'] ? "in the benchmark's process" : 'a child process'}; worker ingest thread: ${process.env.INGEST_THREAD ?? '(default: off)'}`,
  );
  console.log(`database: ${serverUrl.replace(/\/\/[^@]*@/, '//')} → new database ${dbName}`);

  const hash = await hashPassword(PASSWORD);
  const sims: Sim[] = [];
  for (let i = 0; i < STATIONS; i++) {
    const code = `BENCH${String(i).padStart(3, '0')}`;
    const f = await createFacility({ code, name: `Bench ${i}` });
    const st = await createStation({
      code: `${code}_NT01`,
      fileCode: `${code}_NT01`,
      name: `Bench ${i}`,
      kind: 'wastewater',
      facilityId: f.id,
      lat: 21,
      lon: 106,
      activeFrom: new Date(START),
      parameters: PARAMS.map((p) => ({
        parameter: p,
        unit: p === 'PH' ? '-' : p === 'TEMP' ? '°C' : p === 'FLOW' ? 'm³/h' : 'mg/L',
      })),
    });
    const user = `bench${i}`;
    await createFtpAccount({ username: user, passwordHash: hash, facilityId: f.id });
    sims.push({ fileCode: `${code}_NT01`, user, stationId: st.id, slot: 0 });
  }
  // Partitions for the simulated period (a worker in service has them already).
  await ensurePartitions(Array.from({ length: 24 }, (_, m) => new Date(Date.UTC(2025, m, 2))));

  // ── (a) bare ftp-srv ──
  let bare: Run | null = null;
  if (!args['no-baseline']) {
    bare = await bareBaseline(sims, SECONDS);
    console.log(
      `(a) bare ftp-srv (stores only): ${fmt(bare.acked)} files in ${fmt(bare.elapsedMs / 1000, 1)} s = ${fmt(bare.acked / (bare.elapsedMs / 1000))} files/s, ${cpuLine(bare.serverCpuMs ?? bare.cpuMs, bare.serverMainCpuMs ?? NaN, bare, Math.max(1, bare.acked))} (${bare.errors} errors; ${STATIONS} logins took ${fmt(bare.loginMs)} ms before the clock)`,
    );
  }

  // ── (b) product worker ──
  const cfg = loadEnv(process.env);
  const logs: string[] = [];
  const worker = await startWorker({
    env: cfg,
    ftpPort: 0,
    jobs: args.jobs,
    log: (l) => logs.push(l),
    heartbeatMs: 10_000,
  });
  // Latency sample: every 10th file of each session.
  const pending = new Map<string, { stationId: number; time: Date; storedAt: number }>();
  const latencies: number[] = [];
  let sampled = 0;
  let polling = true;
  const poller = (async () => {
    while (polling || pending.size > 0) {
      if (pending.size > 0) {
        const items = [...pending.entries()];
        const r = await pool().query<{ k: string }>(
          `SELECT x.k FROM unnest($1::text[], $2::int[], $3::timestamptz[]) AS x(k, s, t)
           WHERE EXISTS (SELECT 1 FROM reading r WHERE r.station_id = x.s AND r.parameter = 'COD' AND r.time = x.t)`,
          [items.map(([k]) => k), items.map(([, v]) => v.stationId), items.map(([, v]) => v.time)],
        );
        const now = Date.now();
        for (const { k } of r.rows) {
          const v = pending.get(k);
          if (v) latencies.push(now - v.storedAt);
          pending.delete(k);
        }
        if (!polling && Date.now() - Math.min(...[...pending.values()].map((v) => v.storedAt), Date.now()) > 120_000)
          break;
      }
      await sleep(50);
    }
  })();
  let profiler: import('node:inspector/promises').Session | null = null;
  let cpuBefore = process.cpuUsage();
  let mainBefore = threadCpuMs();
  let tasksBefore = tasksCpuMs();
  const clockStart = async () => {
    if (args['cpu-profile']) {
      const { Session } = await import('node:inspector/promises');
      profiler = new Session();
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    cpuBefore = process.cpuUsage();
    mainBefore = threadCpuMs();
    tasksBefore = tasksCpuMs();
  };
  const product = await (args['inproc-clients'] ? drive : driveRemote)(
    worker.ftpPort,
    sims,
    SECONDS,
    (s, f, at) => {
      if (s.slot % 10 === 0) {
        sampled += 1;
        pending.set(`${s.stationId}:${f.time}`, { stationId: s.stationId, time: new Date(f.time), storedAt: at });
      }
    },
    clockStart,
  );
  const uploadEnd = Date.now();
  // Ingest catches up: wait for the ledger to hold every acknowledged file.
  let ledger = 0;
  for (;;) {
    ledger = (await pool().query<{ n: number }>('SELECT count(*)::int AS n FROM ingest_file')).rows[0]!.n;
    if (ledger >= product.acked || Date.now() - uploadEnd > 300_000) break;
    await sleep(100);
  }
  const ingestEnd = Date.now();
  const cpuAll = process.cpuUsage(cpuBefore);
  const mainAll = threadCpuMs() - mainBefore;
  const ingestThreadMs = busiestOtherThreadMs(tasksBefore, tasksCpuMs());
  const session = profiler as import('node:inspector/promises').Session | null;
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(args['cpu-profile']!, JSON.stringify(profile));
    session.disconnect();
  }
  polling = false;
  await poller;
  const outcomes = await pool().query<{ outcome: string; n: number }>(
    'SELECT outcome::text AS outcome, count(*)::int AS n FROM ingest_file GROUP BY 1 ORDER BY 1',
  );
  const readings = (await pool().query<{ n: number }>('SELECT count(*)::int AS n FROM reading')).rows[0]!.n;
  await worker.stop();
  const secs = product.elapsedMs / 1000;
  const ingestSecs = (ingestEnd - (uploadEnd - product.elapsedMs)) / 1000;
  console.log(
    `(b) product worker over FTP, ${STATIONS} sessions: ${fmt(product.acked)} files acknowledged in ${fmt(secs, 1)} s = ${fmt(product.acked / secs)} files/s, ${fmt((product.acked * PARAMS.length) / secs)} readings/s; CPU to ingested: ${cpuLine((cpuAll.user + cpuAll.system) / 1000, mainAll, product, Math.max(1, ledger))} (${product.errors} client errors${product.errorTexts.size ? `: ${[...product.errorTexts].join(' | ')}` : ''}; ${STATIONS} logins with bcrypt took ${fmt(product.loginMs)} ms before the clock)`,
  );
  console.log(
    `    busiest thread besides the main one (the ingest thread with INGEST_THREAD=1): ${fmt(ingestThreadMs / Math.max(1, ledger), 2)} ms/file`,
  );
  console.log(
    `    ingested (ledger): ${fmt(ledger)} files, ${fmt(readings)} readings; all recorded ${fmt((ingestEnd - uploadEnd) / 1000, 1)} s after the last upload = ${fmt(ledger / ingestSecs)} files/s, ${fmt(readings / ingestSecs)} readings/s end to end; outcomes ${outcomes.rows.map((r) => `${r.outcome} ${r.n}`).join(', ')}`,
  );
  console.log(
    `    226 → readings queryable (sample ${latencies.length}/${sampled} files, 50 ms polling): p50 ${fmt(pct(latencies, 50))} ms, p95 ${fmt(pct(latencies, 95))} ms, max ${fmt(Math.max(...latencies))} ms`,
  );
  if (bare)
    console.log(
      `    ratio to bare ftp-srv: ${fmt((100 * product.acked) / secs / (bare.acked / (bare.elapsedMs / 1000)), 1)} %`,
    );
  for (const l of logs.filter((l) => /fail|error|kept/i.test(l)).slice(0, 5)) console.log(`    worker: ${l}`);

  // ── (c) bulk path vs COPY ──
  const rows: { stationId: number; parameter: string; time: Date; value: number; deviceStatus: '00'; fileId: null }[] =
    [];
  const bulkStart = Date.UTC(2026, 0, 1);
  for (let k = 0; rows.length < BULK_ROWS; k++) {
    for (const s of sims)
      for (const p of PARAMS)
        if (rows.length < BULK_ROWS)
          rows.push({
            stationId: s.stationId,
            parameter: p,
            time: new Date(bulkStart + k * 300_000),
            value: (k % 97) / 3,
            deviceStatus: '00',
            fileId: null,
          });
  }
  // Three rounds, bulk and COPY alternating, each on the same rows shifted by whole years (no conflicts, same table and
  // indexes): a round that meets autovacuum or a checkpoint after the FTP run does not decide the ratio alone.
  const ROUNDS = 3;
  const YEAR_MS = 366 * 86_400_000;
  const shifted = (shift: number) => rows.map((r) => ({ ...r, time: new Date(r.time.getTime() + shift) }));
  await ensurePartitions(
    Array.from({ length: 2 * ROUNDS }, (_, k) => rows.map((r) => new Date(r.time.getTime() + k * YEAR_MS))).flat(),
    new Date(bulkStart),
  );
  const bulkRuns: number[] = [];
  const copyRuns: number[] = [];
  let inserted = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const batch = shifted(2 * round * YEAR_MS);
    const tb = Date.now();
    inserted = (await insertReadings(batch)).inserted;
    bulkRuns.push(Date.now() - tb);
    const csv = path.join(os.tmpdir(), `qt-bench-copy-${randomUUID()}.csv`);
    await writeFile(
      csv,
      shifted((2 * round + 1) * YEAR_MS)
        .map((r) => `${r.stationId},${r.parameter},${r.time.toISOString()},${r.value},${r.deviceStatus}`)
        .join('\n') + '\n',
    );
    await chmod(csv, 0o644);
    const tc = Date.now();
    await pool().query(
      `COPY reading (station_id, parameter, time, value, device_status) FROM '${csv}' WITH (FORMAT csv)`,
    );
    copyRuns.push(Date.now() - tc);
    await rm(csv, { force: true });
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const bulkMs = median(bulkRuns);
  const copyMs = median(copyRuns);
  const list = (xs: number[]) => xs.map((x) => fmt(x / 1000, 2)).join(', ');
  console.log(
    `(c) bulk path insertReadings: ${fmt(inserted)} rows in ${fmt(bulkMs / 1000, 2)} s = ${fmt(rows.length / (bulkMs / 1000))} rows/s; raw COPY (server-side file) of the same rows: ${fmt(copyMs / 1000, 2)} s = ${fmt(rows.length / (copyMs / 1000))} rows/s; bulk = ${fmt((100 * copyMs) / bulkMs, 1)} % of COPY (medians of ${ROUNDS} alternating rounds: bulk ${list(bulkRuns)} s, COPY ${list(copyRuns)} s)`,
  );

  await disconnectDb();
  if (!args.keep) {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await c.end();
  }
  await stopServer();
  await rm(work, { recursive: true, force: true });
}

if (rerunWithPool && !args['client-role']) {
  const r = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, UV_THREADPOOL_SIZE: '16' },
  });
  process.exit(r.status ?? 1);
}

(args['client-role'] ? clientMain() : main()).then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
