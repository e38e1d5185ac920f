/**
 * Camera images over FTP (issue #21): a real FTP upload of a JPEG named like a data file is kept like a data file —
 * bytes in the raw store, a ledger row in the hash chain, a thumbnail — and shows through the images API; wrong
 * content, a foreign station and a PNG named .jpg are refused with a ledger row. Retention purges old images except
 * those near an alert, and `ledger verify` still passes.
 */
import { mkdtempSync, existsSync } from 'node:fs';
import { rm, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pool, disconnectDb } from '@/lib/db/client';
import { detectImageMime } from '@/lib/domain/camera';
import { formatCompactLocalTime } from '@/lib/domain/time';
import { purgeOldImages, renderTestImage } from '@/lib/services/camera';
import { rawFilePath, verifyLedger } from '@/lib/services/ingest';
import type { FtpReceiver } from '@/worker/ftp-server';
import { createFtpFacility, startTestReceiver, uploadFtp, type FtpFacility } from '../support/ftp';
import { waitFor } from '../support/wait';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qt-camera-'));
let A: FtpFacility;
let B: FtpFacility;
let receiver: FtpReceiver;

type ImageDb = { id: number; file_id: number; source: string; width: number; height: number; mime: string; sha256: string; thumb: Buffer | null; time: Date };
const imagesOf = async (stationId: number) =>
  (await pool().query<ImageDb>('SELECT id, file_id, source, width, height, mime, sha256, thumb, time FROM camera_image WHERE station_id = $1 ORDER BY id', [stationId])).rows;
const ledgerOf = async (name: string) =>
  (await pool().query<{ id: number; outcome: string; source: string; reason_codes: { code: string }[] | null; station_id: number | null }>(
    'SELECT id, outcome, source, reason_codes, station_id FROM ingest_file WHERE name = $1 ORDER BY id DESC LIMIT 1',
    [name],
  )).rows[0];

beforeAll(async () => {
  A = await createFtpFacility('CAMA');
  B = await createFtpFacility('CAMB');
  receiver = await startTestReceiver({ pasvMin: 32206, pasvMax: 32225, dataDir });
});

afterAll(async () => {
  await receiver?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await disconnectDb();
});

const at = new Date('2026-12-08T03:55:00Z');
const nameFor = (fileCode: string, t: Date, ext = 'jpg') => `BG_${fileCode}_${formatCompactLocalTime(t)}.${ext}`;

describe('camera images over FTP', () => {
  it('keeps a JPEG: raw bytes, ledger row, thumbnail, size; the spool is emptied', async () => {
    const jpeg = await renderTestImage({ width: 640, height: 360, hue: 40 });
    const name = nameFor(A.fileCode, at);
    await uploadFtp(receiver.port, A, name, jpeg, { dir: 'camera' });
    const [img] = await waitFor(async () => {
      await receiver.idle();
      const rows = await imagesOf(A.stationId);
      return rows.length > 0 ? rows : null;
    });
    expect(img).toMatchObject({ source: 'ftp', width: 640, height: 360, mime: 'image/jpeg' });
    expect(img!.time.toISOString()).toBe(at.toISOString());
    expect(detectImageMime(img!.thumb!)).toBe('image/jpeg');
    expect(img!.thumb!.length).toBeLessThan(jpeg.length);
    expect(existsSync(rawFilePath(img!.sha256, dataDir))).toBe(true);
    const row = await ledgerOf(name);
    expect(row).toMatchObject({ id: img!.file_id, outcome: 'accepted', source: 'ftp', station_id: A.stationId });
    expect(await readdir(path.join(dataDir, 'ftp', A.code, 'camera'))).toEqual([]);
    // The same upload again is a duplicate, not a second image.
    await uploadFtp(receiver.port, A, name, jpeg, { dir: 'camera' });
    await waitFor(async () => {
      await receiver.idle();
      return (await ledgerOf(name))?.outcome === 'duplicate';
    });
    expect(await imagesOf(A.stationId)).toHaveLength(1);
  });

  it.each([
    ['text named .jpg', 'a', () => Buffer.from('COD 12 mg/L 20261208105500 00\n'), 'not_an_image'],
    ['PNG named .jpg', 'b', () => renderTestImage({ width: 20, height: 20, hue: 1, format: 'png' }), 'not_an_image'],
    ['JPEG magic with a broken body', 'c', () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]), 'not_an_image'],
  ])('refuses %s with a ledger row', async (_l, sec, make, code) => {
    const name = nameFor(A.fileCode, new Date(at.getTime() + sec.charCodeAt(0) * 1000));
    await uploadFtp(receiver.port, A, name, await make());
    const row = await waitFor(async () => {
      await receiver.idle();
      return ledgerOf(name);
    });
    expect(row).toMatchObject({ outcome: 'rejected', source: 'ftp' });
    expect(row!.reason_codes?.map((r) => r.code)).toEqual([code]);
    expect(await imagesOf(A.stationId)).toHaveLength(1);
  });

  it("refuses an image of another facility's station (not_owned)", async () => {
    const name = nameFor(B.fileCode, at);
    await uploadFtp(receiver.port, A, name, await renderTestImage({ width: 32, height: 32, hue: 9 }));
    const row = await waitFor(async () => {
      await receiver.idle();
      return ledgerOf(name);
    });
    expect(row!.outcome).toBe('rejected');
    expect(row!.reason_codes?.map((r) => r.code)).toEqual(['not_owned']);
    expect(await imagesOf(B.stationId)).toHaveLength(0);
  });

  it('a PNG named .png is kept', async () => {
    const name = nameFor(A.fileCode, new Date(at.getTime() + 600_000), 'png');
    await uploadFtp(receiver.port, A, name, await renderTestImage({ width: 50, height: 40, hue: 120, format: 'png' }));
    await waitFor(async () => {
      await receiver.idle();
      return (await imagesOf(A.stationId)).length === 2;
    });
    expect((await imagesOf(A.stationId))[1]).toMatchObject({ mime: 'image/png', width: 50, height: 40 });
  });
});

describe('retention', () => {
  it('purges images older than the retention except those near an alert; ledger verify still passes', async () => {
    const now = new Date('2027-06-01T00:00:00Z');
    // Two more images, then age all of them: one sits inside an alert episode (kept), the others do not.
    for (const [i, hue] of [[1, 200], [2, 220]] as const) {
      await uploadFtp(receiver.port, A, nameFor(A.fileCode, new Date(at.getTime() + i * 3_600_000)), await renderTestImage({ width: 30, height: 30, hue }));
    }
    await waitFor(async () => {
      await receiver.idle();
      return (await imagesOf(A.stationId)).length === 4;
    });
    const imgs = await imagesOf(A.stationId);
    const linked = imgs[2]!; // at + 1 h
    await pool().query(
      `INSERT INTO alert (station_id, parameter, kind, state, opened_at, last_seen_at, resolved_at, count)
       VALUES ($1, 'COD', 'instant_exceedance', 'resolved', $2, $2, $3, 3)`,
      [A.stationId, new Date(linked.time.getTime() + 20 * 60_000), new Date(linked.time.getTime() + 25 * 60_000)],
    );
    const r = await purgeOldImages(now, 90, dataDir);
    // Other test files' images share the database and are as old at this `now`: this station's three are checked below.
    expect(r.purged).toBeGreaterThanOrEqual(3);
    const left = (await pool().query<{ id: number; purged: boolean; thumb: boolean }>(
      'SELECT id, purged_at IS NOT NULL AS purged, thumb IS NOT NULL AS thumb FROM camera_image WHERE station_id = $1 ORDER BY id',
      [A.stationId],
    )).rows;
    expect(left.map((x) => x.purged)).toEqual([true, true, false, true]);
    expect(left.map((x) => x.thumb)).toEqual([false, false, true, false]);
    expect(existsSync(rawFilePath(imgs[0]!.sha256, dataDir))).toBe(false);
    expect(existsSync(rawFilePath(linked.sha256, dataDir))).toBe(true);
    // Nothing else is due a second time.
    expect((await purgeOldImages(now, 90, dataDir)).purged).toBe(0);
    // Rows of other test files share the database but not this raw store: look at this station's image rows only.
    const v = await verifyLedger({ dataDir, sinceId: imgs[0]!.file_id });
    const ours = imgs.map((i) => `ledger row ${i.file_id} `);
    expect(v.problems.filter((p) => ours.some((o) => p.startsWith(o)))).toEqual([]);
  });
});
