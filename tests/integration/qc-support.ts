/**
 * Helpers for the QC integration tests (not a test file): readings stored as ingest stores them (flag not_evaluated),
 * recompute jobs enqueued as ingest enqueues them, and a drain that runs only one station's jobs.
 */
import { makeFacility, makeStation, uid, vn } from './api-fixtures';
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

export type HourRow = { parameter: string; hourEnd: number; value: number | null; validCount: number; expectedCount: number; complete: boolean; min: number | null; max: number | null };

export async function hoursOf(stationId: number): Promise<HourRow[]> {
  const r = await pool().query(
    `SELECT parameter, hour_end, value, valid_count, expected_count, complete, min, max FROM avg_hour WHERE station_id = $1 ORDER BY parameter, hour_end`,
    [stationId],
  );
  return r.rows.map((x) => ({
    parameter: x.parameter,
    hourEnd: x.hour_end.getTime(),
    value: x.value,
    validCount: x.valid_count,
    expectedCount: x.expected_count,
    complete: x.complete,
    min: x.min,
    max: x.max,
  }));
}

export async function daysOf(stationId: number) {
  const r = await pool().query(
    `SELECT parameter, to_char(day, 'YYYY-MM-DD') AS day, value, valid_count, expected_count, complete, min, max FROM avg_day WHERE station_id = $1 ORDER BY parameter, day`,
    [stationId],
  );
  return r.rows as { parameter: string; day: string; value: number | null; valid_count: number; expected_count: number; complete: boolean; min: number | null; max: number | null }[];
}

/** Every 5 minutes from `first` (local) for `n` readings, with varied values (no flat line, no spike). */
export function series(first: string, n: number, base = 50, step = 5 * MIN): Row[] {
  const t0 = vn(first).getTime();
  return Array.from({ length: n }, (_, i) => ({ time: new Date(t0 + i * step), value: base + (i % 7) * 1.5 }));
}
