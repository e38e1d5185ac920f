import { randomUUID } from 'node:crypto';
import type { RenderFailure, RenderJobView, RenderStage } from '../../dto/report-render';

/**
 * Report PDFs are rendered in the background (issue 18): a request gets a job at once and the page polls it for its
 * progress and a link. At most `maxRunning` renders run at a time (each is a headless Chromium), the rest wait in
 * order; and one user has at most one render queued or running (issue 19: no user can fill the queue).
 */
export type { RenderFailure, RenderJobView, RenderStage };
export type RenderFile = { name: string; bytes: Buffer };

export type RenderJob = {
  id: string;
  owner: number;
  report: string;
  stage: RenderStage;
  /** 0–100. */
  progress: number;
  createdAt: number;
  finishedAt: number | null;
  file: RenderFile | null;
  error: RenderFailure | null;
};


export type RenderTask = (progress: (stage: 'starting' | 'loading' | 'printing', percent: number) => void) => Promise<RenderFile>;

export class RenderBusyError extends Error {
  constructor(readonly job: RenderJob) {
    super('a render of this user is already queued or running');
  }
}

const PROGRESS: Record<RenderStage, number> = { queued: 0, starting: 10, loading: 30, printing: 70, done: 100, failed: 100 };

export class RenderQueue {
  private readonly jobs = new Map<string, RenderJob>();
  private readonly waiting: { job: RenderJob; task: RenderTask; classify: (e: unknown) => RenderFailure }[] = [];
  private running = 0;
  private readonly waiters = new Map<string, (() => void)[]>();

  constructor(
    readonly maxRunning = 2,
    /** A finished job (and its file) is kept this long for its link. */
    readonly keepMs = 30 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Queues a render for `owner`; throws RenderBusyError when the owner already has one queued or running. */
  submit(owner: number, report: string, task: RenderTask, classify: (e: unknown) => RenderFailure): RenderJob {
    this.prune();
    const busy = [...this.jobs.values()].find((j) => j.owner === owner && j.finishedAt === null);
    if (busy) throw new RenderBusyError(busy);
    const job: RenderJob = {
      id: randomUUID(),
      owner,
      report,
      stage: 'queued',
      progress: 0,
      createdAt: this.now(),
      finishedAt: null,
      file: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    this.waiting.push({ job, task, classify });
    this.pump();
    return job;
  }

  /** The owner's job (another user's id is as unknown as a wrong one). */
  get(id: string, owner: number): RenderJob | null {
    this.prune();
    const job = this.jobs.get(id);
    return job && job.owner === owner ? job : null;
  }

  view(job: RenderJob): RenderJobView {
    const position = job.stage === 'queued' ? this.waiting.findIndex((w) => w.job === job) + 1 : 0;
    return {
      id: job.id,
      report: job.report,
      stage: job.stage,
      progress: job.progress,
      error: job.error,
      position,
      fileName: job.file?.name ?? null,
      bytes: job.file?.bytes.length ?? null,
      seconds: job.finishedAt === null ? null : (job.finishedAt - job.createdAt) / 1000,
    };
  }

  /** Resolves when the job has finished (done or failed). */
  finished(job: RenderJob): Promise<RenderJob> {
    if (job.finishedAt !== null) return Promise.resolve(job);
    return new Promise((resolve) => {
      const list = this.waiters.get(job.id) ?? [];
      list.push(() => resolve(job));
      this.waiters.set(job.id, list);
    });
  }

  /** Renders running now (for tests and the status line). */
  get active(): number {
    return this.running;
  }

  private pump(): void {
    while (this.running < this.maxRunning && this.waiting.length > 0) {
      const next = this.waiting.shift()!;
      this.running += 1;
      void this.run(next.job, next.task, next.classify);
    }
  }

  private async run(job: RenderJob, task: RenderTask, classify: (e: unknown) => RenderFailure): Promise<void> {
    job.stage = 'starting';
    job.progress = PROGRESS.starting;
    try {
      job.file = await task((stage, percent) => {
        job.stage = stage;
        job.progress = Math.max(job.progress, Math.min(99, Math.round(percent)));
      });
      job.stage = 'done';
      job.progress = 100;
    } catch (e) {
      job.stage = 'failed';
      job.progress = PROGRESS.failed;
      job.error = classify(e);
    } finally {
      job.finishedAt = this.now();
      this.running -= 1;
      for (const w of this.waiters.get(job.id) ?? []) w();
      this.waiters.delete(job.id);
      this.pump();
    }
  }

  private prune(): void {
    const limit = this.now() - this.keepMs;
    for (const [id, j] of this.jobs) if (j.finishedAt !== null && j.finishedAt < limit) this.jobs.delete(id);
  }
}

const KEY = Symbol.for('quantrac.reportRenderQueue');
type Holder = { [KEY]?: RenderQueue };

/** The web process's one queue (kept on globalThis: route bundles share it). */
export function reportRenderQueue(): RenderQueue {
  const g = globalThis as Holder;
  g[KEY] ??= new RenderQueue(2);
  return g[KEY];
}
