/**
 * Snapshot pull (issue #21) against a local HTTP snapshot server: a JPEG is kept with source "pull"; a non-image
 * Content-Type, a body that is not what its Content-Type says, a body over the size cap and a camera slower than the
 * timeout are refused; each station is pulled at its own interval; only admins set the snapshot URL.
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { disconnectDb, pool } from '@/lib/db/client';
import { pullDueSnapshots, renderTestImage, setDeviceSettings, type PullOutcome } from '@/lib/services/camera';
import { createFacilityWithStation, uid } from '../support/fixtures';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qt-camera-pull-'));
let server: http.Server;
let base = '';
let jpeg: Buffer;
const hits = new Map<string, number>();
const admin = { name: 'test:admin', role: 'admin' as const };

beforeAll(async () => {
  jpeg = await renderTestImage({ width: 160, height: 120, hue: 77 });
  server = http.createServer((req, res) => {
    const p = req.url ?? '/';
    hits.set(p, (hits.get(p) ?? 0) + 1);
    if (p === '/ok.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
    if (p === '/html') return res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
    if (p === '/liar.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end('not really a jpeg');
    if (p === '/huge.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.concat([jpeg, Buffer.alloc(5000)]));
    if (p === '/slow.jpg') {
      const t = setTimeout(() => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg), 3000);
      res.on('close', () => clearTimeout(t));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await rm(dataDir, { recursive: true, force: true });
  await disconnectDb();
});

async function stationWithCamera(pathName: string, intervalMinutes = 15) {
  const { station } = await createFacilityWithStation({ code: uid('CP'), station: { parameters: ['COD'] } });
  await setDeviceSettings(station.id, { camera: { snapshotUrl: `${base}${pathName}`, intervalMinutes } }, admin);
  return station;
}

const outcomeOf = (all: PullOutcome[], code: string) => all.find((o) => o.station === code);

describe('snapshot pull', () => {
  it('keeps JPEGs, refuses the rest, and waits for each station’s interval', async () => {
    const ok = await stationWithCamera('/ok.jpg', 10);
    const html = await stationWithCamera('/html');
    const liar = await stationWithCamera('/liar.jpg');
    const huge = await stationWithCamera('/huge.jpg');
    const slow = await stationWithCamera('/slow.jpg');
    const now = new Date();
    const all = await pullDueSnapshots(now, { dataDir, timeoutMs: 1000, maxBytes: jpeg.length + 1000 });

    const good = outcomeOf(all, ok.code);
    expect(good).toMatchObject({ status: 'stored', result: { outcome: 'accepted' } });
    const img = (await pool().query('SELECT source, width, height, mime, time FROM camera_image WHERE station_id = $1', [ok.id])).rows;
    expect(img).toEqual([{ source: 'pull', width: 160, height: 120, mime: 'image/jpeg', time: now }]);

    expect(outcomeOf(all, html.code)).toMatchObject({ status: 'failed', error: 'content type text/html is not an image' });
    expect(outcomeOf(all, liar.code)).toMatchObject({ status: 'stored', result: { outcome: 'rejected' } });
    expect(outcomeOf(all, huge.code)).toMatchObject({ status: 'failed', error: `snapshot larger than ${jpeg.length + 1000} bytes` });
    expect(outcomeOf(all, slow.code)).toMatchObject({ status: 'failed', error: 'timed out after 1000 ms' });
    for (const s of [html, liar, huge, slow]) {
      expect((await pool().query('SELECT 1 FROM camera_image WHERE station_id = $1', [s.id])).rowCount).toBe(0);
    }

    // 9 minutes later nothing is due for the 10-minute camera; at 10 minutes it is pulled again.
    const before = hits.get('/ok.jpg');
    const later = await pullDueSnapshots(new Date(now.getTime() + 9 * 60_000), { dataDir, timeoutMs: 1000 });
    expect(outcomeOf(later, ok.code)).toBeUndefined();
    expect(hits.get('/ok.jpg')).toBe(before);
    const due = await pullDueSnapshots(new Date(now.getTime() + 10 * 60_000), { dataDir, timeoutMs: 1000 });
    expect(outcomeOf(due, ok.code)).toMatchObject({ status: 'stored', result: { outcome: 'accepted' } });
  });

  it('only admins set the snapshot URL (audited)', async () => {
    const { station } = await createFacilityWithStation({ code: uid('CP'), station: { parameters: ['COD'] } });
    for (const role of ['inspector', 'operator', 'facility'] as const) {
      await expect(setDeviceSettings(station.id, { camera: { snapshotUrl: `${base}/ok.jpg` } }, { name: 'x', role })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const s = await setDeviceSettings(station.id, { camera: { snapshotUrl: `${base}/ok.jpg`, streamUrl: 'https://cam.example/live' } }, admin);
    expect(s.camera).toEqual({ snapshotUrl: `${base}/ok.jpg`, streamUrl: 'https://cam.example/live', intervalMinutes: 15 });
    const audit = await pool().query("SELECT actor FROM audit_log WHERE action = 'station.devices' AND entity_id = $1", [String(station.id)]);
    expect(audit.rows).toEqual([{ actor: 'test:admin' }]);
  });
});
