import { claimJobRows, insertJobs, markJobDone, markJobFailed, type ClaimedJob } from '../../db/jobs';

export type { ClaimedJob };

/** Enqueues a job; with a dedupeKey, enqueuing again while the first is still pending is a no-op. */
export async function enqueueJob(
  kind: string,
  payload: Record<string, unknown>,
  opts: { runAt?: Date; dedupeKey?: string } = {},
): Promise<void> {
  await insertJobs([{ kind, payload, runAt: opts.runAt, dedupeKey: opts.dedupeKey }]);
}

/** Claims up to `max` due jobs of the given kinds (FOR UPDATE SKIP LOCKED); `attempts` counts this attempt. */
export async function claimJobs(
  workerId: string,
  kinds: string[],
  max: number,
): Promise<{ id: number; kind: string; payload: unknown; attempts: number }[]> {
  return claimJobRows(workerId, kinds, max);
}

export async function completeJob(id: number): Promise<void> {
  await markJobDone(id);
}

/** Releases the job for another attempt at retryAt, keeping the error text. */
export async function failJob(id: number, error: string, retryAt: Date): Promise<void> {
  await markJobFailed(id, error, retryAt);
}

/** Recompute job of one local hour (h-1:00, h:00], labelled by its end (DOMAIN.md §5). */
export const RECOMPUTE_JOB = 'recompute';
export type RecomputePayload = { stationId: number; from: string; to: string };
