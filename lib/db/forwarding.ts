import type pg from 'pg';
import { pool, prisma } from './client';
import { LOCAL_TZ_SQL } from './sql-time';

/**
 * Forwarding to the ministry (DOMAIN.md §10): targets and the durable outbox `forward_job`, one row per (target,
 * accepted file). States: `pending` (not attempted yet, or re-queued), `failed` (the last attempt failed; it is
 * retried at next_try_at, forever), `sent`. A claim is a lease (locked_until): a worker that dies mid-batch loses it
 * and another worker retries the job. Rows are never deleted.
 */
export type ForwardProtocol = 'ftp' | 'ftps';
export type ForwardJobState = 'pending' | 'sent' | 'failed';
export const FORWARD_PROTOCOLS: readonly ForwardProtocol[] = ['ftp', 'ftps'];
export const FORWARD_JOB_STATES: readonly ForwardJobState[] = ['pending', 'sent', 'failed'];

type Queryable = pg.Pool | pg.PoolClient | pg.Client;

export type ForwardTargetRow = {
  id: number;
  name: string;
  protocol: ForwardProtocol;
  host: string;
  port: number;
  username: string;
  rootFolder: string;
  pathTemplate: string;
  enabled: boolean;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};
/** With the sealed password: for the worker only, never for the UI or the API. */
export type ForwardTargetSecretRow = ForwardTargetRow & { passwordEnc: string };

const targetSelect = {
  id: true,
  name: true,
  protocol: true,
  host: true,
  port: true,
  username: true,
  rootFolder: true,
  pathTemplate: true,
  enabled: true,
  lastSuccessAt: true,
  lastError: true,
  lastErrorAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type ForwardTargetData = {
  name: string;
  protocol: ForwardProtocol;
  host: string;
  port: number;
  username: string;
  passwordEnc: string;
  rootFolder: string;
  pathTemplate: string;
  enabled: boolean;
};

export async function createForwardTarget(d: ForwardTargetData): Promise<ForwardTargetRow> {
  return prisma().forwardTarget.create({ data: d, select: targetSelect });
}

export async function updateForwardTarget(id: number, d: Partial<ForwardTargetData>): Promise<ForwardTargetRow | null> {
  const r = await prisma().forwardTarget.updateMany({ where: { id }, data: d });
  if (r.count === 0) return null;
  return findForwardTarget(id);
}

export async function findForwardTarget(id: number): Promise<ForwardTargetRow | null> {
  return prisma().forwardTarget.findUnique({ where: { id }, select: targetSelect });
}

export async function findForwardTargetByName(name: string): Promise<ForwardTargetRow | null> {
  return prisma().forwardTarget.findUnique({ where: { name }, select: targetSelect });
}

export async function listForwardTargets(): Promise<ForwardTargetRow[]> {
  return prisma().forwardTarget.findMany({ select: targetSelect, orderBy: { id: 'asc' } });
}

/** Targets with their sealed passwords (the worker's connection settings). */
export async function listForwardTargetSecrets(ids: readonly number[]): Promise<ForwardTargetSecretRow[]> {
  if (ids.length === 0) return [];
  return prisma().forwardTarget.findMany({
    where: { id: { in: [...ids] } },
    select: { ...targetSelect, passwordEnc: true },
  });
}

export type TargetQueueStats = {
  targetId: number;
  pending: number;
  failed: number;
  oldestQueuedAt: Date | null;
  nextTryAt: Date | null;
};

/** Queue depth per target; reads only unsent rows through the (state, next_try_at) index. */
export async function targetQueueStats(): Promise<Map<number, TargetQueueStats>> {
  const r = await pool().query<{
    target_id: number;
    pending: string;
    failed: string;
    oldest: Date | null;
    next_try: Date | null;
  }>(
    `SELECT target_id, count(*) FILTER (WHERE state = 'pending') AS pending, count(*) FILTER (WHERE state = 'failed') AS failed,
            min(created_at) AS oldest, min(next_try_at) AS next_try
     FROM forward_job WHERE state IN ('pending', 'failed') GROUP BY target_id`,
  );
  return new Map(
    r.rows.map((x) => [
      x.target_id,
      {
        targetId: x.target_id,
        pending: Number(x.pending),
        failed: Number(x.failed),
        oldestQueuedAt: x.oldest,
        nextTryAt: x.next_try,
      },
    ]),
  );
}

/**
 * Queues every given file for every enabled target, on the caller's connection (ingest calls it inside the ledger
 * transaction, so an accepted file is never left unqueued). Existing (target, file) rows are kept as they are.
 */
export async function enqueueForwardJobsOn(on: Queryable, fileIds: readonly number[]): Promise<void> {
  if (fileIds.length === 0) return;
  await on.query(
    `INSERT INTO forward_job (target_id, file_id)
     SELECT t.id, f.id FROM forward_target t CROSS JOIN unnest($1::int[]) AS f(id)
     WHERE t.enabled
     ON CONFLICT (target_id, file_id) DO NOTHING`,
    [fileIds],
  );
}

export type ClaimedForwardJob = {
  id: number;
  targetId: number;
  fileId: number;
  /** Counts this attempt. */
  attempts: number;
  name: string;
  sha256: string;
  size: number;
};

/**
 * Claims up to `max` due jobs (pending or failed, next_try_at passed, no live lease) with FOR UPDATE SKIP LOCKED, so
 * several workers share the queue; each claim is a lease of `leaseSeconds`. Targets in `skipTargets` are left alone.
 */
export async function claimForwardJobs(opts: {
  workerId: string;
  max: number;
  leaseSeconds: number;
  skipTargets?: readonly number[];
}): Promise<ClaimedForwardJob[]> {
  if (opts.max <= 0) return [];
  const r = await pool().query<{
    id: number;
    target_id: number;
    file_id: number;
    attempts: number;
    name: string;
    sha256: string;
    size: number;
  }>(
    `WITH due AS (
       SELECT j.id FROM forward_job j JOIN forward_target t ON t.id = j.target_id AND t.enabled
       WHERE j.state IN ('pending', 'failed') AND j.next_try_at <= now()
         AND (j.locked_until IS NULL OR j.locked_until < now())
         AND NOT (j.target_id = ANY($4::int[]))
       ORDER BY j.next_try_at, j.id
       LIMIT $2
       FOR UPDATE OF j SKIP LOCKED
     ), claimed AS (
       UPDATE forward_job j SET locked_until = now() + make_interval(secs => $3), locked_by = $1, attempts = j.attempts + 1
       FROM due WHERE j.id = due.id
       RETURNING j.id, j.target_id, j.file_id, j.attempts
     )
     SELECT c.id, c.target_id, c.file_id, c.attempts, f.name, f.sha256, f.size
     FROM claimed c JOIN ingest_file f ON f.id = c.file_id
     ORDER BY c.id`,
    [opts.workerId, opts.max, opts.leaseSeconds, opts.skipTargets ?? []],
  );
  return r.rows.map((x) => ({
    id: x.id,
    targetId: x.target_id,
    fileId: x.file_id,
    attempts: x.attempts,
    name: x.name,
    sha256: x.sha256,
    size: x.size,
  }));
}

/**
 * Marks jobs sent, only while this worker still holds them (a re-queue or another worker's claim since then wins).
 */
export async function markForwardSent(ids: readonly number[], workerId: string, at: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await pool().query(
    `UPDATE forward_job SET state = 'sent', sent_at = $3, last_error = NULL, locked_until = NULL, locked_by = NULL
     WHERE id = ANY($1::int[]) AND locked_by = $2`,
    [ids, workerId, at],
  );
  return r.rowCount ?? 0;
}

/** The attempt failed: keep the error, retry at `retryAt` (never dropped). */
export async function markForwardFailed(
  ids: readonly number[],
  workerId: string,
  error: string,
  retryAt: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await pool().query(
    `UPDATE forward_job SET state = 'failed', last_error = $3, next_try_at = $4, locked_until = NULL, locked_by = NULL
     WHERE id = ANY($1::int[]) AND locked_by = $2`,
    [ids, workerId, error.slice(0, 2000), retryAt],
  );
}

/** Gives claimed jobs back untried (stopping, lease running out): the attempt is not counted. */
export async function releaseForwardJobs(ids: readonly number[], workerId: string): Promise<void> {
  if (ids.length === 0) return;
  await pool().query(
    `UPDATE forward_job SET locked_until = NULL, locked_by = NULL, attempts = GREATEST(0, attempts - 1)
     WHERE id = ANY($1::int[]) AND locked_by = $2`,
    [ids, workerId],
  );
}

/** Target health: last success or last error (with its time). */
export async function recordTargetOutcome(
  targetId: number,
  outcome: { ok: true; at: Date } | { ok: false; at: Date; error: string },
): Promise<void> {
  if (outcome.ok) {
    await pool().query(
      `UPDATE forward_target SET last_success_at = GREATEST(COALESCE(last_success_at, $2), $2) WHERE id = $1`,
      [targetId, outcome.at],
    );
  } else {
    await pool().query(`UPDATE forward_target SET last_error = $2, last_error_at = $3 WHERE id = $1`, [
      targetId,
      outcome.error.slice(0, 2000),
      outcome.at,
    ]);
  }
}

export type ReconciliationRow = {
  stationCode: string;
  /** Local date (yyyy-MM-dd) of receipt. */
  day: string;
  received: number;
  forwarded: number;
  pending: number;
  failed: number;
  /** Received but with no job (no enabled target when it arrived). */
  notQueued: number;
};

/**
 * Per station and local day of receipt: accepted/partial files received, and how many of them are forwarded (every
 * job sent), pending (a job waiting, none failing) or failed (a job whose last attempt failed). With `targetId`, only
 * that target's jobs count.
 */
export async function forwardingReconciliation(opts: {
  from: Date;
  to: Date;
  stationIds?: readonly number[];
  targetId?: number;
}): Promise<ReconciliationRow[]> {
  const r = await pool().query<{
    code: string;
    day: string;
    received: string;
    forwarded: string;
    pending: string;
    failed: string;
    not_queued: string;
  }>(
    `WITH files AS (
       SELECT f.id, f.station_id, to_char(f.received_at AT TIME ZONE ${LOCAL_TZ_SQL}, 'YYYY-MM-DD') AS day
       FROM ingest_file f
       WHERE f.received_at >= $1 AND f.received_at < $2 AND f.outcome IN ('accepted', 'partial') AND f.station_id IS NOT NULL
         AND ($3::int[] IS NULL OR f.station_id = ANY($3::int[]))
     ), per_file AS (
       SELECT files.station_id, files.day, count(j.id) AS jobs,
              bool_or(j.state = 'failed') AS any_failed, bool_or(j.state = 'pending') AS any_pending
       FROM files LEFT JOIN forward_job j ON j.file_id = files.id AND ($4::int IS NULL OR j.target_id = $4::int)
       GROUP BY files.id, files.station_id, files.day
     )
     SELECT s.code, p.day, count(*) AS received,
            count(*) FILTER (WHERE p.jobs > 0 AND NOT COALESCE(p.any_failed, false) AND NOT COALESCE(p.any_pending, false)) AS forwarded,
            count(*) FILTER (WHERE COALESCE(p.any_pending, false) AND NOT COALESCE(p.any_failed, false)) AS pending,
            count(*) FILTER (WHERE COALESCE(p.any_failed, false)) AS failed,
            count(*) FILTER (WHERE p.jobs = 0) AS not_queued
     FROM per_file p JOIN station s ON s.id = p.station_id
     GROUP BY s.code, p.day
     ORDER BY p.day DESC, s.code`,
    [opts.from, opts.to, opts.stationIds ? [...opts.stationIds] : null, opts.targetId ?? null],
  );
  return r.rows.map((x) => ({
    stationCode: x.code,
    day: x.day,
    received: Number(x.received),
    forwarded: Number(x.forwarded),
    pending: Number(x.pending),
    failed: Number(x.failed),
    notQueued: Number(x.not_queued),
  }));
}

/**
 * Re-queues a station's accepted/partial files received in [from, to) for the given targets: missing jobs are
 * created, existing ones (sent or not) become pending now with a fresh attempt count and no lease. Returns the count.
 */
export async function requeueForwarding(opts: {
  stationId: number;
  from: Date;
  to: Date;
  targetIds: readonly number[];
}): Promise<number> {
  if (opts.targetIds.length === 0) return 0;
  const r = await pool().query(
    `INSERT INTO forward_job (target_id, file_id)
     SELECT t.id, f.id FROM unnest($4::int[]) AS t(id)
     CROSS JOIN ingest_file f
     WHERE f.station_id = $1 AND f.received_at >= $2 AND f.received_at < $3 AND f.outcome IN ('accepted', 'partial')
     ON CONFLICT (target_id, file_id) DO UPDATE SET state = 'pending', attempts = 0, next_try_at = now(),
       locked_until = NULL, locked_by = NULL, last_error = NULL, sent_at = NULL`,
    [opts.stationId, opts.from, opts.to, [...opts.targetIds]],
  );
  return r.rowCount ?? 0;
}

export type ForwardJobRow = {
  id: number;
  targetId: number;
  fileId: number;
  state: ForwardJobState;
  attempts: number;
  nextTryAt: Date;
  lastError: string | null;
  sentAt: Date | null;
};

/** A target's jobs (diagnostics and tests). */
export async function listForwardJobs(targetId: number, limit = 10_000): Promise<ForwardJobRow[]> {
  const r = await pool().query<{
    id: number;
    target_id: number;
    file_id: number;
    state: ForwardJobState;
    attempts: number;
    next_try_at: Date;
    last_error: string | null;
    sent_at: Date | null;
  }>(
    `SELECT id, target_id, file_id, state, attempts, next_try_at, last_error, sent_at FROM forward_job WHERE target_id = $1 ORDER BY id LIMIT $2`,
    [targetId, limit],
  );
  return r.rows.map((x) => ({
    id: x.id,
    targetId: x.target_id,
    fileId: x.file_id,
    state: x.state,
    attempts: x.attempts,
    nextTryAt: x.next_try_at,
    lastError: x.last_error,
    sentAt: x.sent_at,
  }));
}
