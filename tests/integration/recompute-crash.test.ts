/**
 * kill -9 of the worker during recomputation: a backlog of recompute jobs is running in a real worker process when it
 * is killed; a new worker takes the abandoned jobs over (after JOB_LOCK_TIMEOUT_SECONDS) and the result equals a
 * recomputation from raw: flags as runQc gives them over the whole series, hourly and daily means reproducible.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { daysOf, flagsOf, HOUR, hoursOf, ingestRows, newStation, series, vn, type Row } from './qc-support';
import { freePort } from '../../scripts/net';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';
import { disconnectDb, pool } from '@/lib/db/client';
import { qcConfigFor, runQc } from '@/lib/domain/qc';
import { recomputeStationPeriod } from '@/lib/services/qc';

const databaseUrl = inject('databaseUrl');
const cleanups: (() => Promise<unknown>)[] = [];

afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  await disconnectDb();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function jobCounts(ids: number[]): Promise<{ pending: number; claimed: number; done: number }> {
  const r = await pool().query<{ pending: string; claimed: string; done: string }>(
    `SELECT count(*) FILTER (WHERE done_at IS NULL) AS pending,
            count(*) FILTER (WHERE done_at IS NULL AND locked_at IS NOT NULL) AS claimed,
            count(*) FILTER (WHERE done_at IS NOT NULL) AS done
       FROM job WHERE kind = 'recompute' AND (payload->>'stationId')::int = ANY($1::int[])`,
    [ids],
  );
  const row = r.rows[0]!;
  return { pending: Number(row.pending), claimed: Number(row.claimed), done: Number(row.done) };
}

async function expectedFlags(stationId: number, parameter: string) {
  const r = await pool().query<{ time: Date; value: number; device_status: '00' | '01' | '02' | '03' }>(
    `SELECT time, value, device_status FROM reading WHERE station_id = $1 AND parameter = $2 ORDER BY time`,
    [stationId, parameter],
  );
  const s = r.rows.map((x) => ({ time: x.time.getTime(), value: x.value, deviceStatus: x.device_status, reasons: [] }));
  return runQc(s, qcConfigFor('wastewater', parameter), { intervalMinutes: 5 }).map((res, i) => ({
    parameter,
    time: s[i]!.time,
    flag: res.flag,
    reasons: res.reasons,
  }));
}

describe('recomputation survives kill -9 of the worker', () => {
  it('abandoned jobs are taken over and the result equals a recomputation from raw', async () => {
    // Three stations × two parameters × 12 days of 5-minute data: one recompute job per hour (864 jobs).
    const days = 12;
    const stations = await Promise.all([newStation(), newStation(), newStation()]);
    for (const st of stations) {
      const cod: Row[] = series('2026-02-01T00:05:00', days * 288);
      cod[500] = { ...cod[500]!, value: 900 }; // a spike
      for (let i = 1500; i < 1520; i++) cod[i] = { ...cod[i]!, value: 42 }; // a flat line
      const ph: Row[] = series('2026-02-01T00:05:00', days * 288, 7).map((r, i) => ({
        ...r,
        value: 7 + (i % 5) * 0.1,
      }));
      ph[800] = { ...ph[800]!, value: 15 }; // out of range
      ph[900] = { ...ph[900]!, status: '01' }; // calibrating
      await ingestRows(st.id, 'COD', cod);
      await ingestRows(st.id, 'PH', ph);
    }
    const ids = stations.map((s) => s.id);
    expect((await jobCounts(ids)).pending).toBe(3 * days * 24);

    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'qt-recompute-crash-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const env = async (): Promise<Record<string, string>> => ({
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      FTP_PORT: String(await freePort()),
      FTP_PASV_MIN: '33200',
      FTP_PASV_MAX: '33249',
      JOB_LOCK_TIMEOUT_SECONDS: '2',
    });

    let worker: WorkerProcess = await spawnWorker(await env());
    cleanups.push(() => worker.stop());
    // Kill it as soon as one of these jobs is claimed, i.e. in the middle of the backlog.
    const deadline = Date.now() + 60_000;
    let atKill = await jobCounts(ids);
    while (atKill.claimed === 0 && Date.now() < deadline) {
      await sleep(20);
      atKill = await jobCounts(ids);
    }
    await worker.kill9();
    expect(atKill.claimed).toBeGreaterThan(0);
    const afterKill = await jobCounts(ids);
    expect(afterKill.pending).toBeGreaterThan(0); // work was really interrupted

    worker = await spawnWorker(await env());
    const until = Date.now() + 120_000;
    let now = await jobCounts(ids);
    while (now.pending > 0 && Date.now() < until) {
      await sleep(250);
      now = await jobCounts(ids);
    }
    expect(now.pending, worker.output().slice(-3000)).toBe(0);
    console.log(
      `kill -9 with ${afterKill.pending} of ${3 * days * 24} recompute jobs pending (${atKill.claimed} claimed); all done after restart`,
    );

    const from = vn('2026-02-01T00:00:00');
    const to = new Date(from.getTime() + days * 24 * HOUR);
    for (const st of stations) {
      // Flags equal runQc over the whole stored series: nothing half-written by the killed worker survives.
      expect(await flagsOf(st.id)).toEqual([
        ...(await expectedFlags(st.id, 'COD')),
        ...(await expectedFlags(st.id, 'PH')),
      ]);
      const hours = await hoursOf(st.id);
      const dailies = await daysOf(st.id);
      expect(hours.length).toBe(2 * days * 24);
      // Reproducible: recomputing the period from raw now gives the same averages.
      await recomputeStationPeriod(st.id, from, to);
      expect(await hoursOf(st.id)).toEqual(hours);
      expect(await daysOf(st.id)).toEqual(dailies);
    }
    expect(await worker.stop()).toBe(0);
  }, 240_000);
});
