/**
 * Alert episodes end to end: 5-minute files sent over real FTP to the worker as a child process (receiver → ingest →
 * recompute → derived → alert engine), read back through GET /api/v1/alerts. 60, 80, 90, 85 then clear values
 * (COD limit 75): ONE instant exceedance opened at the 80, peak 90, count 3, confirmed, not historical.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/net';
import { createFtpFacility, uploadFtp } from '../support/ftp';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';
import { waitFor } from '../support/wait';
import { dataFile } from '../support/ingest';
import { call, tokenFor } from './api-fixtures';
import * as listRoute from '@/app/api/v1/alerts/route';
import { disconnectDb } from '@/lib/db/client';
import { findStationByCode } from '@/lib/db/stations';
import { formatCompactLocalTime } from '@/lib/domain/time';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  await disconnectDb();
});

describe('alert episodes through FTP and the real worker', () => {
  it('one confirmed instant exceedance opened at the first value beyond the limit, peak over the run', async () => {
    const f = await createFtpFacility('AEP');
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'qt-alert-episodes-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const worker: WorkerProcess = await spawnWorker({
      DATABASE_URL: process.env.DATABASE_URL!,
      DATA_DIR: dataDir,
      FTP_PORT: String(port),
      FTP_PASV_MIN: '33300',
      FTP_PASV_MAX: '33349',
    });
    cleanups.push(() => worker.stop());

    // Two hours ago, on the 5-minute grid of a whole hour: live data (not historical).
    const H = 3_600_000;
    const start = Math.floor((Date.now() - 3 * H) / H) * H;
    const values = [60, 80, 90, 85, 50, 50, 50, 50, 50, 50, 50, 50];
    for (const [i, v] of values.entries()) {
      const file = dataFile(f.fileCode, formatCompactLocalTime(new Date(start + (i + 1) * 300_000)), { COD: v, PH: 7.1, FLOW: 12 });
      await uploadFtp(port, f, file.name, file.content);
    }
    const code = `${f.code}_NT01`;
    expect(await findStationByCode(code)).not.toBeNull();
    const token = await tokenFor('inspector');
    const alert = await waitFor(
      async () => {
        const r = await call(listRoute.GET, `/api/v1/alerts?station=${code}&kind=instant_exceedance`, { token });
        const a = r.body.items?.[0];
        return a && a.state === 'resolved' ? a : null;
      },
      { timeoutMs: 120_000, everyMs: 1000, context: () => worker.output().slice(-3000) },
    );
    expect(alert).toMatchObject({ kind: 'instant_exceedance', parameter: 'COD', count: 3, peakValue: 90, limit: 75, confirmed: true, historical: false });
    expect(new Date(alert.openedAt).getTime()).toBe(start + 2 * 300_000);
    const all = await call(listRoute.GET, `/api/v1/alerts?station=${code}&kind=instant_exceedance`, { token });
    expect(all.body.items).toHaveLength(1);
    const approaching = await call(listRoute.GET, `/api/v1/alerts?station=${code}&kind=approaching`, { token });
    expect(approaching.body.items.every((a: { peakValue: number }) => a.peakValue <= 75)).toBe(true);
    expect(await worker.stop()).toBe(0);
  }, 240_000);
});
