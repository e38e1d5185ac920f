import 'server-only';
import { readHeartbeats } from '@/lib/db/heartbeat';
import { formatIsoLocalOrNull } from '@/lib/domain/time';
import type { HealthDto } from './contract/system';

/**
 * Liveness for monitors: the database answers, the worker wrote its heartbeat recently, the FTP receiver listens.
 * `degraded` when any part is missing; HTTP 503 only when the database is down (nothing works then).
 */
export type Health = HealthDto;

/** A worker heartbeat older than this means the worker is stuck or gone. */
export const WORKER_STALE_SECONDS = 60;

export async function checkHealth(now: Date = new Date()): Promise<Health> {
  let beats: Awaited<ReturnType<typeof readHeartbeats>>;
  try {
    beats = await readHeartbeats();
  } catch (e) {
    console.error('[api] health: database unreachable', e instanceof Error ? e.message : e);
    return { status: 'degraded', db: 'down', worker: { lagSeconds: null, at: null }, ftp: { listening: false } };
  }
  const worker = beats.find((b) => b.name === 'worker');
  const lagSeconds = worker ? Math.max(0, Math.round((now.getTime() - worker.at.getTime()) / 1000)) : null;
  const fresh = lagSeconds !== null && lagSeconds <= WORKER_STALE_SECONDS;
  const ftpListening = fresh && worker?.info.ftpListening === true;
  return {
    status: fresh && ftpListening ? 'ok' : 'degraded',
    db: 'ok',
    worker: { lagSeconds, at: formatIsoLocalOrNull(worker?.at) },
    ftp: { listening: ftpListening },
  };
}
