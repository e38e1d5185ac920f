import { existsSync, mkdtempSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { disconnectDb, pool } from '@/lib/db/client';
import type { IngestInput, IngestResult } from '@/lib/services/ingest';
import type { FtpReceiver } from '@/worker/ftp-server';
import { connectFtp, createFtpFacility, curlUpload, startTestReceiver, uploadFtp, type FtpFacility } from '../support/ftp';
import { compactStamp, dataFile as circularFile, ledgerRow, readingCount } from '../support/ingest';
import { sleep, waitFor } from '../support/wait';

process.env.DATABASE_URL = inject('databaseUrl');
// lib/env.ts fails to parse when DEMO is unset (reported to the lead); env() is read lazily.
process.env.DEMO ??= '0';

/** A Circular-10 file for the station at local time 2024-05-DD HH:MM. */
const dataFile = (fileCode: string, day: number, hour: number, minute: number, cod = 45.3) =>
  circularFile(fileCode, compactStamp(2024, 5, day, hour, minute), { COD: cod.toFixed(1), PH: '7.12', FLOW: '120.5' });

const PASV = { pasvMin: 31000, pasvMax: 31199 };
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qt-ftp-'));
let receiver: FtpReceiver;
let A: FtpFacility;
let B: FtpFacility;

beforeAll(async () => {
  A = await createFtpFacility('FA', { activeFrom: new Date('2024-05-01T00:00:00Z') });
  B = await createFtpFacility('FB');
  receiver = await startTestReceiver({ ...PASV, dataDir });
});

afterAll(async () => {
  await receiver?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await disconnectDb();
});

describe('FTP receiver', () => {
  it('curl -T with --ftp-create-dirs: readings stored, ledger row with source ftp and the account, spool emptied', async () => {
    const f = dataFile(A.fileCode, 24, 10, 5);
    const curl = await curlUpload(dataDir, f, { port: receiver.port, login: A, folder: `${A.fileCode}/2024/05/24/` }, ['--ftp-create-dirs']);
    expect(curl.code, curl.stderr).toBe(0);
    const row = await waitFor(() => ledgerRow(f.name));
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
    await uploadFtp(receiver.port, A, f.name, f.content, { dir: `/${A.fileCode}/2024/Thang05/Ngay24` });
    const row = await waitFor(() => ledgerRow(f.name));
    expect(row).toMatchObject({ source: 'ftp', account: A.user, outcome: 'accepted', reading_count: 3 });
  });

  it('refuses a wrong password and an unknown user (curl and basic-ftp)', async () => {
    const f = dataFile(A.fileCode, 24, 10, 15);
    const curl = await curlUpload(dataDir, f, { port: receiver.port, login: { user: A.user, password: 'wrong' } });
    expect(curl.code).toBe(67); // CURLE_LOGIN_DENIED
    await expect(connectFtp(receiver.port, { user: A.user, password: 'nope' })).rejects.toThrow(/530/);
    await expect(connectFtp(receiver.port, { user: 'no-such-user', password: A.password })).rejects.toThrow(/530/);
    await sleep(300);
    expect(await ledgerRow(f.name)).toBeNull();
  });

  it("rejects (with a ledger row) a file for another facility's station", async () => {
    const f = dataFile(A.fileCode, 24, 10, 20);
    await uploadFtp(receiver.port, B, f.name, f.content);
    const row = await waitFor(() => ledgerRow(f.name));
    expect(row).toMatchObject({ source: 'ftp', account: B.user, outcome: 'rejected', reading_count: 0 });
    expect(row.reasons.join(' ')).toMatch(/not owned/);
  });

  it('path traversal cannot leave the account folder', async () => {
    const f = dataFile(A.fileCode, 24, 10, 25);
    const c = await connectFtp(receiver.port, A);
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
    const curl = await curlUpload(dataDir, g, { port: receiver.port, login: A, folder: '../../curl-escape/' }, ['--path-as-is', '--ftp-create-dirs']);
    expect(curl.code, curl.stderr).toBe(0);
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
      files.map((f, i) =>
        uploadFtp(receiver.port, A, f.name, f.content, { dir: `/${A.fileCode}/${i % 2 === 0 ? '20240525' : 'flat'}` }),
      ),
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
    const c = await connectFtp(receiver.port, A);
    try {
      await c.uploadFrom(Readable.from(Buffer.from(f.content)), `${f.name}.tmp`);
      await sleep(300);
      expect(await ledgerRow(`${f.name}.tmp`)).toBeNull();
      await c.rename(`${f.name}.tmp`, f.name);
    } finally {
      c.close();
    }
    expect((await waitFor(() => ledgerRow(f.name))).outcome).toBe('accepted');
  });

  it('an empty or garbage upload gets a rejected ledger row and the server keeps serving', async () => {
    const c = await connectFtp(receiver.port, A);
    const name = `BG_${A.fileCode}_20240524120000.txt`;
    try {
      await c.uploadFrom(Readable.from(Buffer.from([0, 1, 2, 255, 254, 0, 0, 7])), name);
      await c.uploadFrom(Readable.from(Buffer.alloc(0)), 'not-a-data-file.txt');
    } finally {
      c.close();
    }
    expect((await waitFor(() => ledgerRow(name))).outcome).toBe('rejected');
    expect((await waitFor(() => ledgerRow('not-a-data-file.txt'))).outcome).toBe('rejected');
    const again = await connectFtp(receiver.port, A);
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
    const r = await startTestReceiver({ ...PASV, dataDir: dir });
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
    const r = await startTestReceiver({
      ...PASV,
      dataDir: dir,
      ingest,
      sweepIntervalMs: 200,
      sweepMinAgeMs: 0,
      retryBaseMs: 300,
    });
    const f = dataFile(A.fileCode, 27, 9, 0);
    const spooled = path.join(dir, 'ftp', A.code, f.name);
    try {
      await uploadFtp(r.port, A, f.name, f.content);
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
    const r = await startTestReceiver({
      ...PASV,
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
          const c = await connectFtp(r.port, A);
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
