/**
 * Security round 2, finding 6 (API part): bodies over their cap are refused with 413 while they stream, on every
 * route; an oversize ingest upload leaves nothing in data/raw and no row in the ledger.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeFacility, makeStation, tokenFor } from './api-fixtures';
import { disconnectDb, pool } from '@/lib/db/client';
import { env } from '@/lib/env';

let facilityToken: string;
let admin: string;
let fileCode: string;

beforeAll(async () => {
  const f = await makeFacility();
  fileCode = (await makeStation(f.code)).fileCode;
  facilityToken = await tokenFor('facility', f.code);
  admin = await tokenFor('admin');
});

afterAll(async () => {
  await disconnectDb();
});

async function rawFiles(): Promise<number> {
  const dir = path.join(env().dataDir, 'raw');
  const walk = async (d: string): Promise<number> => {
    let n = 0;
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) n += e.isDirectory() ? await walk(path.join(d, e.name)) : 1;
    return n;
  };
  return walk(dir);
}

/** A body that streams `total` bytes in 64 KiB chunks and counts how much of it was pulled. */
function streamingBody(total: number): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x41);
  return {
    body: new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent >= total) return c.close();
        sent += chunk.byteLength;
        c.enqueue(chunk);
      },
    }),
    pulled: () => sent,
  };
}

describe('body caps', () => {
  it('an ingest upload over INGEST_MAX_BYTES (declared length) is 413; nothing kept', async () => {
    const before = await rawFiles();
    const ledgerBefore = (await pool().query('SELECT count(*)::int AS n FROM ingest_file')).rows[0].n as number;
    const big = Buffer.alloc(env().INGEST_MAX_BYTES + 1, 0x41);
    const { POST } = await import('@/app/api/v1/ingest/route');
    const r = await call(POST, '/api/v1/ingest', {
      method: 'POST',
      token: facilityToken,
      raw: big,
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': `BG_${fileCode}_20240524100500.txt`, 'content-length': String(big.length) },
    });
    expect(r.status).toBe(413);
    expect(await rawFiles()).toBe(before);
    expect((await pool().query('SELECT count(*)::int AS n FROM ingest_file')).rows[0].n).toBe(ledgerBefore);
  });

  it('a streamed upload without Content-Length is cut off soon after the cap (50 MB never read)', async () => {
    const before = await rawFiles();
    const { POST } = await import('@/app/api/v1/ingest/route');
    const s = streamingBody(50 * 1024 * 1024);
    const req = new Request('http://x/api/v1/ingest', {
      method: 'POST',
      headers: { authorization: `Bearer ${facilityToken}`, 'content-type': 'application/octet-stream', 'x-file-name': `BG_${fileCode}_20240524100500.txt` },
      body: s.body,
      duplex: 'half',
    } as RequestInit);
    const res = await POST(req);
    expect(res.status).toBe(413);
    expect(s.pulled()).toBeLessThan(env().INGEST_MAX_BYTES + 512 * 1024);
    expect(await rawFiles()).toBe(before);
  });

  it('a JSON route refuses a body over 1 MiB with 413', async () => {
    const { POST } = await import('@/app/api/v1/limits/import/route');
    const s = streamingBody(3 * 1024 * 1024);
    const req = new Request('http://x/api/v1/limits/import', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: s.body,
      duplex: 'half',
    } as RequestInit);
    const res = await POST(req);
    expect(res.status).toBe(413);
  });

  it('a route without a body refuses a huge declared Content-Length with 413', async () => {
    const { GET } = await import('@/app/api/v1/alerts/route');
    const r = await call(GET, '/api/v1/alerts', { token: admin, headers: { 'content-length': String(60 * 1024 * 1024) } });
    expect(r.status).toBe(413);
  });
});
