import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { EMBEDDED_PASSWORD, EMBEDDED_USER, EmbeddedPortTakenError, PORT_FILE, resolveEmbeddedPort, startEmbeddedPostgres } from '@/lib/db/embedded';

/**
 * Two installations on one machine (issue 18): each DATA_DIR gets its own embedded PostgreSQL port, remembered under
 * DATA_DIR, and never reuses a server whose data directory is another's; SIGTERM, or the end of the launcher that
 * started it, stops the server.
 */
const SLOW = 240_000;
const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `qt-${name}-`));
const started: ChildProcess[] = [];

afterAll(async () => {
  for (const c of started) {
    if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  }
  await new Promise((r) => setTimeout(r, 3000));
});

/** The environment of an installation: only DATA_DIR set, no port and no DATABASE_URL. */
function envFor(dataDir: string): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DEMO: '0' };
  delete e.EMBEDDED_PG_PORT;
  delete e.DATABASE_URL;
  return e;
}

/** Starts `cmd` and resolves with the URL of its READY line. */
function waitReady(child: ChildProcess): Promise<string> {
  started.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => reject(new Error(`exited (${code}) before READY: ${err}`)));
  });
}

const pgServer = ['--import', 'tsx', path.resolve('scripts/pg-server.ts')];

async function dataDirOf(port: number): Promise<string | null> {
  const c = new pg.Client({ host: '127.0.0.1', port, user: EMBEDDED_USER, password: EMBEDDED_PASSWORD, database: 'postgres', connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
  } catch {
    return null;
  }
  try {
    return (await c.query<{ data_directory: string }>('SHOW data_directory')).rows[0]?.data_directory ?? null;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function waitStopped(port: number, pgDir: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if ((await dataDirOf(port)) === null && !existsSync(path.join(pgDir, 'postmaster.pid'))) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`PostgreSQL on port ${port} still running after ${ms} ms`);
}

describe('embedded PostgreSQL per DATA_DIR', () => {
  const dirA = tmp('inst-a');
  const dirB = tmp('inst-b');
  let portA = 0;
  let portB = 0;
  let serverA: ChildProcess;
  let wrapperB: ChildProcess;

  it(
    'two installations get two ports, each remembered under its DATA_DIR, each server on its own data',
    async () => {
      serverA = spawn(process.execPath, pgServer, { env: envFor(dirA), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      portA = Number(new URL(await waitReady(serverA)).port);
      // B is started by a stand-in launcher, so that the test can later kill the launcher alone.
      const launcher = `const c = require('node:child_process').spawn(process.execPath, ${JSON.stringify(pgServer)}, { stdio: 'inherit', detached: true }); setInterval(() => {}, 1 << 30);`;
      wrapperB = spawn(process.execPath, ['-e', launcher], { env: envFor(dirB), stdio: ['ignore', 'pipe', 'pipe'] });
      portB = Number(new URL(await waitReady(wrapperB)).port);

      expect(portB).not.toBe(portA);
      expect(readFileSync(path.join(dirA, PORT_FILE), 'utf8').trim()).toBe(String(portA));
      expect(readFileSync(path.join(dirB, PORT_FILE), 'utf8').trim()).toBe(String(portB));
      expect(await dataDirOf(portA)).toBe(path.join(dirA, 'pg'));
      expect(await dataDirOf(portB)).toBe(path.join(dirB, 'pg'));
    },
    SLOW,
  );

  it('a third DATA_DIR never reuses a running server of another: remembered port moves, a pinned port fails', async () => {
    const dirC = tmp('inst-c');
    // C remembers A's port (e.g. copied settings): A's server runs there, so C takes another free port.
    writeFileSync(path.join(dirC, PORT_FILE), `${portA}\n`);
    const moved = await resolveEmbeddedPort({ dataDir: dirC });
    expect(moved.running).toBe(false);
    expect([portA, portB]).not.toContain(moved.port);
    expect(readFileSync(path.join(dirC, PORT_FILE), 'utf8').trim()).toBe(String(moved.port));
    // EMBEDDED_PG_PORT pinned to A's port: refused with the other installation named, nothing migrated into it.
    const pinned = startEmbeddedPostgres({ dataDir: dirC, port: portA });
    await expect(pinned).rejects.toBeInstanceOf(EmbeddedPortTakenError);
    await expect(pinned).rejects.toThrow(path.join(dirA, 'pg'));
    // A itself finds its own running server again (same port, reused).
    expect(await resolveEmbeddedPort({ dataDir: dirA })).toEqual({ port: portA, running: true });
  });

  it(
    'SIGTERM stops the embedded server',
    async () => {
      serverA.kill('SIGTERM');
      await waitStopped(portA, path.join(dirA, 'pg'));
      expect(await dataDirOf(portB)).toBe(path.join(dirB, 'pg'));
    },
    SLOW,
  );

  it(
    'a launcher killed outright still takes its PostgreSQL with it',
    async () => {
      wrapperB.kill('SIGKILL');
      await waitStopped(portB, path.join(dirB, 'pg'));
    },
    SLOW,
  );
});
