/**
 * Security round 2, finding 8: inputs that used to answer 500 answer 400/404 (ids beyond int4, cursors holding such
 * ids, a NUL in a path or query). Called through the real route handlers against the real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, tokenFor } from './api-fixtures';
import { disconnectDb } from '@/lib/db/client';
import { encodeCursor } from '@/server/api/pagination';

let admin: string;

beforeAll(async () => {
  admin = await tokenFor('admin');
});

afterAll(async () => {
  await disconnectDb();
});

describe('no 500 on hostile ids, cursors and NULs', () => {
  it.each([
    ['alert id beyond int4', () => import('@/app/api/v1/alerts/[id]/route'), '/api/v1/alerts/2147483648', { id: '2147483648' }],
    ['raw file id beyond int4', () => import('@/app/api/v1/ingest/files/[id]/raw/route'), '/api/v1/ingest/files/99999999999/raw', { id: '99999999999' }],
    ['station code NUL', () => import('@/app/api/v1/stations/[code]/route'), '/api/v1/stations/%00', { code: '\u0000' }],
  ] as const)('%s → 400 or 404', async (_label, load, url, params) => {
    const mod = (await load()) as { GET: Parameters<typeof call>[0] };
    const r = await call(mod.GET, url, { token: admin, params });
    expect([400, 404], JSON.stringify(r.body)).toContain(r.status);
  });

  it.each([
    ['alerts cursor', () => import('@/app/api/v1/alerts/route'), '/api/v1/alerts'],
    ['ingest files cursor', () => import('@/app/api/v1/ingest/files/route'), '/api/v1/ingest/files'],
  ] as const)('%s holding an id beyond int4 → 400', async (_label, load, url) => {
    const mod = (await load()) as { GET: Parameters<typeof call>[0] };
    const r = await call(mod.GET, `${url}?cursor=${encodeCursor(99999999999)}`, { token: admin });
    expect(r.status, JSON.stringify(r.body)).toBe(400);
  });

  it('a NUL in a query value → 400', async () => {
    const mod = await import('@/app/api/v1/alerts/route');
    const r = await call(mod.GET, '/api/v1/alerts?station=%00', { token: admin });
    expect(r.status, JSON.stringify(r.body)).toBe(400);
  });
});
