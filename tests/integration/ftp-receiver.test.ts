import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { promisify } from 'node:util';
import { Client } from 'basic-ftp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { disconnectDb, pool } from '@/lib/db/client';
import { createFacility } from '@/lib/db/facilities';
import { createFtpAccount } from '@/lib/db/ftp-accounts';
import { createStation } from '@/lib/db/stations';
import type { IngestInput, IngestResult } from '@/lib/services/ingest';
import { hashPassword } from '@/lib/services/accounts';
import { startFtpReceiver, type FtpReceiver } from '@/worker/ftp-server';

process.env.DATABASE_URL = inject('databaseUrl');
// lib/env.ts fails to parse when DEMO is unset (reported to the lead); env() is read lazily.
process.env.DEMO ??= '0';

const run = promisify(execFile);
const quiet = () => undefined;
const uid = (p: string) =>
  `${p}${Date.now().toString(36).toUpperCase()}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;

type Ledger = {
  id: number;
  name: string;
  source: string;
  account: string | null;
  outcome: string;
  reasons: string[];
  station_id: number | null;
  reading_count: number;
};

async function ledgerRow(name: string): Promise<Ledger | null> {
  const r = await pool().query<Ledger>(
    'SELECT id, name, source, account, outcome, reasons, station_id, reading_count FROM ingest_file WHERE name = $1 ORDER BY id DESC LIMIT 1',
    [name],
  );
  return r.rows[0] ?? null;
}

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function readingCount(stationId: number): Promise<number> {
  const r = await pool().query<{ n: string }>('SELECT count(*) AS n FROM reading WHERE station_id = $1', [stationId]);
  return Number(r.rows[0]?.n ?? 0);
}

/** A Circular-10 file for the station at local time 2024-05-DD HH:MM. */
function dataFile(
  fileCode: string,
  day: number,
  hour: number,
  minute: number,
  cod = 45.3,
): { name: string; content: string } {
  const stamp = `202405${String(day).padStart(2, '0')}${String(hour).padStart(2, '0')}${String(minute).padStart(2, '0')}00`;
  return {
    name: `BG_${fileCode}_${stamp}.txt`,
    content:
      [
        `COD\t${cod.toFixed(1)}\tmg/L\t${stamp}\t00`,
        `PH\t7.12\tpH\t${stamp}\t00`,
        `FLOW\t120.5\tm3/h\t${stamp}\t00`,
      ].join('\r\n') + '\r\n',
  };
}

async function connect(port: number, user: string, password: string): Promise<Client> {
  const c = new Client(10_000);
  await c.access({ host: '127.0.0.1', port, user, password });
  return c;
}

let dataDir: string;
let receiver: FtpReceiver;
const A = {
  code: uid('FA'),
  user: uid('ua').toLowerCase(),
  password: 'pass-a-123',
  facilityId: 0,
  stationId: 0,
  fileCode: '',
};
const B = { code: uid('FB'), user: uid('ub').toLowerCase(), password: 'pass-b-456', facilityId: 0 };

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'qt-ftp-'));
  const fa = await createFacility({ code: A.code, name: 'Công ty A' });
  const fb = await createFacility({ code: B.code, name: 'Công ty B' });
  A.facilityId = fa.id;
  B.facilityId = fb.id;
  A.fileCode = `${A.code}_NT01`;
  const st = await createStation({
    code: `NT_${A.code}_01`,
    fileCode: A.fileCode,
    name: 'Trạm A',
    kind: 'wastewater',
    facilityId: fa.id,
    lat: 21.25,
    lon: 106.1,
    activeFrom: new Date('2024-05-01T00:00:00Z'),
    parameters: [
      { parameter: 'COD', unit: 'mg/L', limitMax: 75 },
      { parameter: 'PH', unit: '-', limitMin: 6, limitMax: 9 },
      { parameter: 'FLOW', unit: 'm³/h' },
    ],
  });
  A.stationId = st.id;
  await createFtpAccount({ username: A.user, passwordHash: await hashPassword(A.password), facilityId: fa.id });
  await createFtpAccount({ username: B.user, passwordHash: await hashPassword(B.password), facilityId: fb.id });
  receiver = await startFtpReceiver({
    host: '127.0.0.1',
    port: 0,
    pasvMin: 31000,
    pasvMax: 31199,
    dataDir,
    log: quiet,
  });
});

afterAll(async () => {
  await receiver?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await disconnectDb();
});

describe('FTP receiver', () => {
  it('curl -T with --ftp-create-dirs: readings stored, ledger row with source ftp and the account, spool emptied', async () => {
    const f = dataFile(A.fileCode, 24, 10, 5);
    const local = path.join(dataDir, f.name);
    await writeFile(local, f.content);
    await run('curl', [
      '-sS',
      '--ftp-create-dirs',
      '-T',
      local,
      `ftp://${A.user}:${A.password}@127.0.0.1:${receiver.port}/${A.fileCode}/2024/05/24/`,
    ]);
    const row = await waitFor(async () => {
      const r = await ledgerRow(f.name);
      return r && r;
    });
    expect(row).toMatchObject({
      source: 'ftp',
      account: A.user,
      outcome: 'accepted',
      station_id: A.stationId,
      reading_count: 3,
    });
    const readings = await pool().query<{ parameter: string; value: number; time: Date }>(
      'SELECT parameter, value, time FROM reading WHERE station_id = $1 AND time = $2 ORDER BY parameter',
      [A.stationId, new Date('2024-05-24T03:05:00Z')],
    );
    expect(readings.rows.map((r) => [r.parameter, r.value])).toEqual([
      ['COD', 45.3],
      ['FLOW', 120.5],
      ['PH', 7.12],
    ]);
    await receiver.idle();
    expect(await readdir(path.join(dataDir, 'ftp', A.code, A.fileCode, '2024', '05', '24'))).toEqual([]);
  });

  it('basic-ftp into a per-station folder (YYYY/ThangMM/NgayDD layout) is stored the same way', async () => {
    const f = dataFile(A.fileCode, 24, 10, 10);
    const c = await connect(receiver.port, A.user, A.password);
    try {
      await c.ensureDir(`/${A.fileCode}/2024/Thang05/Ngay24`);
      await c.uploadFrom(Readable.from(Buffer.from(f.content)), f.name);
    } finally {
      c.close();
    }
    const row = await waitFor(() => ledgerRow(f.name));
    expect(row).toMatchObject({ source: 'ftp', account: A.user, outcome: 'accepted', reading_count: 3 });
  });

  it('refuses a wrong password and an unknown user (curl and basic-ftp)', async () => {
    const f = dataFile(A.fileCode, 24, 10, 15);
    const local = path.join(dataDir, f.name);
    await writeFile(local, f.content);
    const err = await run('curl', ['-sS', '-T', local, `ftp://${A.user}:wrong@127.0.0.1:${receiver.port}/`]).then(
      () => null,
      (e: { code?: number }) => e,
    );
    expect(err?.code).toBe(67); // CURLE_LOGIN_DENIED
    await expect(connect(receiver.port, A.user, 'nope')).rejects.toThrow(/530/);
    await expect(connect(receiver.port, 'no-such-user', A.password)).rejects.toThrow(/530/);
    await new Promise((r) => setTimeout(r, 300));
    expect(await ledgerRow(f.name)).toBeNull();
  });

  it("rejects (with a ledger row) a file for another facility's station", async () => {
    const f = dataFile(A.fileCode, 24, 10, 20);
    const c = await connect(receiver.port, B.user, B.password);
    try {
      await c.uploadFrom(Readable.from(Buffer.from(f.content)), f.name);
    } finally {
      c.close();
    }
    const row = await waitFor(() => ledgerRow(f.name));
    expect(row).toMatchObject({ source: 'ftp', account: B.user, outcome: 'rejected', reading_count: 0 });
    expect(row.reasons.join(' ')).toMatch(/not owned/);
  });

  it('path traversal cannot leave the account folder', async () => {
    const f = dataFile(A.fileCode, 24, 10, 25);
    const c = await connect(receiver.port, A.user, A.password);
    try {
      await c.send('MKD ../../escape-mkd');
      await c.uploadFrom(Readable.from(Buffer.from(f.content)), `../../../etc/${f.name}`);
      expect(await c.pwd()).toBe('/');
      await c.cd('../../..');
      expect(await c.pwd()).toBe('/');
      const sink = new Writable({ write: (_c, _e, cb) => cb() });
      await expect(c.downloadTo(sink, '../../../../../../../../etc/passwd')).rejects.toThrow(/^55\d No such file/);
    } finally {
      c.close();
    }
    // Landed inside the account root (as /etc/<name>) and was ingested from there.
    const row = await waitFor(() => ledgerRow(f.name));
    expect(row.outcome).toBe('accepted');
    expect(existsSync(path.join(dataDir, 'ftp', A.code, 'escape-mkd'))).toBe(true);
    for (const outside of [
      path.join(dataDir, 'escape-mkd'),
      path.join(dataDir, 'ftp', 'escape-mkd'),
      path.join(dataDir, 'etc'),
      path.join(dataDir, 'ftp', 'etc'),
      path.join(path.dirname(dataDir), 'escape-mkd'),
    ]) {
      expect(existsSync(outside), outside).toBe(false);
    }

    // curl sending the dots as-is.
    const g = dataFile(A.fileCode, 24, 10, 30);
    const local = path.join(dataDir, g.name);
    await writeFile(local, g.content);
    await run('curl', [
      '-sS',
      '--path-as-is',
      '--ftp-create-dirs',
      '-T',
      local,
      `ftp://${A.user}:${A.password}@127.0.0.1:${receiver.port}/../../curl-escape/`,
    ]);
    expect((await waitFor(() => ledgerRow(g.name))).outcome).toBe('accepted');
    expect(existsSync(path.join(dataDir, 'curl-escape'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'ftp', 'curl-escape'))).toBe(false);
  });

  it('20 parallel uploads (one session each) are all stored', async () => {
    const before = await readingCount(A.stationId);
    const t0 = Date.now();
    const files = Array.from({ length: 20 }, (_, i) =>
      dataFile(A.fileCode, 25, 8 + Math.floor(i / 12), (i % 12) * 5, 40 + i),
    );
    await Promise.all(
      files.map(async (f, i) => {
        const c = await connect(receiver.port, A.user, A.password);
        try {
          await c.ensureDir(`/${A.fileCode}/${i % 2 === 0 ? '20240525' : 'flat'}`);
          await c.uploadFrom(Readable.from(Buffer.from(f.content)), f.name);
        } finally {
          c.close();
        }
      }),
    );
    console.log('uploads done', Date.now() - t0);
    const rows = await waitFor(async () => {
      const r = await pool().query<{ outcome: string }>('SELECT outcome FROM ingest_file WHERE name = ANY($1)', [
        files.map((f) => f.name),
      ]);
      return r.rows.length === 20 ? r.rows : null;
    });
    console.log('ingested', Date.now() - t0);
    expect(rows.every((r) => r.outcome === 'accepted')).toBe(true);
    expect((await readingCount(A.stationId)) - before).toBe(60);
  });

  it('a file uploaded under a temporary name is ingested when renamed to .txt', async () => {
    const f = dataFile(A.fileCode, 24, 11, 0);
    const c = await connect(receiver.port, A.user, A.password);
    try {
      await c.uploadFrom(Readable.from(Buffer.from(f.content)), `${f.name}.tmp`);
      await new Promise((r) => setTimeout(r, 300));
      expect(await ledgerRow(`${f.name}.tmp`)).toBeNull();
      await c.rename(`${f.name}.tmp`, f.name);
    } finally {
      c.close();
    }
    expect((await waitFor(() => ledgerRow(f.name))).outcome).toBe('accepted');
  });

  it('an empty or garbage upload gets a rejected ledger row and the server keeps serving', async () => {
    const c = await connect(receiver.port, A.user, A.password);
    const name = `BG_${A.fileCode}_20240524120000.txt`;
    try {
      await c.uploadFrom(Readable.from(Buffer.from([0, 1, 2, 255, 254, 0, 0, 7])), name);
      await c.uploadFrom(Readable.from(Buffer.alloc(0)), 'not-a-data-file.txt');
    } finally {
      c.close();
    }
    expect((await waitFor(() => ledgerRow(name))).outcome).toBe('rejected');
    expect((await waitFor(() => ledgerRow('not-a-data-file.txt'))).outcome).toBe('rejected');
    const again = await connect(receiver.port, A.user, A.password);
    again.close();
  });
});

describe('FTP receiver spool', () => {
  it('on start, ingests files left in the spool by a previous run (facility from the folder)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qt-ftp-recover-'));
    const f = dataFile(A.fileCode, 26, 9, 0);
    const other = dataFile(A.fileCode, 26, 9, 5);
    await mkdir(path.join(dir, 'ftp', A.code, 'x', 'y'), { recursive: true });
    await mkdir(path.join(dir, 'ftp', B.code), { recursive: true });
    await writeFile(path.join(dir, 'ftp', A.code, 'x', 'y', f.name), f.content);
    // Found in B's folder: B does not own A's station, so ownership still applies to recovered files.
    await writeFile(path.join(dir, 'ftp', B.code, other.name), other.content);
    const r = await startFtpReceiver({
      host: '127.0.0.1',
      port: 0,
      pasvMin: 31000,
      pasvMax: 31199,
      dataDir: dir,
      log: quiet,
    });
    try {
      await r.idle();
      const row = await waitFor(() => ledgerRow(f.name));
      expect(row).toMatchObject({ source: 'ftp', outcome: 'accepted', account: null });
      expect((await waitFor(() => ledgerRow(other.name))).outcome).toBe('rejected');
      expect(existsSync(path.join(dir, 'ftp', A.code, 'x', 'y', f.name))).toBe(false);
    } finally {
      await r.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps a file whose ingest failed and retries it with the original account', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qt-ftp-retry-'));
    const calls: IngestInput[] = [];
    const ingest = async (input: IngestInput): Promise<IngestResult> => {
      calls.push(input);
      if (calls.length === 1) throw new Error('database unavailable');
      return { fileId: 1, outcome: 'accepted', station: 'X', readings: 3, rejectedLines: [], reasons: [], reasonCodes: [] };
    };
    const r = await startFtpReceiver({
      host: '127.0.0.1',
      port: 0,
      pasvMin: 31000,
      pasvMax: 31199,
      dataDir: dir,
      log: quiet,
      ingest,
      sweepIntervalMs: 200,
      sweepMinAgeMs: 0,
      retryBaseMs: 300,
    });
    const f = dataFile(A.fileCode, 27, 9, 0);
    const spooled = path.join(dir, 'ftp', A.code, f.name);
    try {
      const c = await connect(r.port, A.user, A.password);
      try {
        await c.uploadFrom(Readable.from(Buffer.from(f.content)), f.name);
      } finally {
        c.close();
      }
      await waitFor(async () => calls.length >= 1);
      await r.idle();
      expect(existsSync(spooled)).toBe(true);
      await waitFor(async () => calls.length >= 2 && !existsSync(spooled), 10_000);
      expect(calls[1]).toMatchObject({ name: f.name, account: A.user, facilityId: A.facilityId, source: 'ftp' });
      expect(calls[1]!.bytes.toString()).toBe(f.content);
    } finally {
      await r.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('FTP receiver ingest thread', () => {
  it('a killed ingest thread is restarted and no acknowledged file is lost or recorded twice', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qt-ftp-thread-'));
    const logs: string[] = [];
    const r = await startFtpReceiver({
      host: '127.0.0.1',
      port: 0,
      pasvMin: 31000,
      pasvMax: 31199,
      dataDir: dir,
      log: (l) => logs.push(l),
      ingestThread: true,
      sweepIntervalMs: 200,
      sweepMinAgeMs: 1000,
      retryBaseMs: 200,
    });
    const thread = r.ingestThread;
    expect(thread).not.toBeNull();
    const files = Array.from({ length: 200 }, (_, i) => dataFile(A.fileCode, 28, Math.floor(i / 12), (i % 12) * 5));
    let acked = 0;
    let killed = 0;
    try {
      await Promise.all(
        Array.from({ length: 5 }, async (_, s) => {
          const c = await connect(r.port, A.user, A.password);
          try {
            for (let i = s; i < files.length; i += 5) {
              await c.uploadFrom(Readable.from(Buffer.from(files[i]!.content)), files[i]!.name);
              acked += 1;
              // Twice, mid-stream: files in flight on the thread when it dies stay in the spool for the sweep.
              if ((acked === 60 || acked === 130) && killed < 2) {
                killed += 1;
                await thread!.kill();
              }
            }
          } finally {
            c.close();
          }
        }),
      );
      expect(killed).toBe(2);
      const names = files.map((f) => f.name);
      const rows = await waitFor(async () => {
        const q = await pool().query<{ name: string; n: number; outcome: string }>(
          'SELECT name, count(*)::int AS n, min(outcome::text) AS outcome FROM ingest_file WHERE name = ANY($1) GROUP BY name',
          [names],
        );
        return q.rows.length === names.length && q.rows;
      }, 30_000);
      expect(rows.every((x) => x.n === 1 && x.outcome === 'accepted')).toBe(true);
      await waitFor(async () => (await readdir(path.join(dir, 'ftp', A.code))).length === 0, 10_000);
      const readings = await pool().query<{ n: number }>(
        "SELECT count(*)::int AS n FROM reading WHERE station_id = $1 AND time >= '2024-05-27T17:00:00Z' AND time < '2024-05-28T17:00:00Z'",
        [A.stationId],
      );
      expect(readings.rows[0]!.n).toBe(names.length * 3);
      expect(thread!.restarts()).toBe(2);
      expect(logs.some((l) => /ingest thread exited/.test(l))).toBe(true);
    } finally {
      await r.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
