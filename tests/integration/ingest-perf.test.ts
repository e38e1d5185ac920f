/**
 * The fast paths added for the ingest benchmark keep the slow paths' results: the bulk COPY path (and its fall-back
 * to insert-if-absent when rows collide), and the raw store hard-linking a durable spool file instead of copying it.
 */
import { mkdtempSync, statSync } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';

import { disconnectDb, pool } from '@/lib/db/client';
import { createFacility } from '@/lib/db/facilities';
import { numberArrayLiteral, textArrayLiteral } from '@/lib/db/pg-arrays';
import { insertReadings, listRawReadings, type ReadingInsert } from '@/lib/db/readings';
import { createStation } from '@/lib/db/stations';
import { formatCompactLocalTime } from '@/lib/domain/time';
import { ingestFile, RECOMPUTE_DEBOUNCE_MS } from '@/lib/services/ingest';
import { RECOMPUTE_JOB } from '@/lib/services/jobs';
import { rawFilePath, readRawFile, storeRaw } from '@/lib/services/ingest';
import { runRecomputeJob } from '@/lib/services/qc';

const uid = (p: string) =>
  `${p}${Date.now().toString(36).slice(-4)}${Math.random().toString(36).slice(2, 7)}`.toUpperCase();

async function station(): Promise<number> {
  return (await stationWithCode()).id;
}

async function stationWithCode(): Promise<{ id: number; fileCode: string }> {
  const f = await createFacility({ code: uid('F'), name: 'Perf test facility' });
  const code = uid('S');
  const s = await createStation({
    code,
    fileCode: `${f.code}_${code}`,
    name: code,
    kind: 'wastewater',
    facilityId: f.id,
    lat: 21,
    lon: 106,
    parameters: ['COD', 'PH'].map((p) => ({ parameter: p, unit: p === 'PH' ? '-' : 'mg/L' })),
  });
  return { id: s.id, fileCode: `${f.code}_${code}` };
}

afterAll(async () => {
  await disconnectDb();
});

describe('insertReadings: COPY path', () => {
  it('stores every column as the insert path does, reasons with quotes, commas and backslashes included', async () => {
    const id = await station();
    const base = Date.parse('2024-09-01T00:00:00Z');
    const rows: ReadingInsert[] = Array.from({ length: 3000 }, (_, i) => ({
      stationId: id,
      parameter: i % 2 ? 'COD' : 'PH',
      time: new Date(base + Math.floor(i / 2) * 300_000),
      value: i % 2 ? i / 7 : 7 + i / 100_000,
      deviceStatus: i % 500 === 0 ? '01' : '00',
      fileId: null,
      qcReasons: i === 1 ? ['clock_ahead', 'a,b', 'q"uote', 'back\\slash', 'tab\there'] : undefined,
    }));
    expect(await insertReadings(rows)).toEqual({ inserted: 3000, duplicates: 0, conflicts: 0 });
    const [weird] = await listRawReadings(id, 'COD', new Date(base), new Date(base + 1));
    expect(weird).toEqual({
      time: new Date(base),
      value: 1 / 7,
      deviceStatus: '00',
      qcFlag: 2,
      qcReasons: ['clock_ahead', 'a,b', 'q"uote', 'back\\slash', 'tab\there'],
    });
    const [calibrating] = await listRawReadings(id, 'PH', new Date(base), new Date(base + 1));
    expect(calibrating).toEqual({ time: new Date(base), value: 7, deviceStatus: '01', qcFlag: 2, qcReasons: [] });
    const n = await pool().query<{ n: number }>('SELECT count(*)::int AS n FROM reading WHERE station_id = $1', [id]);
    expect(n.rows[0]!.n).toBe(3000);
  });

  it('falls back to insert-if-absent when a row collides: stored values kept, conflicts recorded, repeats are duplicates', async () => {
    const id = await station();
    const base = Date.parse('2024-10-01T00:00:00Z');
    const at = (i: number) => new Date(base + i * 300_000);
    expect(
      await insertReadings([
        { stationId: id, parameter: 'COD', time: at(1500), value: 1, deviceStatus: '00', fileId: null },
      ]),
    ).toEqual({
      inserted: 1,
      duplicates: 0,
      conflicts: 0,
    });
    const rows: ReadingInsert[] = Array.from({ length: 3000 }, (_, i) => ({
      stationId: id,
      parameter: 'COD',
      time: at(i),
      value: 2,
      deviceStatus: '00',
      fileId: null,
    }));
    // The same key twice in one call: the first is inserted, the second is a duplicate.
    rows.push({ ...rows[10]! });
    expect(await insertReadings(rows)).toEqual({ inserted: 2999, duplicates: 1, conflicts: 1 });
    const [kept] = await listRawReadings(id, 'COD', at(1500), new Date(at(1500).getTime() + 1));
    expect(kept!.value).toBe(1);
    const c = await pool().query<{ n: number }>(
      'SELECT count(*)::int AS n FROM reading_conflict WHERE station_id = $1 AND new_value = 2',
      [id],
    );
    expect(c.rows[0]!.n).toBe(1);
  });
});

describe('storeRaw from a durable spool file', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qt-raw-link-'));

  it('hard-links the spool file (same inode, no copy)', async () => {
    const spool = path.join(dataDir, 'spool-a.txt');
    const bytes = Buffer.from(`COD\t12.5\tmg/L\t20250101000000\t00\r\n${uid('x')}`);
    await writeFile(spool, bytes);
    const { ino } = statSync(spool);
    const sha = await storeRaw(bytes, dataDir, { path: spool, ino });
    expect(statSync(rawFilePath(sha, dataDir)).ino).toBe(ino);
    expect(await readRawFile(sha, dataDir)).toEqual(bytes);
  });

  it('writes a copy when the spool path now holds another file (replaced since it was read)', async () => {
    const spool = path.join(dataDir, 'spool-b.txt');
    const bytes = Buffer.from(`original ${uid('y')}`);
    await writeFile(spool, bytes);
    const { ino } = statSync(spool);
    // Replaced by a newer upload under the same name: a new inode with other bytes.
    const newer = path.join(dataDir, 'spool-b.new');
    const h = await open(newer, 'w');
    await h.writeFile(`newer ${uid('z')}`);
    await h.close();
    const { rename } = await import('node:fs/promises');
    await rename(newer, spool);
    const sha = await storeRaw(bytes, dataDir, { path: spool, ino });
    expect(statSync(rawFilePath(sha, dataDir)).ino).not.toBe(statSync(spool).ino);
    expect(await readRawFile(sha, dataDir)).toEqual(bytes);
  });
});

describe('recompute jobs from ingest: debounced and coalesced', () => {
  it("each file's job waits RECOMPUTE_DEBOUNCE_MS; the first job run takes over the others, but not one backing off", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qt-debounce-'));
    const st = await stationWithCode();
    const base = Date.parse('2025-05-01T01:05:00Z');
    for (let h = 0; h < 3; h++) {
      const t = new Date(base + h * 3_600_000);
      const stamp = formatCompactLocalTime(t);
      const r = await ingestFile({
        name: `BG_${st.fileCode}_${stamp}.txt`,
        bytes: Buffer.from(`COD\t${10 + h}\tmg/L\t${stamp}\t00\r\nPH\t7.1\t-\t${stamp}\t00\r\n`),
        source: 'api',
        dataDir,
        now: new Date(t.getTime() + 60_000),
      });
      expect(r.outcome).toBe('accepted');
    }
    const jobs = async () =>
      (
        await pool().query<{ id: number; payload: unknown; due: boolean; run_at: Date }>(
          `SELECT id, payload, run_at <= now() AS due, run_at FROM job WHERE kind = $1 AND done_at IS NULL AND payload->>'stationId' = $2 ORDER BY id`,
          [RECOMPUTE_JOB, String(st.id)],
        )
      ).rows;
    const pending = await jobs();
    expect(pending).toHaveLength(3);
    expect(pending.every((j) => !j.due && j.run_at.getTime() <= Date.now() + RECOMPUTE_DEBOUNCE_MS)).toBe(true);
    // The last one failed once and is backing off.
    await pool().query(`UPDATE job SET attempts = 1, run_at = now() + interval '1 hour' WHERE id = $1`, [
      pending[2]!.id,
    ]);
    await pool().query(
      `UPDATE job SET locked_at = now(), locked_by = 'test', attempts = 1, dedupe_key = NULL WHERE id = $1`,
      [pending[0]!.id],
    );
    const stats = await runRecomputeJob(pending[0]!.payload);
    await pool().query(`UPDATE job SET done_at = now(), locked_at = NULL WHERE id = $1`, [pending[0]!.id]);
    // Two hours of readings went through QC in one run: its own and the debounced one it took over.
    expect(stats?.readings).toBe(4);
    expect((await jobs()).map((j) => j.id)).toEqual([pending[2]!.id]);
  });
});

describe('array literals sent as parameters', () => {
  it('text and numbers read back exactly as sent', async () => {
    const texts = ['COD', 'PM2,5', '', 'NULL', 'a"b', 'c\\d', '{x}', ' sp ', 'Nhiệt độ', null];
    const numbers = [0, -1.5, 1e-7, 1732780800000, null];
    const r = await pool().query<{ t: (string | null)[]; n: (number | null)[] }>('SELECT $1::text[] AS t, $2::float8[] AS n', [
      textArrayLiteral(texts),
      numberArrayLiteral(numbers),
    ]);
    expect(r.rows[0]).toEqual({ t: texts, n: numbers });
  });
});
