/**
 * Security round 2, finding 12 (HSTS): Strict-Transport-Security is sent for requests that arrived over https
 * (X-Forwarded-Proto https), through the header rules Next applies (next.config.ts).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

type Rule = { source: string; has?: { type: string; key: string; value?: string }[]; headers: { key: string; value: string }[] };
const requireCjs = createRequire(import.meta.url);

async function headersFor(pathname: string, requestHeaders: Record<string, string>): Promise<Map<string, string>> {
  const mod = (await import('@/next.config')) as { default: { headers?: () => Promise<Rule[]> } };
  const rules = (await mod.default.headers?.()) ?? [];
  const { pathToRegexp } = requireCjs('next/dist/compiled/path-to-regexp') as { pathToRegexp: (s: string) => RegExp };
  const out = new Map<string, string>();
  for (const r of rules) {
    if (!pathToRegexp(r.source).test(pathname)) continue;
    const matches = (r.has ?? []).every((h) => h.type === 'header' && requestHeaders[h.key] !== undefined && (h.value === undefined || new RegExp(`^${h.value}$`).test(requestHeaders[h.key]!)));
    if (matches) for (const h of r.headers) out.set(h.key.toLowerCase(), h.value);
  }
  return out;
}

describe('HSTS', () => {
  it.each([
    ['page over https', '/map', { 'x-forwarded-proto': 'https' }, true],
    ['API over https', '/api/v1/health', { 'x-forwarded-proto': 'https' }, true],
    ['page over http', '/map', { 'x-forwarded-proto': 'http' }, false],
    ['no proto', '/login', {}, false],
  ] as const)('%s', async (_label, p, h, expected) => {
    const hsts = (await headersFor(p, h)).get('strict-transport-security');
    if (expected) expect(hsts).toMatch(/max-age=31536000/);
    else expect(hsts).toBeUndefined();
  });
});
