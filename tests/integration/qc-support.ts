/**
 * Helpers for the QC integration tests (not a test file): readings stored as ingest stores them (flag not_evaluated),
 * recompute jobs enqueued as ingest enqueues them, and a drain that runs only one station's jobs.
 */
import { makeFacility, makeStation, uid, vn } from './api-fixtures';
import { listStoredDaily, listStoredHourly } from '@/lib/db/averages';
import { pool } from '@/lib/db/client';
import { insertJobs } from '@/lib/db/jobs';
import { insertReadings, type DeviceStatus } from '@/lib/db/readings';
import { findStationByCode } from '@/lib/db/stations';
import { affectedHourEnds } from '@/lib/domain/time';
import { completeJob, RECOMPUTE_JOB } from '@/lib/services/jobs';
import { runRecomputeJob } from '@/lib/services/qc';
import type { CreateStationInput } from '@/lib/services/stations';

export const MIN = 60_000;
export const HOUR = 3_600_000;

export { vn };

export type Row = { time: Date; value: number; status?: DeviceStatus; reasons?: string[]; parameter?: string };

export async function newStation(patch: Partial<CreateStationInput> = {}): Promise<{ id: number; code: string; facility: string }> {
  const f = await makeFacility();
  const s = await makeStation(f.code, { code: uid('QC'), ...patch });
  const row = await findStationByCode(s.code);
  return { id: row!.id, code: s.code, facility: f.code };
}

/** Stores readings (as ingest does: qc_flag not_evaluated) and enqueues one recompute job per touched hour. */
export async function ingestRows(stationId: number, parameter: string, rows: readonly Row[], enqueue = true): Promise<void> {
  await insertReadings(
    rows.map((r) => ({
      stationId,
      parameter: r.parameter ?? parameter,
      time: r.time,
      value: r.value,
      deviceStatus: r.status ?? '00',
      fileId: null,
      qcReasons: r.reasons,
    })),
  );
  if (!enqueue) return;
  await insertJobs(
    affectedHourEnds(rows.map((r) => r.time)).map((end) => {
      const payload = { stationId, from: new Date(end.getTime() - HOUR).toISOString(), to: end.toISOString() };
      return { kind: RECOMPUTE_JOB, payload, dedupeKey: `${RECOMPUTE_JOB}:${stationId}:${payload.to}` };
    }),
  );
}

/** Runs the station's pending recompute jobs one by one as the worker would (claim, handle, complete); returns how many ran. */
export async function drain(stationId: number): Promise<number> {
  let n = 0;
  for (;;) {
    const r = await pool().query<{ id: number; payload: unknown }>(
      `UPDATE job SET locked_at = now(), locked_by = 'test', attempts = attempts + 1, dedupe_key = NULL
       WHERE id = (SELECT id FROM job WHERE kind = $1 AND done_at IS NULL AND locked_at IS NULL AND payload->>'stationId' = $2
                   ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING id, payload`,
      [RECOMPUTE_JOB, String(stationId)],
    );
    const job = r.rows[0];
    if (!job) return n;
    await runRecomputeJob(job.payload);
    await completeJob(job.id);
    n += 1;
  }
}

export type FlagRow = { parameter: string; time: number; flag: number; reasons: string[] };

export async function flagsOf(stationId: number): Promise<FlagRow[]> {
  const r = await pool().query<{ parameter: string; time: Date; qc_flag: number; qc_reasons: string[] }>(
    `SELECT parameter, time, qc_flag, qc_reasons FROM reading WHERE station_id = $1 ORDER BY parameter, time`,
    [stationId],
  );
  return r.rows.map((x) => ({ parameter: x.parameter, time: x.time.getTime(), flag: x.qc_flag, reasons: x.qc_reasons }));
}

// The stored averages as lib/db reads them (their SQL is not under test here), every hour and day of the station.
export const hoursOf = (stationId: number) => listStoredHourly(stationId, null, new Date(0), new Date('9999-01-01T00:00:00Z'));
export const daysOf = (stationId: number) => listStoredDaily(stationId, null, '1970-01-01', '9999-01-01');

/** Every 5 minutes from `first` (local) for `n` readings, with varied values (no flat line, no spike). */
export function series(first: string, n: number, base = 50, step = 5 * MIN): Row[] {
  const t0 = vn(first).getTime();
  return Array.from({ length: n }, (_, i) => ({ time: new Date(t0 + i * step), value: base + (i % 7) * 1.5 }));
}
