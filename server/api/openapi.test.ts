import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIsoLocal } from '@/lib/domain/time';
import { API_ROUTES } from './contract';
import { isoDateTime } from './contract/common';
import { HTTP_METHODS, type RouteDef } from './contract/define';
import { buildOpenApiDocument } from './openapi';

const API_DIR = path.resolve(import.meta.dirname, '../../app/api/v1');
const EXPORTED_METHOD = new RegExp(`export\\s+(?:const|(?:async\\s+)?function)\\s+(${HTTP_METHODS.join('|')}|HEAD|OPTIONS)\\b`, 'g');

type RouteFile = { file: string; path: string; methods: string[] };

/** Every route.ts under app/api/v1 with the OpenAPI path of its folder (`[code]` → `{code}`) and the methods it exports. */
function routeFiles(dir = API_DIR, prefix = '/api/v1'): RouteFile[] {
  const out: RouteFile[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...routeFiles(full, `${prefix}/${entry.replace(/^\[(.+)\]$/, '{$1}')}`));
    else if (/^route\.tsx?$/.test(entry)) {
      const methods = [...readFileSync(full, 'utf8').matchAll(EXPORTED_METHOD)].map((m) => m[1] as string);
      out.push({ file: path.relative(API_DIR, full), path: prefix, methods });
    }
  }
  return out;
}

const doc = buildOpenApiDocument();
const files = routeFiles();
const operations = Object.entries(doc.paths).flatMap(([p, item]) => Object.entries(item).map(([m, op]) => ({ key: `${m.toUpperCase()} ${p}`, op })));

/** Every `$ref` in a JSON value. */
function refs(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(refs);
  if (typeof v !== 'object' || v === null) return [];
  return Object.entries(v).flatMap(([k, x]) => (k === '$ref' && typeof x === 'string' ? [x] : refs(x)));
}

function resolve(ref: string): unknown {
  expect(ref.startsWith('#/'), ref).toBe(true);
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), doc);
}

describe('the OpenAPI document generated from the route declarations', () => {
  it('documents exactly the routes on disk: every (method, path) a route.ts exports, and no other', () => {
    const onDisk = files.flatMap((f) => f.methods.map((m) => `${m} ${f.path}`)).sort();
    expect(files.length).toBeGreaterThan(25);
    expect(files.filter((f) => f.methods.length === 0).map((f) => f.file)).toEqual([]);
    expect(operations.map((o) => o.key).sort()).toEqual(onDisk);
    expect(Object.keys(doc.paths).sort()).toEqual([...new Set(files.map((f) => f.path))].sort());
  });

  it('each exported handler is built from the declaration of its own method and path', async () => {
    for (const f of files) {
      const mod = (await import(/* @vite-ignore */ path.join(API_DIR, f.file))) as Record<string, { route?: RouteDef }>;
      for (const m of f.methods) {
        const route = mod[m]?.route;
        expect(route, `${m} ${f.file} is not a declared handler (handle(route, …))`).toBeDefined();
        expect(`${route?.method} ${route?.path}`).toBe(`${m} ${f.path}`);
      }
    }
  });

  it('is OpenAPI 3.1 with bearer auth, the error body, error responses and the page parameters', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.schemas.Error).toMatchObject({ properties: { error: { required: ['code', 'message', 'details'] } } });
    const codes = (doc.components.schemas.Error as { properties: { error: { properties: { code: { enum: string[] } } } } }).properties.error.properties.code.enum;
    expect([...codes].sort()).toEqual(['CONFLICT', 'FORBIDDEN', 'INTERNAL', 'NOT_FOUND', 'RATE_LIMITED', 'UNAUTHORIZED', 'VALIDATION']);
    for (const name of ['BadRequest', 'Unauthorized', 'Forbidden', 'NotFound', 'Conflict', 'Internal']) expect(doc.components.responses).toHaveProperty(name);
    expect(doc.components.parameters.limit).toMatchObject({ in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } });
    expect(doc.components.parameters.cursor).toMatchObject({ in: 'query', schema: { type: 'string' } });
  });

  it('has no dangling references and no schema left as a private inline id', () => {
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(50);
    for (const ref of new Set(all)) expect(resolve(ref), ref).toBeDefined();
    expect(JSON.stringify(doc)).not.toMatch(/__inline|__shared|"\$schema"|"\$id"/);
  });

  it.each(operations.map((o) => [o.key, o.op] as const))('%s: security, path parameters and error answers follow its declaration', (key, op) => {
    const route = API_ROUTES.find((r) => `${r.method} ${r.path}` === key);
    expect(route).toBeDefined();
    if (!route) return;
    const responses = Object.keys(op.responses);
    expect(responses).toContain('500');
    if (route.access === 'public') expect(op.security.some((s) => Object.keys(s).length === 0) || op.security.length === 0).toBe(true);
    else {
      expect(op.security).toEqual([{ bearerAuth: [] }]);
      expect(responses).toContain('401');
    }
    if (Array.isArray(route.access)) expect(responses).toContain('403');
    const templated = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const pathParams = (op.parameters ?? []).flatMap((p) => ('name' in p && p.in === 'path' ? [p] : []));
    expect(pathParams.map((p) => p.name).sort()).toEqual(templated.sort());
    for (const p of pathParams) expect(p.required).toBe(true);
    if (templated.length > 0) expect(responses).toContain('404');
    if (route.params || route.query || route.headers || route.body) expect(responses).toContain('400');
  });

  it('pages every list that takes ?limit=&cursor= as {items, nextCursor}', () => {
    const paged = operations.filter(({ op }) => refs(op.parameters ?? []).includes('#/components/parameters/limit'));
    expect(paged.length).toBeGreaterThan(8);
    for (const { key, op } of paged) {
      const ok = op.responses['200'];
      const schema = ok && 'content' in ok ? ok.content?.['application/json']?.schema : undefined;
      const body = (schema && '$ref' in schema && typeof schema.$ref === 'string' ? resolve(schema.$ref) : schema) as { properties?: Record<string, unknown>; required?: string[] };
      expect(body?.required, key).toEqual(expect.arrayContaining(['items', 'nextCursor']));
    }
  });

  it('documents request times as ISO text and answers as they are written (date-time, +07:00)', () => {
    const q = doc.paths['/api/v1/alerts']?.get?.parameters?.find((p) => 'name' in p && p.name === 'from');
    expect(q).toMatchObject({ in: 'query', required: false, schema: { type: 'string', format: 'date-time' } });
    expect(doc.components.schemas.Alert).toMatchObject({ properties: { openedAt: { type: 'string', format: 'date-time' } } });
  });

  it.each([
    ['whole seconds', new Date('2024-05-24T03:05:00Z')],
    ['milliseconds', new Date('2024-05-24T03:05:00.123Z')],
    ['local midnight', new Date('2024-05-23T17:00:00Z')],
  ])('the output instant schema accepts what formatIsoLocal writes (%s)', (_label, date) => {
    expect(isoDateTime.safeParse(formatIsoLocal(date)).success).toBe(true);
  });

  it('declares request examples its own schemas accept', () => {
    const withExamples = API_ROUTES.filter((r) => r.body?.kind === 'json' && r.body.example !== undefined);
    expect(withExamples.length).toBeGreaterThan(0);
    for (const r of withExamples) if (r.body?.kind === 'json') expect(r.body.schema.safeParse(r.body.example).success, r.operationId).toBe(true);
  });
});
