import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, ISO_VN } from './api-fixtures';
import { writeHeartbeat } from '@/lib/db/heartbeat';
import { GET as health } from '@/app/api/v1/health/route';
import { GET as openapi } from '@/app/api/v1/openapi.json/route';

/** Every route.ts under app/api/v1 as an OpenAPI path (`[code]` → `{code}`). */
function routePaths(dir = path.resolve('app/api/v1'), prefix = '/api/v1'): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...routePaths(full, `${prefix}/${entry.replace(/^\[(.+)\]$/, '{$1}')}`));
    else if (/^route\.tsx?$/.test(entry)) out.push(prefix);
  }
  return out;
}

describe('GET /api/v1/health', () => {
  it('answers without a token, degraded while no worker heartbeat is fresh, ok once the worker and FTP report', async () => {
    await writeHeartbeat('worker', new Date(Date.now() - 3_600_000), { ftpListening: true });
    const stale = await call(health, '/api/v1/health');
    expect(stale.status).toBe(200);
    expect(stale.body).toMatchObject({ status: 'degraded', db: 'ok', ftp: { listening: false } });
    expect(stale.body.worker.lagSeconds).toBeGreaterThanOrEqual(3599);

    await writeHeartbeat('worker', new Date(), { ftpListening: true });
    const fresh = await call(health, '/api/v1/health');
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ status: 'ok', db: 'ok', ftp: { listening: true } });
    expect(fresh.body.worker.lagSeconds).toBeLessThan(5);
    expect(fresh.body.worker.at).toMatch(ISO_VN);

    await writeHeartbeat('worker', new Date(), { ftpListening: false });
    const noFtp = await call(health, '/api/v1/health');
    expect(noFtp.body).toMatchObject({ status: 'degraded', ftp: { listening: false } });
  });

  it('ignores a bad token (public endpoint)', async () => {
    const r = await call(health, '/api/v1/health', { token: 'qt_not-a-token' });
    expect(r.status).toBe(200);
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document describing every route, with bearer auth', async () => {
    const r = await call(openapi, '/api/v1/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    expect(r.body.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    const documented = Object.keys(r.body.paths).sort();
    expect(documented).toEqual(routePaths().sort());
    for (const p of ['/api/v1/stations', '/api/v1/stations/{code}/readings', '/api/v1/ingest', '/api/v1/ingest/files/{id}/raw']) {
      expect(documented).toContain(p);
    }
  });

  it('has no dangling schema references', async () => {
    const r = await call(openapi, '/api/v1/openapi.json');
    const refs = [...JSON.stringify(r.body).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const name of refs) expect(r.body.components.schemas).toHaveProperty(name as string);
  });
});
