/**
 * Issue 3 item 7: a worker killed with -9, or PostgreSQL restarted, in the middle of a stream loses no file whose
 * upload was acknowledged (226) and records none twice. The worker runs as a real child process.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Client } from 'basic-ftp';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { disconnectDb, pool } from '@/lib/db/client';
import { startEmbeddedPostgres, type EmbeddedDb } from '@/lib/db/embedded';
import { createFacility } from '@/lib/db/facilities';
import { applyMigrations } from '@/lib/db/migrate';
import { resetEnv } from '@/lib/env';
import { createTestFtpAccount, createTestStation, uid } from '../support/fixtures';
import { connectFtp } from '../support/ftp';
import { dataFile } from '../support/ingest';
import { sleep } from '../support/wait';
import { freePort } from '../../scripts/net';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';


type Upload = { name: string; folder: string; bytes: Buffer; stationId: number };
type Setup = { user: string; password: string; files: Upload[][]; stationIds: number[] };

/** One facility and account; one station (3 parameters) per client; `perClient` distinct files each. */
async function createData(clients: number, perClient: number): Promise<Setup> {
  const code = uid('DU');
  const facility = await createFacility({ code, name: 'Công ty bền vững' });
  const { user, password } = await createTestFtpAccount(facility.id, 'dur');
  const files: Upload[][] = [];
  const stationIds: number[] = [];
  for (let c = 0; c < clients; c++) {
    const st = await createTestStation(facility.id, {
      code: `${code}_S${c}`,
      activeFrom: new Date('2024-01-01T00:00:00Z'),
      parameters: ['COD', 'PH', 'FLOW'],
    });
    stationIds.push(st.id);
    const mine: Upload[] = [];
    for (let j = 0; j < perClient; j++) {
      // Local time 2024-08-01 00:00 + 5 min × j.
      const t = new Date(Date.UTC(2024, 7, 1, 0, 0) + j * 300_000);
      const stamp = t.toISOString().replace(/[-:T]/g, '').slice(0, 14);
      const f = dataFile(st.fileCode, stamp, {
        COD: (30 + (j % 17)).toFixed(1),
        PH: (7 + (j % 9) / 10).toFixed(2),
        FLOW: 100 + j,
      });
      mine.push({ name: f.name, folder: `/${st.fileCode}/${stamp.slice(0, 8)}`, bytes: Buffer.from(f.content), stationId: st.id });
    }
    files.push(mine);
  }
  return { user, password, files, stationIds };
}

type StreamState = { acked: Set<string>; retried: Set<string>; failures: number };

/**
 * Each client sends its files in order over one session, reconnecting and re-sending whatever was not acknowledged,
 * as a datalogger does. `onAck` runs after every acknowledged upload (the test disrupts the stream from there).
 */
async function stream(
  port: () => number,
  s: Setup,
  onAck: (acked: number) => Promise<void> | void,
  deadlineMs = 150_000,
  context: () => string = () => '',
): Promise<StreamState> {
  const state: StreamState = { acked: new Set(), retried: new Set(), failures: 0 };
  const end = Date.now() + deadlineMs;
  await Promise.all(
    s.files.map(async (files) => {
      let c: Client | null = null;
      let folder = '';
      for (const f of files) {
        for (let attempt = 1; ; attempt++) {
          try {
            if (!c) {
              folder = '';
              c = await connectFtp(port(), s);
            }
            if (folder !== f.folder) {
              await c.ensureDir(f.folder);
              folder = f.folder;
            }
            await c.uploadFrom(Readable.from(f.bytes), f.name);
            state.acked.add(f.name);
            if (attempt > 1) state.retried.add(f.name);
            break;
          } catch (e) {
            state.failures += 1;
            c?.close();
            c = null;
            if (Date.now() > end) throw new Error(`${e instanceof Error ? e.message : String(e)}\n${context()}`);
            await sleep(150);
          }
        }
        await onAck(state.acked.size);
      }
      c?.close();
    }),
  );
  return state;
}

type Row = { name: string; outcome: string };

/** Waits until every file has an accepted ledger row and the spool is empty, then checks counts. */
async function assertNothingLostNorDuplicated(s: Setup, state: StreamState, dataDir: string, worker: WorkerProcess) {
  const all = s.files.flat();
  const names = all.map((f) => f.name);
  expect(state.acked.size).toBe(all.length);
  let rows: Row[] = [];
  const end = Date.now() + 90_000;
  for (;;) {
    rows = (await pool().query<Row>('SELECT name, outcome::text AS outcome FROM ingest_file WHERE name = ANY($1)', [names])).rows;
    const accepted = new Set(rows.filter((r) => r.outcome === 'accepted').map((r) => r.name));
    const spool = await spoolFiles(path.join(dataDir, 'ftp'));
    if (accepted.size === names.length && spool.length === 0) break;
    if (Date.now() > end) {
      throw new Error(
        `after 90 s: ${accepted.size}/${names.length} accepted, spool holds ${spool.length}\n${worker.output().slice(-3000)}`,
      );
    }
    await sleep(250);
  }
  const byName = new Map<string, string[]>();
  for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), r.outcome]);
  for (const name of names) {
    const outcomes = byName.get(name) ?? [];
    expect(outcomes.filter((o) => o === 'accepted'), name).toHaveLength(1);
    // A second row is only allowed for a file the client itself sent again (its 226 was lost), as a duplicate.
    const extra = outcomes.filter((o) => o !== 'accepted');
    if (extra.length > 0) {
      expect(state.retried.has(name), `${name}: ${outcomes.join(', ')}`).toBe(true);
      expect(extra.every((o) => o === 'duplicate')).toBe(true);
    }
  }
  const readings = await pool().query<{ n: number }>('SELECT count(*)::int AS n FROM reading WHERE station_id = ANY($1)', [
    s.stationIds,
  ]);
  expect(readings.rows[0]!.n).toBe(all.length * 3);
  return { rows: rows.length, extra: rows.length - names.length };
}

async function spoolFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      if (e.isDirectory()) await walk(path.join(d, e.name));
      else out.push(path.join(d, e.name));
    }
  };
  await walk(dir);
  return out;
}

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  await disconnectDb();
});

describe('ingest durability (worker as a child process)', () => {
  it('kill -9 of the worker in the middle of a 300-file stream loses and duplicates nothing', async () => {
    const s = await createData(6, 50);
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'qt-durable-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const env = {
      DATABASE_URL: process.env.DATABASE_URL!,
      DATA_DIR: dataDir,
      FTP_PORT: String(port),
      FTP_PASV_MIN: '33000',
      FTP_PASV_MAX: '33099',
      INGEST_RETRY_MS: '300',
    };
    let worker = await spawnWorker(env);
    cleanups.push(() => worker.stop());
    let killedAt = 0;
    let restarting: Promise<void> | null = null;
    const state = await stream(
      () => port,
      s,
      async (acked) => {
        if (killedAt === 0 && acked >= 120) {
          killedAt = acked;
          restarting = (async () => {
            await worker.kill9();
            worker = await spawnWorker(env);
          })();
        }
        if (restarting) await restarting;
      },
      150_000,
      () => worker.output().slice(-4000),
    );
    expect(killedAt).toBeGreaterThan(0);
    expect(state.failures).toBeGreaterThan(0); // the kill did interrupt the clients
    const r = await assertNothingLostNorDuplicated(s, state, dataDir, worker);
    console.log(`kill -9 at ${killedAt} acknowledged; ${state.failures} client errors; ${r.rows} ledger rows (${r.extra} duplicates re-sent by clients)`);
    expect(await worker.stop()).toBe(0);
  }, 240_000);

  it('a PostgreSQL restart in the middle of the stream loses nothing acknowledged (spool retries)', async () => {
    const pgDir = await mkdtemp(path.join(os.tmpdir(), 'qt-durable-pg-'));
    cleanups.push(() => rm(pgDir, { recursive: true, force: true }));
    const pgPort = await freePort();
    let db: EmbeddedDb = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort, database: 'qt_durable' });
    cleanups.push(() => db.stop());
    await applyMigrations(db.url);
    // This test's data lives on the throwaway server.
    await disconnectDb();
    process.env.DATABASE_URL = db.url;
    resetEnv();

    const s = await createData(4, 40);
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'qt-durable-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const worker = await spawnWorker({
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      FTP_PORT: String(port),
      FTP_PASV_MIN: '33000',
      FTP_PASV_MAX: '33099',
      INGEST_RETRY_MS: '300',
    });
    cleanups.push(() => worker.stop());
    let restartedAt = 0;
    let ackedWhileDown = 0;
    let down = false;
    let restarting: Promise<void> | null = null;
    let stopped: Promise<void> | null = null;
    const state = await stream(
      () => port,
      s,
      async (acked) => {
        if (down) ackedWhileDown += 1;
        if (restartedAt === 0 && acked >= 40) {
          restartedAt = acked;
          // Stopping may take a while on a slow machine (shutdown checkpoint); the clients
          // wait for it at the next threshold so that some uploads surely happen while down.
          stopped = db.stop().then(() => {
            down = true;
          });
          restarting = (async () => {
            await stopped;
            await sleep(2500); // uploads go on meanwhile: acknowledged from the spool, ingested later
            db = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort, database: 'qt_durable' });
            down = false;
          })();
        }
        if (stopped && acked >= 60) await stopped;
        if (restarting && acked >= 130) await restarting;
      },
      150_000,
      () => worker.output().slice(-4000),
    );
    await restarting;
    expect(restartedAt).toBeGreaterThan(0);
    expect(ackedWhileDown).toBeGreaterThan(0);
    // The pool in this process lost its connections with the server.
    await disconnectDb();
    const r = await assertNothingLostNorDuplicated(s, state, dataDir, worker);
    console.log(`PostgreSQL restarted at ${restartedAt} acknowledged; ${ackedWhileDown} acknowledged while it was down; ${r.rows} ledger rows (${r.extra} duplicates re-sent by clients)`);
    expect(worker.running()).toBe(true);
    expect(await worker.stop()).toBe(0);
  }, 240_000);
});
