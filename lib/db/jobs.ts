import { env } from '../env';
import type pg from 'pg';
import { pool } from './client';

/**
 * PostgreSQL job queue (table `job`). A dedupe key is unique among rows that hold it; it is cleared when the job is
 * claimed, so "enqueue the same recompute twice" is a no-op only while the first is still pending (a job already
 * running may have read its inputs before the new data arrived).
 */
export type JobInsert = { kind: string; payload: Record<string, unknown>; runAt?: Date; dedupeKey?: string };
export type ClaimedJob = { id: number; kind: string; payload: unknown; attempts: number };

/** A claimed job whose worker died (kill -9, power loss) is claimed again after this long (JOB_LOCK_TIMEOUT_SECONDS). */
export const jobLockTimeoutSeconds = (): number => env().JOB_LOCK_TIMEOUT_SECONDS;

type Queryable = pg.Pool | pg.PoolClient | pg.Client;

/** Inserts jobs in one statement; a pending job with the same dedupe key keeps its row and takes the earlier run_at. */
export async function insertJobs(jobs: readonly JobInsert[], on: Queryable = pool()): Promise<void> {
  if (jobs.length === 0) return;
  // One row per dedupe key: ON CONFLICT DO UPDATE cannot touch the same row twice in one statement.
  const byKey = new Map<string, JobInsert>();
  const plain: JobInsert[] = [];
  for (const j of jobs) {
    if (j.dedupeKey === undefined) plain.push(j);
    else {
      const prev = byKey.get(j.dedupeKey);
      if (!prev || (j.runAt ?? new Date(0)) < (prev.runAt ?? new Date(0))) byKey.set(j.dedupeKey, j);
    }
  }
  const all = [...plain, ...byKey.values()];
  await on.query(
    `INSERT INTO job (kind, payload, run_at, dedupe_key)
     SELECT k, p::jsonb, COALESCE(r, now()), d FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[]) AS i(k, p, r, d)
     ON CONFLICT (dedupe_key) DO UPDATE SET run_at = LEAST(job.run_at, EXCLUDED.run_at)`,
    [
      all.map((j) => j.kind),
      all.map((j) => JSON.stringify(j.payload)),
      all.map((j) => j.runAt ?? null),
      all.map((j) => j.dedupeKey ?? null),
    ],
  );
}

export async function claimJobRows(workerId: string, kinds: readonly string[], max: number): Promise<ClaimedJob[]> {
  if (max <= 0 || kinds.length === 0) return [];
  const r = await pool().query<{ id: number; kind: string; payload: unknown; attempts: number }>(
    `UPDATE job SET locked_at = now(), locked_by = $1, attempts = attempts + 1, dedupe_key = NULL
     WHERE id IN (
       SELECT id FROM job
       WHERE done_at IS NULL AND run_at <= now() AND kind = ANY($2::text[])
         AND (locked_at IS NULL OR locked_at < now() - make_interval(secs => $4))
       ORDER BY run_at, id
       LIMIT $3
       FOR UPDATE SKIP LOCKED)
     RETURNING id, kind, payload, attempts`,
    [workerId, kinds, max, jobLockTimeoutSeconds()],
  );
  return r.rows.sort((a, b) => a.id - b.id);
}

export async function markJobDone(id: number): Promise<void> {
  await pool().query(`UPDATE job SET done_at = now(), locked_at = NULL, last_error = NULL WHERE id = $1`, [id]);
}

export async function markJobFailed(id: number, error: string, retryAt: Date): Promise<void> {
  await pool().query(
    `UPDATE job SET locked_at = NULL, locked_by = NULL, last_error = $2, run_at = $3 WHERE id = $1 AND done_at IS NULL`,
    [id, error.slice(0, 4000), retryAt],
  );
}

/** Pending (not done) jobs of a kind, oldest first; for diagnostics and tests. */
export async function listPendingJobs(
  kind: string,
  limit = 1000,
): Promise<{ id: number; payload: unknown; runAt: Date; dedupeKey: string | null; attempts: number }[]> {
  const r = await pool().query<{
    id: number;
    payload: unknown;
    run_at: Date;
    dedupe_key: string | null;
    attempts: number;
  }>(
    `SELECT id, payload, run_at, dedupe_key, attempts FROM job WHERE kind = $1 AND done_at IS NULL ORDER BY run_at, id LIMIT $2`,
    [kind, limit],
  );
  return r.rows.map((x) => ({
    id: x.id,
    payload: x.payload,
    runAt: x.run_at,
    dedupeKey: x.dedupe_key,
    attempts: x.attempts,
  }));
}
