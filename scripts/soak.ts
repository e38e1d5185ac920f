/**
 * Soak test: 300 simulated stations each send a Circular-10 file every minute for N minutes over real FTP to the worker
 * running as a child process (FTP receiver, ingest, jobs, schedules, forwarder: `worker/main.ts`). Every minute prints
 * the worker's RSS, the backlog (files waiting in the spool, jobs due and not done) and files sent / ingested.
 *
 *   npm run soak -- [--minutes 30] [--stations 300] [--max-rss-mb 1024] [--keep]
 *
 * Uses its own fresh database on the server of DATABASE_URL (dropped at the end unless --keep) and a temporary
 * DATA_DIR. Exit code 1 when memory grows beyond the bound, the backlog grows steadily, or files are lost (every
 * acknowledged upload must be in the ledger after a final drain); 0 otherwise.
 */
import 'dotenv/config';
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { Client } from 'basic-ftp';
import pg from 'pg';
import { formatCompactLocalTime, MINUTE_MS } from '../lib/domain/time';
import { freePort } from './net';

const ROOT = path.resolve(import.meta.dirname, '..');
const FACILITY_STATIONS = 10;
const PARAMETERS = [
  { code: 'COD', unit: 'mg/L', base: 45 },
  { code: 'PH', unit: 'pH', base: 7.2 },
  { code: 'TSS', unit: 'mg/L', base: 20 },
  { code: 'TEMP', unit: '°C', base: 29 },
  { code: 'FLOW', unit: 'm3/h', base: 120 },
] as const;
/** Uploads in flight at most; a station whose turn comes while the cap is reached waits (counted as "late"). */
const MAX_IN_FLIGHT = 48;

const say = (line: string) => process.stdout.write(`${line}\n`);

function usage(message: string): never {
  process.stderr.write(
    `soak: ${message}\nusage: npm run soak -- [--minutes N] [--stations N] [--max-rss-mb N] [--keep]\n`,
  );
  process.exit(2);
}

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    minutes: { type: 'string', default: '30' },
    stations: { type: 'string', default: '300' },
    'max-rss-mb': { type: 'string', default: '1024' },
    keep: { type: 'boolean', default: false },
  },
  strict: true,
});
const MINUTES = Number(values.minutes);
const STATIONS = Number(values.stations);
const MAX_RSS_MB = Number(values['max-rss-mb']);
if (!Number.isInteger(MINUTES) || MINUTES < 1) usage('--minutes must be a whole number ≥ 1');
if (!Number.isInteger(STATIONS) || STATIONS < 1 || STATIONS > 5000) usage('--stations must be 1..5000');
if (!Number.isFinite(MAX_RSS_MB) || MAX_RSS_MB <= 0) usage('--max-rss-mb must be > 0');

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) usage('DATABASE_URL must point at a PostgreSQL server (a fresh database is created on it)');

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}


type Station = { fileCode: string; user: string; password: string; index: number };

function fileFor(s: Station, t: Date): { name: string; dir: string; content: string } {
  const stamp = formatCompactLocalTime(new Date(Math.floor(t.getTime() / MINUTE_MS) * MINUTE_MS));
  const minute = Math.floor(t.getTime() / 60_000);
  const lines = PARAMETERS.map((p, i) => {
    const wave = Math.sin((minute + s.index * 7 + i * 13) / 17) * p.base * 0.05;
    return `${p.code}\t${(p.base + wave).toFixed(2)}\t${p.unit}\t${stamp}\t00`;
  });
  return {
    name: `BG_${s.fileCode}_${stamp}.txt`,
    dir: `/${s.fileCode}/${stamp.slice(0, 4)}/${stamp.slice(4, 6)}/${stamp.slice(6, 8)}`,
    content: `${lines.join('\r\n')}\r\n`,
  };
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

async function countFiles(dir: string): Promise<number> {
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])) as {
    isFile(): boolean;
  }[];
  return entries.filter((e) => e.isFile()).length;
}

async function main(): Promise<number> {
  const dbName = `qt_soak_${Date.now().toString(36)}`;
  const dbUrl = withDatabase(serverUrl!, dbName);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'qt-soak-'));
  await admin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  // lib/ reads its configuration from the environment on first use.
  process.env.DATABASE_URL = dbUrl;
  process.env.DATA_DIR = dataDir;
  process.env.DEMO = '0';
  const { applyMigrations } = await import('../lib/db/migrate');
  const { disconnectDb, pool } = await import('../lib/db/client');
  const { createFacilityService } = await import('../lib/services/accounts');
  const { createStationService } = await import('../lib/services/stations');

  let worker: ChildProcess | null = null;
  const cleanup = async () => {
    if (worker && worker.exitCode === null) {
      worker.kill('SIGTERM');
      await new Promise((r) => {
        const t = setTimeout(() => {
          worker?.kill('SIGKILL');
          r(null);
        }, 20_000);
        worker?.once('exit', () => {
          clearTimeout(t);
          r(null);
        });
      });
    }
    await disconnectDb().catch(() => undefined);
    if (!values.keep) {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    } else say(`kept: database ${dbName}, DATA_DIR ${dataDir}`);
  };

  try {
    await applyMigrations(dbUrl, path.join(ROOT, 'prisma', 'migrations'));
    say(`soak: ${STATIONS} stations × 1 file/min for ${MINUTES} min; database ${dbName}; DATA_DIR ${dataDir}`);
    const stations: Station[] = [];
    const activeFrom = new Date(Date.now() - 3_600_000);
    for (let f = 0; f * FACILITY_STATIONS < STATIONS; f++) {
      const code = `SOAK${String(f + 1).padStart(3, '0')}`;
      const user = `soak${f + 1}`;
      const password = `soak-password-${f + 1}`;
      await createFacilityService(
        { code, name: `Soak facility ${f + 1}`, ftpUsername: user, ftpPassword: password },
        'soak',
      );
      for (let i = 0; i < FACILITY_STATIONS && stations.length < STATIONS; i++) {
        const st = `NT${String(i + 1).padStart(2, '0')}`;
        const fileCode = `${code}_${st}`;
        await createStationService(
          {
            code: `${code}-${st}`,
            fileCode,
            name: `Soak ${code} ${st}`,
            kind: 'wastewater',
            facilityCode: code,
            lat: 21 + f * 0.01,
            lon: 106 + i * 0.01,
            intervalMinutes: 1,
            graceMinutes: 5,
            activeFrom,
            parameters: PARAMETERS.map((p) => ({ code: p.code })),
          },
          'soak',
        );
        stations.push({ fileCode, user, password, index: stations.length });
      }
    }

    const ftpPort = await freePort();
    const logFile = path.join(dataDir, 'worker.log');
    const logStream = createWriteStream(logFile);
    // node --import tsx: one process, so its RSS is the worker's own.
    worker = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'worker', 'main.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: dbUrl,
        DATA_DIR: dataDir,
        DEMO: '0',
        FTP_HOST: '127.0.0.1',
        FTP_PORT: String(ftpPort),
        FTP_PASV_MIN: '32000',
        FTP_PASV_MAX: '32399',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout?.pipe(logStream);
    worker.stderr?.pipe(logStream);
    const workerPid = worker.pid!;
    let workerExited: number | null = null;
    worker.once('exit', (code) => (workerExited = code ?? 1));
    // Wait for the FTP port.
    for (let i = 0; ; i++) {
      const ok = await new Promise<boolean>((resolve) => {
        const s = net.connect(ftpPort, '127.0.0.1');
        s.once('connect', () => (s.destroy(), resolve(true)));
        s.once('error', () => resolve(false));
      });
      if (ok) break;
      if (workerExited !== null || i > 120) throw new Error(`worker did not start (see ${logFile})`);
      await new Promise((r) => setTimeout(r, 500));
    }
    say(`worker pid ${workerPid} listening on ftp://127.0.0.1:${ftpPort}; its log: ${logFile}`);

    const tally = { sent: 0, errors: 0, late: 0 };
    let durations: number[] = [];
    let inFlight = 0;
    const waiting: (() => void)[] = [];
    const errorSamples: string[] = [];
    const upload = async (s: Station, t: Date) => {
      if (inFlight >= MAX_IN_FLIGHT) {
        tally.late++;
        await new Promise<void>((r) => waiting.push(r));
      }
      inFlight++;
      const f = fileFor(s, t);
      const c = new Client(30_000);
      const t0 = Date.now();
      try {
        await c.access({ host: '127.0.0.1', port: ftpPort, user: s.user, password: s.password });
        await c.ensureDir(f.dir);
        await c.uploadFrom(Readable.from(Buffer.from(f.content)), f.name);
        tally.sent++;
        durations.push(Date.now() - t0);
      } catch (e) {
        tally.errors++;
        if (errorSamples.length < 5) errorSamples.push(`${f.name}: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        c.close();
        inFlight--;
        waiting.shift()?.();
      }
    };

    const ledgerCount = async () =>
      Number((await pool().query<{ n: string }>('SELECT count(*) AS n FROM ingest_file')).rows[0]!.n);
    const jobsDue = async () =>
      Number(
        (await pool().query<{ n: string }>('SELECT count(*) AS n FROM job WHERE done_at IS NULL AND run_at <= now()'))
          .rows[0]!.n,
      );

    type Sample = {
      minute: number;
      rss: number;
      spool: number;
      jobs: number;
      sent: number;
      ingested: number;
      errors: number;
      p95: number;
    };
    const p95 = (xs: number[]) =>
      xs.length === 0 ? 0 : [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
    const samples: Sample[] = [];
    const pendingUploads: Promise<void>[] = [];
    let lastLedger = await ledgerCount();
    let lastSent = 0;
    let lastErrors = 0;
    say('minute  rss_mb  spool_files  jobs_due  sent/min  ingested/min  upload_errors  late  upload_p95_ms');
    const start = Math.ceil(Date.now() / 60_000) * 60_000;
    await new Promise((r) => setTimeout(r, start - Date.now()));
    for (let m = 0; m < MINUTES; m++) {
      const minuteStart = start + m * 60_000;
      const t = new Date(minuteStart);
      // Spread over the first 48 s of the minute, as loggers' clocks and schedules differ.
      stations.forEach((s, i) => {
        const at = minuteStart + Math.floor((i * 48_000) / stations.length);
        pendingUploads.push(
          new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - Date.now()))).then(() => upload(s, t)),
        );
      });
      await new Promise((r) => setTimeout(r, Math.max(0, minuteStart + 60_000 - Date.now())));
      if (workerExited !== null) throw new Error(`worker exited with ${workerExited} (see ${logFile})`);
      const ledger = await ledgerCount();
      const sample: Sample = {
        minute: m + 1,
        rss: await rssMb(workerPid),
        spool: await countFiles(path.join(dataDir, 'ftp')),
        jobs: await jobsDue(),
        sent: tally.sent - lastSent,
        ingested: ledger - lastLedger,
        errors: tally.errors - lastErrors,
        p95: p95(durations),
      };
      durations = [];
      lastLedger = ledger;
      lastSent = tally.sent;
      lastErrors = tally.errors;
      samples.push(sample);
      say(
        [
          String(sample.minute).padStart(6),
          sample.rss.toFixed(1).padStart(7),
          String(sample.spool).padStart(12),
          String(sample.jobs).padStart(9),
          String(sample.sent).padStart(9),
          String(sample.ingested).padStart(13),
          String(sample.errors).padStart(14),
          String(tally.late).padStart(5),
          String(sample.p95).padStart(14),
        ].join(' '),
      );
    }
    await Promise.all(pendingUploads);

    // Drain: every acknowledged upload must reach the ledger.
    const drainStart = Date.now();
    let ledger = await ledgerCount();
    while (ledger < tally.sent && Date.now() - drainStart < 120_000) {
      await new Promise((r) => setTimeout(r, 1000));
      ledger = await ledgerCount();
    }
    // And the jobs the files caused (averages, indices, alerts): how long until none is due.
    const jobsAtEnd = await pool().query<{ kind: string; n: string }>(
      'SELECT kind, count(*) AS n FROM job WHERE done_at IS NULL AND run_at <= now() GROUP BY 1 ORDER BY 2 DESC',
    );
    say(`jobs due when sending stopped: ${jobsAtEnd.rows.map((r) => `${r.kind} ${r.n}`).join(', ') || 'none'}`);
    const jobsDrainStart = Date.now();
    let due = await jobsDue();
    while (due > 0 && Date.now() - jobsDrainStart < 300_000) {
      await new Promise((r) => setTimeout(r, 2000));
      due = await jobsDue();
    }
    say(
      due === 0
        ? `job backlog drained in ${((Date.now() - jobsDrainStart) / 1000).toFixed(0)} s after sending stopped`
        : `job backlog NOT drained after 300 s: ${due} due`,
    );
    const outcomes = await pool().query<{ outcome: string; n: string }>(
      'SELECT outcome, count(*) AS n FROM ingest_file GROUP BY 1 ORDER BY 1',
    );
    const finalRss = await rssMb(workerPid);
    say(
      `sent ${tally.sent} files (${tally.errors} upload errors), ledger ${ledger} rows (${outcomes.rows.map((r) => `${r.outcome} ${r.n}`).join(', ')}); ` +
        `drained in ${((Date.now() - drainStart) / 1000).toFixed(1)} s; worker RSS now ${finalRss.toFixed(1)} MB`,
    );
    for (const e of errorSamples) say(`  upload error: ${e}`);

    // Verdicts.
    const problems: string[] = [];
    const rssValues = samples.map((s) => s.rss);
    const maxRss = Math.max(...rssValues);
    if (maxRss > MAX_RSS_MB) problems.push(`worker RSS reached ${maxRss.toFixed(0)} MB (bound ${MAX_RSS_MB} MB)`);
    // Growth after warm-up: the sample a third of the way in (at most minute 5) is the baseline.
    const baseIndex = Math.min(4, Math.floor(samples.length / 3));
    const base = samples[baseIndex]!.rss;
    const last = samples[samples.length - 1]!.rss;
    const allowed = Math.max(64, base * 0.25);
    if (samples.length >= 3 && last - base > allowed) {
      problems.push(
        `worker RSS grew ${(last - base).toFixed(0)} MB after warm-up (${base.toFixed(0)} → ${last.toFixed(0)} MB; allowed ${allowed.toFixed(0)} MB)`,
      );
    }
    // Backlog trend: least-squares slope after the first (warm-up) minute. Steady growth of more than 5 % of a minute's
    // files per minute, ending above one minute's files, means the worker does not keep up.
    const backlog = samples.map((s) => s.spool + s.jobs);
    const trend = backlog.length >= 3 ? backlog.slice(1) : backlog;
    const n = trend.length;
    const meanX = (n - 1) / 2;
    const meanY = trend.reduce((a, b) => a + b, 0) / n;
    const slope =
      n < 2
        ? 0
        : trend.reduce((acc, y, x) => acc + (x - meanX) * (y - meanY), 0) /
          trend.reduce((acc, _y, x) => acc + (x - meanX) ** 2, 0);
    say(
      `backlog (spool files + jobs due) per minute: ${backlog.join(', ')}; trend ${slope >= 0 ? '+' : ''}${slope.toFixed(1)}/min`,
    );
    if (slope > Math.max(10, STATIONS * 0.05) && backlog[backlog.length - 1]! > STATIONS) {
      problems.push(`backlog grows steadily: ${backlog.join(' → ')} (+${slope.toFixed(0)}/min)`);
    }
    if (ledger < tally.sent)
      problems.push(`${tally.sent - ledger} acknowledged files are not in the ledger after the drain`);
    if (tally.errors > tally.sent * 0.01) problems.push(`${tally.errors} upload errors`);
    for (const p of problems) say(`FAIL: ${p}`);
    if (problems.length === 0)
      say(
        `PASS: RSS ${base.toFixed(0)} → ${last.toFixed(0)} MB (max ${maxRss.toFixed(0)} MB), backlog at end ${backlog[backlog.length - 1]}, nothing lost`,
      );
    return problems.length === 0 ? 0 : 1;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`soak: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
