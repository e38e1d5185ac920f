import { mkdtemp, mkdir, readdir, rm, stat, writeFile, rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IngestInput, IngestResult } from '../lib/services/ingest';
import { createIngestQueue, listSpoolFiles, processSpooledFile, type SpoolMeta } from './spool';

const META: SpoolMeta = { account: 'acc', facilityId: 7, remoteAddress: '127.0.0.1' };
const ok = (name: string): IngestResult => ({
  fileId: 1,
  outcome: 'accepted',
  station: 'S',
  readings: 1,
  rejectedLines: [],
  reasons: [name],
  reasonCodes: [],
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'qt-spool-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('processSpooledFile', () => {
  it('passes bytes, name, account and facility to ingest, then deletes the file', async () => {
    const f = path.join(dir, 'BG_X_Y_20240524100500.txt');
    await writeFile(f, 'COD\t1\tmg/L\t20240524100500\t00\r\n');
    const seen: IngestInput[] = [];
    const out = await processSpooledFile(f, META, async (i) => {
      seen.push(i);
      return ok(i.name);
    });
    expect(out.status).toBe('ingested');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      source: 'ftp',
      name: 'BG_X_Y_20240524100500.txt',
      account: 'acc',
      facilityId: 7,
      remoteAddress: '127.0.0.1',
    });
    expect(seen[0]!.bytes.toString()).toBe('COD\t1\tmg/L\t20240524100500\t00\r\n');
    expect(seen[0]!.receivedAt).toBeInstanceOf(Date);
    await expect(stat(f)).rejects.toThrow(/ENOENT/);
  });

  it('keeps the file when ingest throws (database down)', async () => {
    const f = path.join(dir, 'a.txt');
    await writeFile(f, 'x');
    const out = await processSpooledFile(f, META, async () => {
      throw new Error('connection refused');
    });
    expect(out).toEqual({ status: 'kept', error: 'connection refused' });
    expect((await stat(f)).isFile()).toBe(true);
  });

  it('does not delete a file replaced by a new upload while the old one was being ingested', async () => {
    const f = path.join(dir, 'a.txt');
    await writeFile(f, 'old');
    const out = await processSpooledFile(f, META, async () => {
      const tmp = path.join(dir, 'tmp');
      await writeFile(tmp, 'new content');
      await rename(tmp, f);
      return ok('a');
    });
    expect(out.status).toBe('ingested');
    expect((await stat(f)).size).toBe('new content'.length);
  });

  it('reports a vanished file as missing', async () => {
    const out = await processSpooledFile(path.join(dir, 'nope.txt'), META, async () => ok('x'));
    expect(out).toEqual({ status: 'missing' });
  });
});

describe('createIngestQueue', () => {
  it('serialises work on one path and bounds concurrency across paths', async () => {
    let running = 0;
    let peak = 0;
    const order: string[] = [];
    const q = createIngestQueue({
      concurrency: 2,
      ingest: async (i) => {
        running++;
        peak = Math.max(peak, running);
        order.push(`start ${i.name} ${i.bytes.toString()}`);
        await new Promise((r) => setTimeout(r, 20));
        order.push(`end ${i.name}`);
        running--;
        return ok(i.name);
      },
    });
    const files = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const f = path.join(dir, `f${i}.txt`);
        await writeFile(f, `v${i}`);
        return f;
      }),
    );
    const results = await Promise.all([...files.map((f) => q.enqueue(f, META)), q.enqueue(files[0]!, META)]);
    await q.drain();
    expect(peak).toBe(2);
    // The second request for f0 ran after the first finished and found the file already gone.
    expect(results.at(-1)).toEqual({ status: 'missing' });
    expect(order.filter((l) => l.startsWith('start f0'))).toHaveLength(1);
    expect(await readdir(dir)).toEqual([]);
    expect(q.busy(files[0]!)).toBe(false);
  });

  it('never rejects, even when the outcome callback throws', async () => {
    const f = path.join(dir, 'x.txt');
    await writeFile(f, 'x');
    const q = createIngestQueue({
      ingest: async () => ok('x'),
      onOutcome: () => {
        throw new Error('boom');
      },
    });
    await expect(q.enqueue(f, META)).resolves.toMatchObject({ status: 'ingested' });
  });

  it('hands files to a replacement processor (the ingest thread) and reports its outcomes', async () => {
    const seen: string[] = [];
    const outcomes: string[] = [];
    const q = createIngestQueue({
      ingest: async () => {
        throw new Error('not used');
      },
      process: async (filePath) => {
        seen.push(path.basename(filePath));
        return filePath.endsWith('a.txt') ? { status: 'ingested', result: ok('a') } : { status: 'kept', error: 'died' };
      },
      onOutcome: (_p, _m, o) => outcomes.push(o.status),
    });
    await Promise.all([q.enqueue(path.join(dir, 'a.txt'), META), q.enqueue(path.join(dir, 'b.txt'), META)]);
    await q.drain();
    expect(seen.sort()).toEqual(['a.txt', 'b.txt']);
    expect(outcomes.sort()).toEqual(['ingested', 'kept']);
  });
});

describe('listSpoolFiles', () => {
  it('lists files at any depth with the facility folder they sit under', async () => {
    await mkdir(path.join(dir, 'DINHTRAM', 'DINHTRAM_NT01', '2024', '05', '24'), { recursive: true });
    await mkdir(path.join(dir, 'SONDONG', '20240524'), { recursive: true });
    await writeFile(path.join(dir, 'DINHTRAM', 'DINHTRAM_NT01', '2024', '05', '24', 'a.txt'), 'a');
    await writeFile(path.join(dir, 'SONDONG', '20240524', 'b.txt'), 'b');
    await writeFile(path.join(dir, 'SONDONG', 'c.txt'), 'c');
    await writeFile(path.join(dir, 'stray.txt'), 'not in a facility folder');
    const files = (await listSpoolFiles(dir)).map((f) => [path.relative(dir, f.filePath), f.facilityCode]).sort();
    expect(files).toEqual([
      ['DINHTRAM/DINHTRAM_NT01/2024/05/24/a.txt', 'DINHTRAM'],
      ['SONDONG/20240524/b.txt', 'SONDONG'],
      ['SONDONG/c.txt', 'SONDONG'],
    ]);
  });

  it('returns nothing for a missing root', async () => {
    expect(await listSpoolFiles(path.join(dir, 'missing'))).toEqual([]);
  });
});
