import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
// lib/env.ts currently fails to parse when DEMO is unset (reported to the lead).
process.env.DEMO ??= '0';

import { disconnectDb, pool } from '@/lib/db/client';
import { claimJobs, completeJob, enqueueJob, failJob } from '@/lib/services/jobs';

/** Each test uses its own job kind, so rows of other tests (and of ingestion) never interfere. */
const kindOf = (label: string) => `test-${label}-${Math.random().toString(36).slice(2, 8)}`;

async function pending(kind: string): Promise<{ id: number; dedupe_key: string | null; run_at: Date; attempts: number; last_error: string | null }[]> {
  const r = await pool().query(`SELECT id, dedupe_key, run_at, attempts, last_error FROM job WHERE kind = $1 AND done_at IS NULL ORDER BY id`, [kind]);
  return r.rows;
}

afterAll(async () => {
  await disconnectDb();
});

describe('job queue', () => {
  it('enqueuing the same dedupe key twice while pending is a no-op (earlier run_at wins)', async () => {
    const kind = kindOf('dedupe');
    const later = new Date(Date.now() + 60_000);
    const sooner = new Date(Date.now() + 30_000);
    await enqueueJob(kind, { stationId: 1 }, { dedupeKey: `${kind}:1`, runAt: later });
    await enqueueJob(kind, { stationId: 1 }, { dedupeKey: `${kind}:1`, runAt: sooner });
    await enqueueJob(kind, { stationId: 2 }, { dedupeKey: `${kind}:2` });
    await enqueueJob(kind, { stationId: 3 });
    await enqueueJob(kind, { stationId: 3 });
    const rows = await pending(kind);
    expect(rows).toHaveLength(4);
    expect(rows[0]!.run_at).toEqual(sooner);
  });

  it('claims only due jobs of the asked kinds, oldest first, up to max, and counts attempts', async () => {
    const kind = kindOf('claim');
    const other = kindOf('other');
    for (let i = 0; i < 3; i++) await enqueueJob(kind, { n: i });
    await enqueueJob(kind, { n: 'future' }, { runAt: new Date(Date.now() + 3_600_000) });
    await enqueueJob(other, { n: 'other' });
    const first = await claimJobs('w1', [kind], 2);
    expect(first.map((j) => j.payload)).toEqual([{ n: 0 }, { n: 1 }]);
    expect(first.every((j) => j.kind === kind && j.attempts === 1)).toBe(true);
    const second = await claimJobs('w2', [kind], 10);
    expect(second.map((j) => j.payload)).toEqual([{ n: 2 }]);
    expect(await claimJobs('w3', [kind], 10)).toEqual([]);
  });

  it('concurrent claimers never get the same job (FOR UPDATE SKIP LOCKED)', async () => {
    const kind = kindOf('race');
    for (let i = 0; i < 40; i++) await enqueueJob(kind, { n: i });
    const claims = await Promise.all(Array.from({ length: 8 }, (_, w) => claimJobs(`w${w}`, [kind], 10)));
    const ids = claims.flat().map((j) => j.id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
  });

  it('a completed job is gone from the queue; a failed one comes back at retryAt with its error', async () => {
    const kind = kindOf('done');
    await enqueueJob(kind, { a: 1 });
    await enqueueJob(kind, { b: 2 });
    const [a, b] = await claimJobs('w', [kind], 2);
    await completeJob(a!.id);
    await failJob(b!.id, 'boom', new Date(Date.now() - 1000));
    const rows = await pending(kind);
    expect(rows.map((r) => [r.id, r.last_error])).toEqual([[b!.id, 'boom']]);
    const again = await claimJobs('w', [kind], 5);
    expect(again.map((j) => [j.id, j.attempts])).toEqual([[b!.id, 2]]);
    await failJob(b!.id, 'later', new Date(Date.now() + 3_600_000));
    expect(await claimJobs('w', [kind], 5)).toEqual([]);
  });

  it('once a deduplicated job is claimed, the same key can be enqueued again (new data after the run started)', async () => {
    const kind = kindOf('rerun');
    await enqueueJob(kind, { s: 1 }, { dedupeKey: `${kind}:k` });
    const [j] = await claimJobs('w', [kind], 1);
    await enqueueJob(kind, { s: 1 }, { dedupeKey: `${kind}:k` });
    const rows = await pending(kind);
    expect(rows.map((r) => r.dedupe_key)).toEqual([null, `${kind}:k`]);
    await completeJob(j!.id);
    expect(await pending(kind)).toHaveLength(1);
  });
});
