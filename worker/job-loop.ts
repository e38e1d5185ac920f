/**
 * Runs queued jobs (table `job`, claimed with FOR UPDATE SKIP LOCKED, so several workers can share the queue) and
 * periodic schedules. Handlers and schedules are registered in worker/jobs/index.ts and worker/schedules/index.ts.
 */
import { claimJobs, completeJob, failJob } from '../lib/services/jobs';
import { startPollingLoop } from './polling-loop';
import type { Log } from './spool';

export type JobContext = { log: Log; now: () => Date };
export type JobHandler = (payload: unknown, ctx: JobContext & { attempts: number }) => Promise<void>;
export type Schedule = { name: string; everyMs: number; run: (ctx: JobContext) => Promise<void> };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Back-off for a failed job: 5 s, 10 s, 20 s … capped at 15 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(15 * 60_000, 5000 * 2 ** Math.max(0, attempts - 1));
}

export function startJobLoop(opts: {
  workerId: string;
  handlers: Record<string, JobHandler>;
  log: Log;
  pollMs?: number;
  batch?: number;
}): { stop(): Promise<void> } {
  const kinds = Object.keys(opts.handlers);
  const ctx: JobContext = { log: opts.log, now: () => new Date() };
  const batch = opts.batch ?? 20;
  if (kinds.length === 0) return { stop: async () => undefined };
  return startPollingLoop({
    batch,
    pollMs: opts.pollMs ?? 1000,
    onError: (e) => opts.log(`job loop: ${message(e)}`),
    pass: async (isStopped) => {
      const jobs = await claimJobs(opts.workerId, kinds, batch);
      for (const job of jobs) {
        if (isStopped()) break;
        const handler = opts.handlers[job.kind];
        try {
          if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
          await handler(job.payload, { ...ctx, attempts: job.attempts });
          await completeJob(job.id);
        } catch (e) {
          opts.log(`job ${job.id} (${job.kind}) failed (attempt ${job.attempts}): ${message(e)}`);
          await failJob(job.id, message(e), new Date(Date.now() + retryDelayMs(job.attempts))).catch(() => undefined);
        }
      }
      return jobs.length;
    },
  });
}

export function startSchedules(schedules: Schedule[], log: Log): { stop(): Promise<void> } {
  const ctx: JobContext = { log, now: () => new Date() };
  const timers: NodeJS.Timeout[] = [];
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  for (const s of schedules) {
    let busy = false;
    const run = () => {
      if (busy || stopped) return;
      busy = true;
      const p = s
        .run(ctx)
        .catch((e: unknown) => log(`schedule ${s.name} failed: ${message(e)}`))
        .finally(() => {
          busy = false;
          inFlight.delete(p);
        });
      inFlight.add(p);
    };
    timers.push(setInterval(run, s.everyMs));
    setTimeout(run, 1000);
  }
  return {
    async stop() {
      stopped = true;
      timers.forEach(clearInterval);
      await Promise.all([...inFlight]);
    },
  };
}
