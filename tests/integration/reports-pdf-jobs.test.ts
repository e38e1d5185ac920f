/**
 * Report PDFs as background jobs (issue 18/19): POST /reports/<id>/pdf answers at once with a job, the page polls
 * /reports/pdf-jobs/<job> for its progress and fetches /file when it is done; at most two renders run at a time, one
 * user has at most one queued or running (429), a job is its owner's only, and a missing Chromium is a clear error
 * on the job, not raw JSON from a download. Real Chromium renders a slow stand-in print page.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { uid } from './api-fixtures';
import { disconnectDb } from '@/lib/db/client';
import { createUser, type Role } from '@/lib/db/users';
import { resetEnv } from '@/lib/env';

type FakeSession = { user: { id: number; email: string; name: string; role: Role; facilityId: number | null } } | null;
const state = vi.hoisted(() => ({ session: null as FakeSession }));
vi.mock('next-auth', async (importOriginal) => {
  const orig = await importOriginal<typeof import('next-auth')>();
  return { ...orig, getServerSession: vi.fn(async () => state.session) };
});
vi.mock('next-intl/server', () => ({
  getTranslations: vi.fn(async () => (key: string) => key),
  getLocale: vi.fn(async () => 'vi'),
}));

const { POST: startCompleteness } = await import('@/app/(app)/reports/completeness/pdf/route');
const { GET: jobStatus } = await import('@/app/(app)/reports/pdf-jobs/[job]/route');
const { GET: jobFile } = await import('@/app/(app)/reports/pdf-jobs/[job]/file/route');

type JobView = { id: string; stage: string; progress: number; position: number; error: { kind: string; message: string } | null; fileName: string | null };
const users: NonNullable<FakeSession>[] = [];
let server: http.Server;
let printRequests = 0;

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    printRequests += 1;
    // A print page that takes a while, as a long report does.
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Báo cáo</title><h1>BÁO CÁO</h1><span data-print-ready="true"></span>');
    }, 2500);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.INTERNAL_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  resetEnv();
  for (let i = 0; i < 4; i++) {
    const u = await createUser({
      email: `${uid('pdfjob')}@reports-pdf-jobs.test`.toLowerCase(),
      name: `PDF ${i}`,
      passwordHash: '$2b$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva',
      role: 'manager',
      facilityId: null,
    });
    users.push({ user: { id: u.id, email: u.email, name: u.name, role: 'manager', facilityId: null } });
  }
});

afterAll(async () => {
  state.session = null;
  await new Promise((r) => server.close(r));
  await disconnectDb();
});

const as = (i: number) => (state.session = users[i]!);
const start = () => startCompleteness(new Request('http://localhost/reports/completeness/pdf?from=01/12/2026&to=06/12/2026', { method: 'POST' }));
const params = (job: string) => ({ params: Promise.resolve({ job }) });
async function status(i: number, id: string): Promise<{ code: number; job?: JobView }> {
  as(i);
  const r = await jobStatus(new Request(`http://localhost/reports/pdf-jobs/${id}`), params(id));
  return { code: r.status, job: r.ok ? ((await r.json()) as { job: JobView }).job : undefined };
}
async function until(i: number, id: string, stages: string[]): Promise<JobView> {
  for (let n = 0; n < 240; n++) {
    const s = await status(i, id);
    if (s.job && stages.includes(s.job.stage)) return s.job;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`job ${id} never reached ${stages.join('/')}`);
}

describe('background report PDFs', () => {
  it('two renders at a time, one per user, progress then a file for its owner only', async () => {
    as(0);
    const r0 = await start();
    expect(r0.status).toBe(202);
    const j0 = ((await r0.json()) as { job: JobView }).job;
    // The same user again while the first is running: refused, with the running job to follow.
    const again = await start();
    expect(again.status).toBe(429);
    const busy = (await again.json()) as { error: { code: string }; job: JobView };
    expect(busy.error.code).toBe('BUSY');
    expect(busy.job.id).toBe(j0.id);

    as(1);
    const j1 = ((await (await start()).json()) as { job: JobView }).job;
    as(2);
    const r2 = await start();
    expect(r2.status).toBe(202);
    const j2 = ((await r2.json()) as { job: JobView }).job;
    // The third user's render waits: two run already.
    expect(j2).toMatchObject({ stage: 'queued', position: 1, progress: 0 });
    const mid = await until(0, j0.id, ['loading', 'printing', 'done']);
    expect(mid.progress).toBeGreaterThan(0);

    // Not visible to another user.
    expect((await status(3, j0.id)).code).toBe(404);
    as(3);
    expect((await jobFile(new Request('http://localhost/x'), params(j0.id))).status).toBe(404);

    for (const [i, j] of [[0, j0], [1, j1], [2, j2]] as const) {
      const done = await until(i, j.id, ['done', 'failed']);
      expect(done).toMatchObject({ stage: 'done', progress: 100, error: null });
      expect(done.fileName).toMatch(/^bao-cao-completeness-01122026-06122026\.pdf$/);
      as(i);
      const file = await jobFile(new Request('http://localhost/x'), params(j.id));
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    expect(printRequests).toBeGreaterThanOrEqual(3);
    // Once finished, the user may start another.
    as(0);
    const next = await start();
    expect(next.status).toBe(202);
    await until(0, ((await next.json()) as { job: JobView }).job.id, ['done', 'failed']);
  }, 180_000);

  it('without Chromium the job fails with the Chromium message (shown on the page), not a download of JSON', async () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    resetEnv();
    try {
      as(1);
      const r = await start();
      expect(r.status).toBe(202);
      const id = ((await r.json()) as { job: JobView }).job.id;
      const failed = await until(1, id, ['done', 'failed']);
      expect(failed).toMatchObject({ stage: 'failed', error: { kind: 'chromium', message: 'chromium' } });
      as(1);
      const file = await jobFile(new Request('http://localhost/x'), params(id));
      expect(file.status).toBe(503);
    } finally {
      process.env.CHROMIUM_PATH = '/usr/bin/chromium';
      resetEnv();
    }
  }, 60_000);
});
