import { existsSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { disconnectDb } from '@/lib/db/client';
import { createFacility, type FacilityRow } from '@/lib/db/facilities';
import { ingestFile, type IngestInput, type IngestResult } from '@/lib/services/ingest';
import { startWatchFolder, type WatchFolder } from '@/worker/watch-folder';
import { createFacilityWithStation, uid } from '../support/fixtures';
import { compactStamp, dataFile as circularFile, ledgerRows } from '../support/ingest';
import { sleep } from '../support/wait';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';

const quiet = () => undefined;

/** A Circular-10 file for the station at local time 2024-06-DD HH:MM. */
const dataFile = (fileCode: string, day: number, hour: number, minute: number) =>
  circularFile(fileCode, compactStamp(2024, 6, day, hour, minute), { COD: '41.2', PH: '7.05', FLOW: '99.5' });

let work: string;
let dataDir: string;
const A = { code: '', facilityId: 0, fileCode: '' };
let B: FacilityRow;
const watchers: WatchFolder[] = [];

/** A watcher that never polls on its own: each test drives the polls. */
async function watcher(dir: string, extra: Partial<Parameters<typeof startWatchFolder>[0]> = {}): Promise<WatchFolder> {
  const w = await startWatchFolder({ dir, pollMs: 3_600_000, dataDir, log: quiet, ...extra });
  watchers.push(w);
  return w;
}
async function pollTwice(w: WatchFolder): Promise<void> {
  await w.poll();
  await w.poll();
  await w.idle();
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'qt-watch-'));
  dataDir = path.join(work, 'data');
  const { facility, station } = await createFacilityWithStation({
    code: uid('WA'),
    station: { parameters: ['COD', 'PH', 'FLOW'], activeFrom: new Date('2024-06-01T00:00:00Z') },
  });
  Object.assign(A, { code: facility.code, facilityId: facility.id, fileCode: station.fileCode });
  B = await createFacility({ code: uid('WB'), name: 'Công ty B' });
});

afterEach(async () => {
  await Promise.all(watchers.splice(0).map((w) => w.stop()));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await disconnectDb();
});

describe('watched folder', () => {
  it('ingests a facility folder file as that facility (source watch) and moves it to .done, keeping the layout', async () => {
    const dir = path.join(work, 'w1');
    const f = dataFile(A.fileCode, 3, 10, 5);
    const sub = path.join(dir, A.code, A.fileCode, '2024', 'Thang06', 'Ngay03');
    await mkdir(sub, { recursive: true });
    await writeFile(path.join(sub, f.name), f.content);
    const w = await watcher(dir); // its first poll has seen the file once
    await w.poll();
    await w.idle();
    const [row, ...more] = await ledgerRows(f.name);
    expect(more).toEqual([]);
    expect(row).toMatchObject({ source: 'watch', account: A.code, outcome: 'accepted', reading_count: 3 });
    expect(existsSync(path.join(sub, f.name))).toBe(false);
    expect(existsSync(path.join(dir, '.done', A.code, A.fileCode, '2024', 'Thang06', 'Ngay03', f.name))).toBe(true);
    // .done is not watched: nothing is ingested again.
    await pollTwice(w);
    expect(await ledgerRows(f.name)).toHaveLength(1);
  });

  it('enforces ownership: a file in another facility folder is rejected (recorded, moved away)', async () => {
    const dir = path.join(work, 'w2');
    const f = dataFile(A.fileCode, 3, 10, 10);
    await mkdir(path.join(dir, B.code), { recursive: true });
    await writeFile(path.join(dir, B.code, f.name), f.content);
    const w = await watcher(dir);
    await pollTwice(w);
    const [row] = await ledgerRows(f.name);
    expect(row).toMatchObject({ source: 'watch', account: B.code, outcome: 'rejected', reading_count: 0 });
    expect(row!.reasons.join(' ')).toMatch(/not owned/);
    expect(existsSync(path.join(dir, '.done', B.code, f.name))).toBe(true);
  });

  it('trusts files directly in the folder; WATCH_DELETE removes them after ingest', async () => {
    const dir = path.join(work, 'w3');
    const f = dataFile(A.fileCode, 3, 10, 15);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, f.name), f.content);
    const w = await watcher(dir, { deleteAfter: true });
    await pollTwice(w);
    expect(await ledgerRows(f.name)).toMatchObject([{ source: 'watch', account: null, outcome: 'accepted' }]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('waits until size and mtime hold still across two polls', async () => {
    const dir = path.join(work, 'w4');
    const f = dataFile(A.fileCode, 3, 10, 20);
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, f.name);
    await writeFile(file, f.lines[0] + '\r\n'); // the sending server is still writing
    const w = await watcher(dir); // poll 1: first sight
    await appendFile(file, f.lines[1] + '\r\n');
    await w.poll(); // poll 2: changed
    await w.idle();
    expect(await ledgerRows(f.name)).toEqual([]);
    await appendFile(file, f.lines[2] + '\r\n');
    await w.poll(); // poll 3: changed again
    await w.idle();
    expect(await ledgerRows(f.name)).toEqual([]);
    await w.poll(); // poll 4: stable
    await w.idle();
    expect(await ledgerRows(f.name)).toMatchObject([{ outcome: 'accepted', reading_count: 3 }]);
  });

  it('leaves files of an unknown facility folder, hidden files and young non-.txt files in place', async () => {
    const dir = path.join(work, 'w5');
    const f = dataFile(A.fileCode, 3, 10, 25);
    const g = dataFile(A.fileCode, 3, 10, 30);
    await mkdir(path.join(dir, 'NO_SUCH_FACILITY'), { recursive: true });
    await writeFile(path.join(dir, 'NO_SUCH_FACILITY', f.name), f.content);
    await writeFile(path.join(dir, `.pureftpd-upload.${g.name}`), g.content);
    await writeFile(path.join(dir, `${g.name}.part`), g.content);
    const w = await watcher(dir);
    await pollTwice(w);
    expect(await ledgerRows(f.name)).toEqual([]);
    expect(await ledgerRows(`${g.name}.part`)).toEqual([]);
    expect(existsSync(path.join(dir, 'NO_SUCH_FACILITY', f.name))).toBe(true);
    expect(existsSync(path.join(dir, `${g.name}.part`))).toBe(true);
  });

  it('keeps a file whose ingest failed and retries it later', async () => {
    const dir = path.join(work, 'w6');
    const f = dataFile(A.fileCode, 3, 10, 35);
    await mkdir(path.join(dir, A.code), { recursive: true });
    await writeFile(path.join(dir, A.code, f.name), f.content);
    const calls: IngestInput[] = [];
    const ingest = async (input: IngestInput): Promise<IngestResult> => {
      calls.push(input);
      if (calls.length === 1) throw new Error('database unavailable');
      return ingestFile({ ...input, dataDir });
    };
    const w = await watcher(dir, { ingest, retryBaseMs: 200 });
    await pollTwice(w);
    expect(calls).toHaveLength(1);
    expect(existsSync(path.join(dir, A.code, f.name))).toBe(true);
    await w.poll(); // before the retry time: left alone
    await w.idle();
    expect(calls).toHaveLength(1);
    await sleep(250);
    await w.poll();
    await w.idle();
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ source: 'watch', facilityId: A.facilityId, account: A.code, name: f.name });
    expect(await ledgerRows(f.name)).toMatchObject([{ outcome: 'accepted' }]);
    expect(existsSync(path.join(dir, A.code, f.name))).toBe(false);
  });

  it('a file recorded just before a crash (not yet moved) is not recorded twice', async () => {
    const dir = path.join(work, 'w7');
    const f = dataFile(A.fileCode, 3, 10, 40);
    await mkdir(path.join(dir, A.code), { recursive: true });
    const file = path.join(dir, A.code, f.name);
    await writeFile(file, f.content);
    const st = await stat(file);
    // What the previous process did before dying: recorded it, with the file's mtime as receipt time.
    await ingestFile({
      source: 'watch',
      name: f.name,
      bytes: Buffer.from(f.content),
      account: A.code,
      facilityId: A.facilityId,
      receivedAt: st.mtime,
      dataDir,
    });
    const w = await watcher(dir);
    await pollTwice(w);
    expect(await ledgerRows(f.name)).toHaveLength(1);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(path.join(dir, '.done', A.code, f.name))).toBe(true);
  });

  it('polls on its own timer', async () => {
    const dir = path.join(work, 'w8');
    const f = dataFile(A.fileCode, 3, 10, 45);
    await mkdir(dir, { recursive: true });
    const w = await startWatchFolder({ dir, pollMs: 50, dataDir, log: quiet });
    watchers.push(w);
    await writeFile(path.join(dir, f.name), f.content);
    const end = Date.now() + 10_000;
    while ((await ledgerRows(f.name)).length === 0 && Date.now() < end) await sleep(50);
    expect(await ledgerRows(f.name)).toMatchObject([{ outcome: 'accepted', source: 'watch' }]);
  });
});
