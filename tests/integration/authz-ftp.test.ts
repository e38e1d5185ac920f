/**
 * FTP facility isolation: facility A's account cannot list, read, write, rename into or create folders in facility B's
 * spool folder by any path spelling, and a file for B's station uploaded by A is rejected (recorded, nothing stored).
 * Complements tests/integration/ftp-receiver.test.ts (traversal out of the account root, B delivering A's station).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { FileInfo } from 'basic-ftp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { disconnectDb } from '@/lib/db/client';
import type { FtpReceiver } from '@/worker/ftp-server';
import {
  connectFtp,
  createFtpFacility,
  curlUpload,
  startTestReceiver,
  uploadFtp,
  type FtpFacility,
} from '../support/ftp';
import { dataFile, ledgerRow, readingCount } from '../support/ingest';
import { waitFor } from '../support/wait';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';

let A: FtpFacility;
let B: FtpFacility;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qt-authz-ftp-'));
let receiver: FtpReceiver;
let bDir: string;
const SECRET = 'facility B private bytes\n';

const connect = () => connectFtp(receiver.port, A);

beforeAll(async () => {
  A = await createFtpFacility('FA');
  B = await createFtpFacility('FB', {
    activeFrom: new Date('2024-05-01T00:00:00Z'),
    parameters: [{ parameter: 'COD', limitMax: 75 }],
  });
  receiver = await startTestReceiver({ pasvMin: 31200, pasvMax: 31399, dataDir });
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
    const c = await connect();
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
    const c = await connect();
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
    const c = await connect();
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
    for (const p of [`../${B.code}/`, `%2e%2e/${B.code}/`, `../../ftp/${B.code}/`]) {
      await curlUpload(
        dataDir,
        { name: 'curl-plant.dat', content: 'curl' },
        { port: receiver.port, login: A, folder: p },
        ['--path-as-is', '--ftp-create-dirs'],
      );
    }
    expect(existsSync(path.join(bDir, 'curl-plant.dat'))).toBe(false);
    expect((await readdir(bDir)).sort()).toEqual(['sub']);
  });

  it("a file for B's station delivered by A is rejected with a ledger row; no reading stored", async () => {
    const f = dataFile(B.fileCode, '20240524100500', { COD: '45.3' });
    await uploadFtp(receiver.port, A, f.name, f.content);
    const row = await waitFor(() => ledgerRow(f.name));
    expect(row).toMatchObject({ outcome: 'rejected', account: A.user });
    expect(row.reasons.join(' ')).toMatch(/not owned/);
    expect(await readingCount(B.stationId)).toBe(0);
  });
});
