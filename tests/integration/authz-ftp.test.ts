/**
 * FTP facility isolation: facility A's account cannot list, read, write, rename into or create folders in facility B's
 * spool folder by any path spelling, and a file for B's station uploaded by A is rejected (recorded, nothing stored).
 * Complements tests/integration/ftp-receiver.test.ts (traversal out of the account root, B delivering A's station).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { promisify } from 'node:util';
import { Client, type FileInfo } from 'basic-ftp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { disconnectDb, pool } from '@/lib/db/client';
import { createFacility } from '@/lib/db/facilities';
import { createFtpAccount } from '@/lib/db/ftp-accounts';
import { createStation } from '@/lib/db/stations';
import { hashPassword } from '@/lib/services/accounts';
import { startFtpReceiver, type FtpReceiver } from '@/worker/ftp-server';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';

const run = promisify(execFile);
const uid = (p: string) =>
  `${p}${Date.now().toString(36).toUpperCase()}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;

const A = { code: uid('FA'), user: uid('ua').toLowerCase(), password: 'pass-a-123' };
const B = { code: uid('FB'), user: uid('ub').toLowerCase(), password: 'pass-b-456', fileCode: '', stationId: 0 };
let dataDir: string;
let receiver: FtpReceiver;
let bDir: string;
const SECRET = 'facility B private bytes\n';

async function connect(user: string, password: string): Promise<Client> {
  const c = new Client(10_000);
  await c.access({ host: '127.0.0.1', port: receiver.port, user, password });
  return c;
}

async function waitFor<T>(probe: () => Promise<T | null | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'qt-authz-ftp-'));
  const fa = await createFacility({ code: A.code, name: 'Công ty A' });
  const fb = await createFacility({ code: B.code, name: 'Công ty B' });
  B.fileCode = `${B.code}_NT01`;
  const st = await createStation({
    code: `NT_${B.code}`,
    fileCode: B.fileCode,
    name: 'Trạm B',
    kind: 'wastewater',
    facilityId: fb.id,
    lat: 21.25,
    lon: 106.1,
    activeFrom: new Date('2024-05-01T00:00:00Z'),
    parameters: [{ parameter: 'COD', unit: 'mg/L', limitMax: 75 }],
  });
  B.stationId = st.id;
  await createFtpAccount({ username: A.user, passwordHash: await hashPassword(A.password), facilityId: fa.id });
  await createFtpAccount({ username: B.user, passwordHash: await hashPassword(B.password), facilityId: fb.id });
  receiver = await startFtpReceiver({
    host: '127.0.0.1',
    port: 0,
    pasvMin: 31200,
    pasvMax: 31399,
    dataDir,
    log: () => undefined,
  });
  // A file waiting in B's folder (not a data name: the periodic sweep leaves young files alone anyway).
  bDir = path.join(dataDir, 'ftp', B.code);
  await mkdir(path.join(bDir, 'sub'), { recursive: true });
  await writeFile(path.join(bDir, 'sub', 'private.dat'), SECRET);
});

afterAll(async () => {
  await receiver?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await disconnectDb();
});

/** Every spelling of "B's folder" as seen from A's session. */
const spellings = () => [
  `../${B.code}`,
  `/../${B.code}`,
  `../../ftp/${B.code}`,
  `/../../ftp/${B.code}`,
  `..\\${B.code}`,
  path.join(dataDir, 'ftp', B.code),
  `./%2e%2e/${B.code}`,
];

describe("FTP: facility A cannot reach facility B's folder", () => {
  it('LIST and CWD never show B’s files', async () => {
    const c = await connect(A.user, A.password);
    try {
      for (const p of spellings()) {
        const listing = await c.list(p).then(
          (l: FileInfo[]) => l.map((f) => f.name),
          () => [] as string[],
        );
        expect(listing, p).not.toContain('sub');
        expect(listing, p).not.toContain('private.dat');
        const cd = await c.cd(p).then(
          () => 'ok',
          () => 'refused',
        );
        if (cd === 'ok') {
          // Whatever the spelling, the session is still inside A's own root.
          expect(await c.list().then((l) => l.map((f) => f.name))).not.toContain('sub');
          await c.cd('/');
        }
      }
    } finally {
      c.close();
    }
  });

  it('RETR of B’s file fails by every path', async () => {
    const c = await connect(A.user, A.password);
    try {
      for (const p of spellings()) {
        const chunks: Buffer[] = [];
        const sink = new Writable({
          write: (chunk: Buffer, _e, cb) => {
            chunks.push(chunk);
            cb();
          },
        });
        await expect(c.downloadTo(sink, `${p}/sub/private.dat`), p).rejects.toThrow(/^55\d/);
        expect(Buffer.concat(chunks).toString()).not.toContain('private');
      }
    } finally {
      c.close();
    }
  });

  it('STOR, MKD, RNTO and DELE aimed at B’s folder land in A’s own folder or fail; B’s folder is unchanged', async () => {
    const before = (await readdir(bDir, { recursive: true })).sort();
    const c = await connect(A.user, A.password);
    try {
      let i = 0;
      for (const p of spellings()) {
        i += 1;
        await c.uploadFrom(Readable.from(Buffer.from('x')), `${p}/planted-${i}.dat`).catch(() => undefined);
        await c.send(`MKD ${p}/made-${i}`).catch(() => undefined);
        await c.uploadFrom(Readable.from(Buffer.from('y')), `own-${i}.dat`);
        await c.rename(`own-${i}.dat`, `${p}/renamed-${i}.dat`).catch(() => undefined);
        await c.send(`DELE ${p}/sub/private.dat`).catch(() => undefined);
        await c.send(`RMD ${p}/sub`).catch(() => undefined);
      }
    } finally {
      c.close();
    }
    expect((await readdir(bDir, { recursive: true })).sort()).toEqual(before);
    expect(await readFile(path.join(bDir, 'sub', 'private.dat'), 'utf8')).toBe(SECRET);
    // Nothing was created next to the facility folders either.
    expect((await readdir(path.join(dataDir, 'ftp'))).sort()).toEqual([A.code, B.code].sort());
  });

  it('curl with --path-as-is cannot write into B’s folder', async () => {
    const local = path.join(dataDir, 'curl-plant.dat');
    await writeFile(local, 'curl');
    for (const p of [`../${B.code}/`, `%2e%2e/${B.code}/`, `../../ftp/${B.code}/`]) {
      await run('curl', [
        '-sS',
        '--path-as-is',
        '--ftp-create-dirs',
        '-T',
        local,
        `ftp://${A.user}:${A.password}@127.0.0.1:${receiver.port}/${p}`,
      ]).catch(() => undefined);
    }
    expect(existsSync(path.join(bDir, 'curl-plant.dat'))).toBe(false);
    expect((await readdir(bDir)).sort()).toEqual(['sub']);
  });

  it("a file for B's station delivered by A is rejected with a ledger row; no reading stored", async () => {
    const stamp = '20240524100500';
    const name = `BG_${B.fileCode}_${stamp}.txt`;
    const c = await connect(A.user, A.password);
    try {
      await c.uploadFrom(Readable.from(Buffer.from(`COD\t45.3\tmg/L\t${stamp}\t00\r\n`)), name);
    } finally {
      c.close();
    }
    const row = await waitFor(async () => {
      const r = await pool().query<{ outcome: string; account: string; reasons: string[] }>(
        'SELECT outcome, account, reasons FROM ingest_file WHERE name = $1',
        [name],
      );
      return r.rows[0];
    });
    expect(row).toMatchObject({ outcome: 'rejected', account: A.user });
    expect(row.reasons.join(' ')).toMatch(/not owned/);
    const n = await pool().query<{ n: string }>('SELECT count(*) AS n FROM reading WHERE station_id = $1', [
      B.stationId,
    ]);
    expect(Number(n.rows[0]!.n)).toBe(0);
  });
});
