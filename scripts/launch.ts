/**
 * The product's one start command (after scripts/start.mjs): PostgreSQL (embedded unless DATABASE_URL is set),
 * migrations, the demo seed, then web + worker + simulator as supervised child processes. Ctrl-C stops all of them.
 */
import 'dotenv/config';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { env, resetEnv } from '../lib/env';
import { applyMigrations } from '../lib/db/migrate';

const root = path.resolve(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));
const devMode = args.has('--dev');
const cfg = env();
const log = (line: string) => console.log(`[start] ${line}`);

type Svc = { name: string; cmd: string[]; env: NodeJS.ProcessEnv; child?: ChildProcess; restarts: number; stopping: boolean };
const services: Svc[] = [];
let embedded: ChildProcess | undefined;
let shuttingDown = false;

function authSecret(): string {
  const given = cfg.NEXTAUTH_SECRET ?? cfg.AUTH_SECRET;
  if (given) return given;
  const file = path.join(cfg.dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(cfg.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Fingerprint of everything `next build` reads, so a second start reuses the build unless the source changed. */
function sourceFingerprint(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const st = statSync(p);
        h.update(`${p}:${st.size}:${st.mtimeMs}\n`);
      }
    }
  };
  for (const d of ['app', 'components', 'server', 'lib', 'messages', 'i18n', 'public']) walk(path.join(root, d));
  for (const f of ['next.config.ts', 'proxy.ts', 'package-lock.json', 'tsconfig.json']) {
    const p = path.join(root, f);
    if (existsSync(p)) h.update(`${f}:${statSync(p).mtimeMs}\n`);
  }
  return h.digest('hex');
}

function buildIfNeeded(childEnv: NodeJS.ProcessEnv): void {
  const stamp = path.join(root, '.next', 'quantrac-build-stamp');
  // The CSP (next.config.ts) names MAP_TILE_URL's server and is fixed at build time: a new tile URL rebuilds.
  const fp = `${sourceFingerprint()}:${childEnv.MAP_TILE_URL ?? ''}`;
  if (existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === fp) {
    log('web build is up to date');
    return;
  }
  log('building the web application (next build)…');
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...childEnv, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) throw new Error('next build failed');
  writeFileSync(stamp, fp);
  log(`built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function startService(svc: Svc): void {
  const [cmd, ...rest] = svc.cmd as [string, ...string[]];
  // A process group of its own, so stopping it also stops whatever it spawned (next-server).
  const child = spawn(cmd, rest, { cwd: root, env: svc.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  svc.child = child;
  const prefix = `[${svc.name}] `;
  const pipe = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) => {
    let buf = '';
    stream?.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const l of lines) out.write(prefix + l + '\n');
    });
  };
  pipe(child.stdout, process.stdout);
  pipe(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (shuttingDown || svc.stopping) return;
    svc.restarts += 1;
    const delay = Math.min(30_000, 1000 * 2 ** Math.min(svc.restarts, 5));
    log(`${svc.name} exited (${signal ?? code}); restarting in ${delay / 1000} s`);
    setTimeout(() => !shuttingDown && startService(svc), delay);
  });
}

async function stopService(svc: Svc): Promise<void> {
  const child = svc.child;
  svc.stopping = true;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
      resolve();
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

async function shutdown(code: number): Promise<void> {
  // A terminal's Ctrl-C reaches this process twice (from the terminal and forwarded by scripts/start.mjs): a repeated
  // signal must not cut the shutdown short, or the embedded PostgreSQL is left running.
  if (shuttingDown) return;
  shuttingDown = true;
  log('stopping…');
  await Promise.all(services.map(stopService));
  if (embedded) {
    const pgProc = embedded;
    await new Promise<void>((resolve) => {
      if (pgProc.exitCode !== null) return resolve();
      pgProc.once('exit', () => resolve());
      pgProc.kill('SIGTERM');
      setTimeout(resolve, 15_000);
    });
    log('embedded PostgreSQL stopped');
  }
  process.exit(code);
}

async function waitForWeb(url: string, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const r = await fetch(`${url}/api/v1/health`);
      if (r.status < 500) return true;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

/** Starts scripts/pg-server.ts detached and waits for its READY line. */
function startEmbeddedServer(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'pg-server.ts')], {
      cwd: root,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    embedded = child;
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[postgres] ${d.toString()}`));
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited (${code}) before it was ready`)));
  });
}

async function main(): Promise<void> {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => void shutdown(0));
  const t0 = Date.now();

  let databaseUrl = cfg.DATABASE_URL;
  if (!databaseUrl) {
    log(`starting embedded PostgreSQL (data in ${path.join(cfg.dataDir, 'pg')})`);
    databaseUrl = await startEmbeddedServer();
    log(`embedded PostgreSQL on port ${new URL(databaseUrl).port}`);
  } else {
    log('using the PostgreSQL named by DATABASE_URL');
  }
  process.env.DATABASE_URL = databaseUrl;
  resetEnv();

  const mig = await applyMigrations(databaseUrl, path.join(root, 'prisma', 'migrations'));
  log(`migrations: ${mig.applied.length} applied, ${mig.alreadyApplied.length} already in place`);

  const baseUrl = `http://${cfg.HOST === '0.0.0.0' ? '127.0.0.1' : cfg.HOST}:${cfg.PORT}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: authSecret(),
    NEXTAUTH_URL: cfg.NEXTAUTH_URL ?? baseUrl,
    NEXT_TELEMETRY_DISABLED: '1',
  };

  let banner: string[] = [];
  if (cfg.DEMO) {
    const { seedDemo } = await import('../lib/demo/seed');
    const seeded = await seedDemo({ now: new Date(), log });
    log(seeded.created ? `demo network created: ${seeded.stations} stations, ${seeded.readings} readings of history` : 'demo network already present');
    banner = [
      'Demo logins (email / password / role):',
      ...seeded.logins.map((l) => `  ${l.email.padEnd(32)} ${l.password.padEnd(18)} ${l.role}`),
      `FTP accounts (ftp://${cfg.FTP_HOST}:${cfg.FTP_PORT}):`,
      ...seeded.ftpAccounts.map((a) => `  ${a.username.padEnd(20)} ${a.password.padEnd(22)} ${a.facility}`),
    ];
  }
  const { disconnectDb } = await import('../lib/db/client');
  await disconnectDb();

  const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  if (!devMode) buildIfNeeded(childEnv);
  services.push({
    name: 'web',
    // peer-address.cjs stamps each request with its socket peer (X-Forwarded-For is believed only from TRUSTED_PROXIES).
    cmd: [process.execPath, '--require', path.join(root, 'scripts', 'peer-address.cjs'), next, devMode ? 'dev' : 'start', '-H', cfg.HOST, '-p', String(cfg.PORT)],
    env: childEnv,
    restarts: 0,
    stopping: false,
  });
  // More libuv threads: every received file is fsynced into the raw store.
  const workerEnv = { ...childEnv, UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? '16' };
  services.push({ name: 'worker', cmd: [process.execPath, '--import', 'tsx', 'worker/main.ts'], env: workerEnv, restarts: 0, stopping: false });
  if (cfg.DEMO && !args.has('--no-simulator')) {
    services.push({
      name: 'simulator',
      cmd: [process.execPath, '--import', 'tsx', 'scripts/simulate.ts', '--live'],
      env: childEnv,
      restarts: 0,
      stopping: false,
    });
  }
  services.forEach(startService);

  const up = await waitForWeb(baseUrl, 120_000);
  console.log('');
  console.log('──────────────────────────────────────────────────────────────');
  console.log(` Quan Trắc is ${up ? 'running' : 'starting (web not answering yet)'}: ${baseUrl}   (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  console.log(` FTP receiver: ftp://${cfg.FTP_HOST}:${cfg.FTP_PORT}   API: ${baseUrl}/api/v1/openapi.json`);
  for (const l of banner) console.log(` ${l}`);
  console.log(' Ctrl-C stops everything.');
  console.log('──────────────────────────────────────────────────────────────');
}

main().catch(async (e: unknown) => {
  console.error(`[start] failed: ${e instanceof Error ? e.message : String(e)}`);
  await shutdown(1);
});
