import { describe, expect, it } from 'vitest';
import { RenderBusyError, RenderQueue, type RenderFile, type RenderTask } from './render-queue';

/** A task the test finishes by hand. */
function gate(): { task: RenderTask; started: () => boolean; finish: (ok?: boolean) => void } {
  let started = false;
  let done: ((f: RenderFile) => void) | undefined;
  let fail: ((e: Error) => void) | undefined;
  const task: RenderTask = (progress) => {
    started = true;
    progress('loading', 40);
    return new Promise<RenderFile>((res, rej) => {
      done = res;
      fail = rej;
    });
  };
  return {
    task,
    started: () => started,
    finish: (ok = true) => (ok ? done?.({ name: 'x.pdf', bytes: Buffer.from('%PDF-') }) : fail?.(new Error('boom'))),
  };
}
const classify = (e: unknown) => ({ kind: 'failed' as const, message: e instanceof Error ? e.message : 'x' });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('RenderQueue', () => {
  it('runs at most two renders at a time; the third waits in order and starts when one ends', async () => {
    const q = new RenderQueue(2);
    const [a, b, c] = [gate(), gate(), gate()];
    const ja = q.submit(1, 'completeness', a.task, classify);
    const jb = q.submit(2, 'completeness', b.task, classify);
    const jc = q.submit(3, 'completeness', c.task, classify);
    expect([a.started(), b.started(), c.started()]).toEqual([true, true, false]);
    expect(q.active).toBe(2);
    expect(q.view(jc)).toMatchObject({ stage: 'queued', position: 1, progress: 0 });
    expect(q.view(ja)).toMatchObject({ stage: 'loading', progress: 40 });
    a.finish();
    await q.finished(ja);
    await tick();
    expect(c.started()).toBe(true);
    expect(q.view(ja)).toMatchObject({ stage: 'done', progress: 100, fileName: 'x.pdf', bytes: 5 });
    b.finish(false);
    await q.finished(jb);
    expect(q.view(jb)).toMatchObject({ stage: 'failed', error: { kind: 'failed', message: 'boom' } });
    c.finish();
    await q.finished(jc);
    expect(q.active).toBe(0);
  });

  it.each([
    { label: 'while queued', runningFirst: false },
    { label: 'while running', runningFirst: true },
  ])('one user has at most one render queued or running ($label); after it ends a new one is accepted', async ({ runningFirst }) => {
    const q = new RenderQueue(runningFirst ? 2 : 1);
    const blockers = runningFirst ? [] : [gate()];
    blockers.forEach((g, i) => q.submit(100 + i, 'x', g.task, classify));
    const mine = gate();
    const job = q.submit(7, 'completeness', mine.task, classify);
    expect(job.stage).toBe(runningFirst ? 'loading' : 'queued');
    expect(() => q.submit(7, 'exceedances', gate().task, classify)).toThrow(RenderBusyError);
    // Another user is not affected.
    expect(() => q.submit(8, 'exceedances', gate().task, classify)).not.toThrow();
    blockers.forEach((g) => g.finish());
    await tick();
    mine.finish();
    await q.finished(job);
    expect(() => q.submit(7, 'exceedances', gate().task, classify)).not.toThrow();
  });

  it('a job is visible to its owner only and is forgotten after keepMs', async () => {
    let now = 0;
    const q = new RenderQueue(2, 1000, () => now);
    const g = gate();
    const job = q.submit(1, 'x', g.task, classify);
    expect(q.get(job.id, 2)).toBeNull();
    expect(q.get(job.id, 1)).toBe(job);
    g.finish();
    await q.finished(job);
    now = 999;
    expect(q.get(job.id, 1)).toBe(job);
    now = 1001;
    expect(q.get(job.id, 1)).toBeNull();
  });
});
