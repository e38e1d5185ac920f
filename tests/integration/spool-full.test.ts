/**
 * A full spool disk makes the FTP receiver refuse uploads with a storage error (452 / 552) instead of acknowledging
 * files it cannot keep: (1) a free-space floor above the real free space refuses STOR before any byte is taken;
 * (2) a real full disk (a tiny tmpfs as DATA_DIR, when mounting is permitted) fails the write with ENOSPC: the partial
 * file is deleted and the client gets 452. In both cases nothing reaches the ledger, and the same file sent again
 * once there is room is accepted (the logger's retry loses nothing).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { disconnectDb, pool } from '@/lib/db/client';
import type { FtpReceiver } from '@/worker/ftp-server';
import { freeBytes } from '@/worker/spool-space';
import { createFtpFacility, curlUpload, run, startTestReceiver, uploadFtp, type FtpFacility } from '../support/ftp';
import { dataFile as circularFile, ledgerRows } from '../support/ingest';
import { waitFor } from '../support/wait';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';

let F: FtpFacility;

function dataFile(minute: number) {
  const stamp = `20240524${String(10 + Math.floor(minute / 60)).padStart(2, '0')}${String(minute % 60).padStart(2, '0')}00`;
  return circularFile(F.fileCode, stamp, { COD: '45.3', PH: '7.10' });
}

const ledgerCount = async (name: string) => (await ledgerRows(name)).length;

const upload = (port: number, name: string, bytes: Buffer) => uploadFtp(port, F, name, bytes, { timeoutMs: 15_000 });

/**
 * STOR over a bare control connection: sends the bytes (ignoring a broken data connection) and returns the reply that
 * follows 150, the one a logger decides on (226 = stored, anything else = keep the file and retry).
 */
async function rawStor(port: number, name: string, bytes: Buffer): Promise<string> {
  const ctl = net.connect(port, '127.0.0.1');
  ctl.setEncoding('utf8');
  let buffer = '';
  const waiters: ((line: string) => void)[] = [];
  ctl.on('data', (d: string) => {
    buffer += d;
    for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      // Final lines only ("123 text"), not continuation lines ("123-text").
      if (/^\d{3} /.test(line)) waiters.shift()?.(line);
    }
  });
  const next = () => new Promise<string>((resolve) => waiters.push(resolve));
  const cmd = (c: string) => {
    const p = next();
    ctl.write(`${c}\r\n`);
    return p;
  };
  try {
    expect(await next()).toMatch(/^220/);
    expect(await cmd(`USER ${F.user}`)).toMatch(/^331/);
    expect(await cmd(`PASS ${F.password}`)).toMatch(/^230/);
    expect(await cmd('TYPE I')).toMatch(/^200/);
    const pasv = await cmd('PASV');
    const m = /\((\d+),(\d+),(\d+),(\d+),(\d+),(\d+)\)/.exec(pasv);
    if (!m) throw new Error(`bad PASV reply ${pasv}`);
    const data = net.connect(Number(m[5]) * 256 + Number(m[6]), '127.0.0.1');
    data.on('error', () => undefined);
    await new Promise((resolve) => data.once('connect', resolve));
    const first = await cmd(`STOR ${name}`);
    if (!first.startsWith('150')) return first;
    const final = next();
    data.end(bytes);
    return await final;
  } finally {
    ctl.destroy();
  }
}

/** Every file left under the receiver's folders (spool and temporary uploads). */
async function filesUnder(dataDir: string): Promise<string[]> {
  const out: string[] = [];
  for (const sub of ['ftp', 'ftp-tmp']) {
    const dir = path.join(dataDir, sub);
    if (!existsSync(dir)) continue;
    for (const f of (await readdir(dir, { recursive: true, withFileTypes: true })) as {
      name: string;
      isFile(): boolean;
    }[]) {
      if (f.isFile()) out.push(f.name);
    }
  }
  return out;
}

const start = (dataDir: string, spoolMinFreeBytes: number) =>
  startTestReceiver({ pasvMin: 31400, pasvMax: 31599, dataDir, spoolMinFreeBytes });

beforeAll(async () => {
  F = await createFtpFacility('FS', { activeFrom: new Date('2024-05-01T00:00:00Z') });
});

afterAll(async () => {
  await disconnectDb();
});

describe('spool free-space floor', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'qt-spool-floor-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses STOR with 452 (basic-ftp and curl) when free space is at the floor; the retry after is accepted', async () => {
    const f = dataFile(0);
    const floor = (await freeBytes(dataDir)) + 1024 ** 4;
    let r: FtpReceiver = await start(dataDir, floor);
    try {
      await expect(upload(r.port, f.name, Buffer.from(f.content))).rejects.toThrow(/^452 Insufficient storage/);

      const curl = await curlUpload(dataDir, f, { port: r.port, login: F });
      expect(curl.code).toBe(25); // CURLE_UPLOAD_FAILED
      expect(curl.stderr).toMatch(/452/);
      await rm(path.join(dataDir, f.name));

      await r.idle();
      expect(await filesUnder(dataDir)).toEqual([]);
      expect(await ledgerCount(f.name)).toBe(0);
    } finally {
      await r.stop();
    }

    // Room again (the floor lowered): the logger's next attempt is stored and ingested exactly once.
    r = await start(dataDir, 0);
    try {
      await upload(r.port, f.name, Buffer.from(f.content));
      await waitFor(async () => (await ledgerCount(f.name)) === 1);
      await r.idle();
      const row = await pool().query<{ outcome: string }>('SELECT outcome FROM ingest_file WHERE name = $1', [f.name]);
      expect(row.rows[0]!.outcome).toBe('accepted');
    } finally {
      await r.stop();
    }
  });
});

describe('spool disk really full (tmpfs)', () => {
  let mountDir: string | null = null;
  let skipReason = '';

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qt-spool-tmpfs-'));
    // 3 MB: room for the receiver's folders and a small file, not for the 8 MB upload below.
    const ok = await run('mount', ['-t', 'tmpfs', '-o', 'size=3m,mode=0755', 'tmpfs', dir]).then(
      () => true,
      (e: { stderr?: string; message?: string }) => {
        skipReason = (e.stderr || e.message || 'mount failed').trim();
        return false;
      },
    );
    if (ok) mountDir = dir;
    else await rm(dir, { recursive: true, force: true });
  });

  afterAll(async () => {
    if (!mountDir) return;
    await run('umount', [mountDir]).catch(() => undefined);
    await rm(mountDir, { recursive: true, force: true });
  });

  it('ENOSPC during the upload: 452, partial file deleted, nothing acknowledged or recorded; a later small file is accepted', async (ctx) => {
    if (!mountDir) {
      console.warn(`SKIPPED tmpfs spool test: mounting a tmpfs is not permitted here (${skipReason})`);
      ctx.skip();
      return;
    }
    await mkdir(mountDir, { recursive: true });
    const r = await start(mountDir, 0);
    try {
      const big = dataFile(5);
      // A data file padded with comment-free garbage lines far beyond the tmpfs size.
      const bytes = Buffer.concat([Buffer.from(big.content), Buffer.alloc(8 * 1024 * 1024, 0x41)]);
      // basic-ftp: the server drops the data connection as soon as the write fails, so the client may see that first.
      await expect(upload(r.port, big.name, bytes)).rejects.toThrow(/^452 Insufficient storage|ECONNRESET|EPIPE/);
      // (curl likewise stops at "Send failure".) A plain client that reads the control reply after the data breaks gets 452.
      expect(await rawStor(r.port, big.name, bytes)).toMatch(/^452 Insufficient storage/);
      await r.idle();
      expect(await filesUnder(mountDir)).toEqual([]);
      expect(await ledgerCount(big.name)).toBe(0);
      // The space of the partial file came back.
      expect(await freeBytes(mountDir)).toBeGreaterThan(2 * 1024 * 1024);

      const small = dataFile(10);
      await upload(r.port, small.name, Buffer.from(small.content));
      await waitFor(async () => (await ledgerCount(small.name)) === 1);
    } finally {
      await r.stop();
    }
  });
});
