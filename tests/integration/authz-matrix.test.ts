/**
 * Authorization matrix of the HTTP API: every route handler under app/api/** is called as an anonymous caller and
 * with an API token of each role, and the answer is checked against the table below (401 anonymous, 403 wrong role,
 * 404 for another facility's resources). The route files are discovered on disk, so a new route (or a new method on
 * an existing one) without an entry here fails the test. Every JSON answer is also scanned for secrets.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeFacility, makeStation, tokenFor, uid, type CallResult } from './api-fixtures';
import { disconnectDb, pool } from '@/lib/db/client';
import type { Role } from '@/lib/db/users';
import { createFacilityService } from '@/lib/services/accounts';
import { createTargetService } from '@/lib/services/forwarding';
import { ingestFile } from '@/lib/services/ingest';
import { hashToken } from '@/lib/services/accounts';

const API_DIR = path.resolve(import.meta.dirname, '../../app/api');
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
type Method = (typeof HTTP_METHODS)[number];

const STAFF: readonly Role[] = ['admin', 'operator', 'inspector', 'manager'];
const ROLES: readonly Role[] = ['admin', 'operator', 'inspector', 'manager', 'facility'];

/** What the fixtures created; routes take their parameters from here. */
type Fx = {
  stationA: string;
  stationB: string;
  facilityA: string;
  rawFileId: number;
  targetId: number;
};

type Case = {
  /** 'public': anyone, no token needed; 'any': any valid token; else the roles allowed. */
  allow: 'public' | 'any' | readonly Role[];
  params?: (fx: Fx) => Record<string, string>;
  query?: string;
  /** JSON body; mutating routes get an invalid one so that allowed callers stop at validation (nothing changes). */
  body?: unknown;
  /** Status every allowed caller must get (when the request is valid); otherwise anything but 401/403/5xx. */
  ok?: number;
  /** Facility-scoped: the same request for facility B's resource, which facility A's token must get as 404. */
  foreign?: (fx: Fx) => Record<string, string>;
};

/** The expectation table: `<path under app/api>` → method → case. `next-auth` is the sign-in handler (hardening test). */
const MATRIX: Record<string, Partial<Record<Method, Case>> | 'next-auth'> = {
  'auth/[...nextauth]': 'next-auth',
  'v1/health': { GET: { allow: 'public' } },
  'v1/openapi.json': { GET: { allow: 'public', ok: 200 } },
  'v1/alerts': { GET: { allow: STAFF, ok: 200 } },
  'v1/alerts/[id]': { GET: { allow: STAFF, params: () => ({ id: '999999' }) } },
  'v1/alerts/[id]/acknowledge': {
    POST: { allow: ['operator', 'inspector'], params: () => ({ id: '999999' }), body: {} },
  },
  'v1/alerts/[id]/disposition': { POST: { allow: ['inspector'], params: () => ({ id: '999999' }), body: {} } },
  'v1/facilities': { GET: { allow: STAFF, ok: 200 }, POST: { allow: ['admin'], body: {} } },
  'v1/facilities/[code]/tokens': { POST: { allow: ['admin'], params: (fx) => ({ code: fx.facilityA }), body: {} } },
  'v1/forwarding/resend': { POST: { allow: ['admin', 'operator'], body: {} } },
  'v1/forwarding/status': { GET: { allow: STAFF, ok: 200 } },
  'v1/forwarding/targets': { GET: { allow: ['admin'], ok: 200 }, POST: { allow: ['admin'], body: {} } },
  'v1/forwarding/targets/[id]': {
    GET: { allow: ['admin'], params: (fx) => ({ id: String(fx.targetId) }), ok: 200 },
    PATCH: { allow: ['admin'], params: (fx) => ({ id: String(fx.targetId) }), body: { port: 'not-a-port' } },
  },
  'v1/ingest': { POST: { allow: ['facility', 'admin'], body: {} } },
  'v1/ingest/files': { GET: { allow: STAFF, ok: 200 } },
  'v1/ingest/files/[id]/raw': { GET: { allow: STAFF, params: (fx) => ({ id: String(fx.rawFileId) }), ok: 200 } },
  'v1/kpi/completeness': { GET: { allow: STAFF, ok: 200 } },
  'v1/limits': { GET: { allow: STAFF, ok: 200 } },
  'v1/limits/import': { POST: { allow: ['admin'], body: {} } },
  'v1/qc/flags': { GET: { allow: 'any', ok: 200 } },
  'v1/qc/review': { GET: { allow: 'any', ok: 200 } },
  'v1/stations': { GET: { allow: 'any', ok: 200 }, POST: { allow: ['admin'], body: {} } },
  'v1/stations/[code]': {
    GET: { allow: 'any', params: (fx) => ({ code: fx.stationA }), ok: 200, foreign: (fx) => ({ code: fx.stationB }) },
  },
  'v1/stations/[code]/bindings': { PUT: { allow: ['admin'], params: (fx) => ({ code: fx.stationA }), body: {} } },
  'v1/stations/[code]/aqi': { GET: { allow: 'public', params: (fx) => ({ code: fx.stationA }) } },
  'v1/stations/[code]/wqi': { GET: { allow: 'public', params: (fx) => ({ code: fx.stationA }) } },
  'v1/stations/[code]/forecast': { GET: { allow: 'public', params: (fx) => ({ code: fx.stationA }), query: '?parameter=COD' } },
  'v1/stations/[code]/latest': {
    GET: { allow: 'any', params: (fx) => ({ code: fx.stationA }), ok: 200, foreign: (fx) => ({ code: fx.stationB }) },
  },
  'v1/stations/[code]/readings': {
    GET: {
      allow: 'any',
      params: (fx) => ({ code: fx.stationA }),
      query: '?parameter=COD',
      ok: 200,
      foreign: (fx) => ({ code: fx.stationB }),
    },
  },
  'v1/stations/[code]/overlays': {
    GET: { allow: 'any', params: (fx) => ({ code: fx.stationA }), ok: 200, foreign: (fx) => ({ code: fx.stationB }) },
    POST: { allow: ['operator', 'inspector', 'admin'], params: (fx) => ({ code: fx.stationA }), body: {} },
  },
  'v1/stations/[code]/overlays/[id]': {
    DELETE: { allow: ['operator', 'inspector', 'admin'], params: (fx) => ({ code: fx.stationA, id: '999999' }) },
  },
  'v1/stations/[code]/qc': {
    GET: { allow: STAFF, params: (fx) => ({ code: fx.stationA }), ok: 200 },
    PUT: { allow: ['admin'], params: (fx) => ({ code: fx.stationA }), body: {} },
  },
  'v1/stations/[code]/qc/periods': {
    GET: { allow: 'any', params: (fx) => ({ code: fx.stationA }), ok: 200, foreign: (fx) => ({ code: fx.stationB }) },
  },
  'v1/stations/[code]/qc/recompute': {
    GET: { allow: STAFF, params: (fx) => ({ code: fx.stationA }), ok: 200 },
    POST: { allow: ['admin'], params: (fx) => ({ code: fx.stationA }), body: {} },
  },
  'v1/stations/[code]/images': {
    GET: { allow: 'any', params: (fx) => ({ code: fx.stationA }), ok: 200, foreign: (fx) => ({ code: fx.stationB }) },
  },
  'v1/stations/[code]/images/[id]': {
    GET: { allow: 'any', params: (fx) => ({ code: fx.stationA, id: '999999' }), foreign: (fx) => ({ code: fx.stationB, id: '999999' }) },
  },
  'v1/stations/[code]/sampler/commands': {
    GET: { allow: 'any', params: (fx) => ({ code: fx.stationA }), ok: 200, foreign: (fx) => ({ code: fx.stationB }) },
    POST: { allow: ['inspector', 'admin'], params: (fx) => ({ code: fx.stationA }), body: { alertId: 'x' } },
  },
  'v1/stations/[code]/sampler/commands/[id]/result': {
    POST: { allow: ['facility'], params: (fx) => ({ code: fx.stationA, id: '999999' }), body: {} },
  },
};

/** `app/api/**\/route.ts` → `v1/stations/[code]` style keys. */
function discoverRoutes(): string[] {
  return (readdirSync(API_DIR, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => /(^|\/)route\.(ts|tsx|js)$/.test(f))
    .map((f) => f.replace(/\/?route\.(ts|tsx|js)$/, ''))
    .sort();
}

type Handler = (req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function loadRoute(key: string): Promise<Partial<Record<Method, Handler>>> {
  const mod = (await import(/* @vite-ignore */ path.join(API_DIR, key, 'route.ts'))) as Record<string, unknown>;
  const out: Partial<Record<Method, Handler>> = {};
  for (const m of HTTP_METHODS) if (typeof mod[m] === 'function') out[m] = mod[m] as Handler;
  return out;
}

let fx: Fx;
const tokens = new Map<Role, string>();
let tokenB: string;
const TARGET_PASSWORD = `pw-${uid('SECRET')}`;
const FTP_PASSWORD = `ftp-${uid('SECRET')}`;
/** Every answer of every call, for the secrets scan. */
const answers: { what: string; r: CallResult }[] = [];

beforeAll(async () => {
  const a = await makeFacility();
  const b = await makeFacility();
  // A facility with an FTP account: its password hash must never appear in a listing.
  await createFacilityService({
    code: uid('FF'),
    name: 'FTP facility',
    ftpUsername: uid('ftp').toLowerCase(),
    ftpPassword: FTP_PASSWORD,
  });
  const sa = await makeStation(a.code);
  const sb = await makeStation(b.code);
  const stamp = '20240524100500';
  const file = await ingestFile({
    name: `BG_${sa.fileCode}_${stamp}.txt`,
    bytes: Buffer.from(`COD\t45.3\tmg/L\t${stamp}\t00\r\nPH\t7.1\tpH\t${stamp}\t00\r\n`),
    source: 'api',
    account: 'authz-test',
  });
  const target = await createTargetService(
    {
      name: uid('target'),
      protocol: 'ftp',
      host: '127.0.0.1',
      port: 2121,
      username: 'u',
      password: TARGET_PASSWORD,
      enabled: false,
    },
    'authz-test',
  );
  fx = { stationA: sa.code, stationB: sb.code, facilityA: a.code, rawFileId: file.fileId, targetId: target.id };
  for (const role of ROLES) tokens.set(role, await tokenFor(role, role === 'facility' ? a.code : undefined));
  tokenB = await tokenFor('facility', b.code);
});

afterAll(async () => {
  await disconnectDb();
});

async function invoke(
  key: string,
  method: Method,
  handler: Handler,
  c: Case,
  token: string | null,
  params?: Record<string, string>,
) {
  const p = params ?? c.params?.(fx);
  let url = `/api/${key}`;
  for (const [k, v] of Object.entries(p ?? {})) url = url.replace(`[${k}]`, encodeURIComponent(v));
  const r = await call(handler, `${url}${c.query ?? ''}`, { method, token, body: c.body, params: p ?? {} });
  answers.push({ what: `${method} ${url} as ${token ? 'token' : 'anonymous'}`, r });
  return r;
}

describe('API authorization matrix', () => {
  const discovered = discoverRoutes();

  it('every route file under app/api has an entry, and every entry a route file', () => {
    expect(discovered.length).toBeGreaterThan(20);
    expect(discovered).toEqual(Object.keys(MATRIX).sort());
  });

  it('every exported HTTP method has an expectation, and every expectation a method', async () => {
    for (const key of discovered) {
      const spec = MATRIX[key];
      if (spec === undefined) continue;
      const handlers = await loadRoute(key);
      const exported = Object.keys(handlers).sort();
      if (spec === 'next-auth') {
        expect(exported, key).toEqual(['GET', 'POST']);
        continue;
      }
      expect(exported, key).toEqual(Object.keys(spec).sort());
    }
  });

  for (const [key, spec] of Object.entries(MATRIX)) {
    if (spec === 'next-auth') continue;
    for (const [method, c] of Object.entries(spec) as [Method, Case][]) {
      it(`${method} /api/${key}: ${c.allow === 'public' ? 'anyone' : c.allow === 'any' ? 'any token' : c.allow.join(', ')}`, async () => {
        const handler = (await loadRoute(key))[method];
        expect(handler, `${method} exported`).toBeTypeOf('function');
        const h = handler!;

        const anon = await invoke(key, method, h, c, null);
        if (c.allow === 'public') {
          expect(anon.status, 'anonymous').not.toBe(401);
          expect(anon.status, 'anonymous').toBeLessThan(500);
        } else {
          expect(anon.status, 'anonymous').toBe(401);
          expect(anon.body?.error?.code).toBe('UNAUTHORIZED');
          // A malformed or unknown token is the same as none.
          expect((await invoke(key, method, h, c, 'qt_not-a-real-token')).status, 'bad token').toBe(401);
        }

        for (const role of ROLES) {
          const r = await invoke(key, method, h, c, tokens.get(role)!);
          const allowed = c.allow === 'public' || c.allow === 'any' || c.allow.includes(role);
          if (allowed) {
            expect(r.status, `${role} allowed (${JSON.stringify(r.body).slice(0, 200)})`).not.toBe(401);
            expect(r.status, `${role} allowed`).not.toBe(403);
            expect(r.status, `${role} allowed (${JSON.stringify(r.body).slice(0, 200)})`).toBeLessThan(500);
            if (c.ok !== undefined) expect(r.status, `${role} allowed`).toBe(c.ok);
          } else {
            expect(r.status, `${role} denied`).toBe(403);
            expect(r.body?.error?.code).toBe('FORBIDDEN');
          }
        }

        if (c.foreign) {
          const own = await invoke(key, method, h, c, tokens.get('facility')!);
          const other = await invoke(key, method, h, c, tokens.get('facility')!, c.foreign(fx));
          expect(other.status, "facility A → facility B's resource").toBe(404);
          // Not found looks the same as a station that does not exist: nothing is revealed.
          const missing = await invoke(key, method, h, c, tokens.get('facility')!, {
            ...c.foreign(fx),
            code: 'NO_SUCH_STATION',
          });
          expect(missing.status).toBe(404);
          expect(other.body.error.code).toBe(missing.body.error.code);
          // And B's own token does reach it (the 404 is about scope, not a broken fixture).
          expect((await invoke(key, method, h, c, tokenB, c.foreign(fx))).status).toBe(own.status);
        }
      });
    }
  }
});

describe('facility scope in lists', () => {
  it("facility A's token lists only A's stations; B's appear for staff", async () => {
    const { GET } = await import('@/app/api/v1/stations/route');
    const asA = await call(GET, '/api/v1/stations?limit=200', { token: tokens.get('facility')! });
    expect(asA.status).toBe(200);
    const codesA = (asA.body.items as { code: string }[]).map((s) => s.code);
    expect(codesA).toEqual([fx.stationA]);
    const asAdmin = await call(GET, '/api/v1/stations?limit=200', { token: tokens.get('admin')! });
    expect((asAdmin.body.items as { code: string }[]).map((s) => s.code)).toEqual(
      expect.arrayContaining([fx.stationA, fx.stationB]),
    );
  });

  it("QC flag counts and review queue: facility A's token never sees B's station", async () => {
    await pool().query(
      `INSERT INTO reading (station_id, parameter, time, value, device_status, qc_flag)
       SELECT id, 'COD', now() - interval '1 hour', 9999, '00', 4 FROM station WHERE code = $1
       ON CONFLICT DO NOTHING`,
      [fx.stationB],
    );
    const flags = await import('@/app/api/v1/qc/flags/route');
    const review = await import('@/app/api/v1/qc/review/route');
    const asB = await call(review.GET, '/api/v1/qc/review', { token: tokenB });
    expect(JSON.stringify(asB.body)).toContain(fx.stationB);
    for (const q of ['', `?station=${fx.stationB}`]) {
      const f = await call(flags.GET, `/api/v1/qc/flags${q}`, { token: tokens.get('facility')! });
      const r = await call(review.GET, `/api/v1/qc/review${q}`, { token: tokens.get('facility')! });
      for (const res of [f, r]) {
        // Either "no such station" (the request names it) or a listing without it.
        if (res.status === 404) expect(res.body.error.code).toBe('NOT_FOUND');
        else {
          expect(res.status).toBe(200);
          expect(JSON.stringify(res.body)).not.toContain(fx.stationB);
        }
      }
    }
  });

  it("a facility token posting B's station file through the API gets it rejected (nothing stored)", async () => {
    const { POST } = await import('@/app/api/v1/ingest/route');
    const stamp = '20240524101000';
    const fileCode = (
      await pool().query<{ file_code: string }>('SELECT file_code FROM station WHERE code = $1', [fx.stationB])
    ).rows[0]!.file_code;
    const r = await call(POST, '/api/v1/ingest', {
      token: tokens.get('facility')!,
      raw: `COD\t45.3\tmg/L\t${stamp}\t00\r\n`,
      headers: { 'x-file-name': `BG_${fileCode}_${stamp}.txt` },
    });
    expect(r.status).toBe(200);
    expect(r.body.outcome).toBe('rejected');
    expect(r.body.readings).toBe(0);
  });
});

describe('no secrets in API responses', () => {
  it('no password hash, token hash, plain token, forwarding password or signing secret in any JSON answer', async () => {
    // Make sure listings with the sensitive rows were called (the matrix may have been filtered with -t).
    const { GET: facilities } = await import('@/app/api/v1/facilities/route');
    const { GET: targets } = await import('@/app/api/v1/forwarding/targets/route');
    for (const [h, url] of [
      [facilities, '/api/v1/facilities?limit=200'],
      [targets, '/api/v1/forwarding/targets'],
    ] as const) {
      const r = await call(h, url, { token: tokens.get('admin')! });
      expect(r.status).toBe(200);
      answers.push({ what: url, r });
    }
    expect(answers.length).toBeGreaterThan(50);
    const dbSecrets = await pool().query<{ v: string }>(
      `SELECT password_hash AS v FROM ftp_account UNION ALL SELECT password_hash FROM app_user UNION ALL SELECT token_hash FROM api_token`,
    );
    const forbidden = [
      ...dbSecrets.rows.map((r) => r.v),
      ...[...tokens.values(), tokenB].flatMap((t) => [t, hashToken(t)]),
      TARGET_PASSWORD,
      FTP_PASSWORD,
      ...[process.env.NEXTAUTH_SECRET, process.env.AUTH_SECRET, process.env.FORWARD_SECRET_KEY].filter(
        (s): s is string => Boolean(s),
      ),
    ];
    const patterns = [
      /\$2[aby]\$\d\d\$/,
      /password_?hash/i,
      /token_?hash/i,
      /"password"\s*:/i,
      /password_enc|passwordEnc|ciphertext/i,
    ];
    const targetCipher = await pool().query<{ v: string }>('SELECT password_enc AS v FROM forward_target');
    forbidden.push(...targetCipher.rows.map((r) => r.v).filter((v) => v.length > 0));
    // Other test files share this database: a row with an empty or placeholder value (e.g. a disabled login's '')
    // is no secret and would match any text.
    const secrets = forbidden.filter((v) => v.length >= 8);
    for (const { what, r } of answers) {
      const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
      for (const s of secrets) expect(text.includes(s), `${what} leaks a secret`).toBe(false);
      // The OpenAPI document describes the password fields of inputs; it holds no values.
      if (what.includes('openapi.json')) continue;
      for (const p of patterns) expect(p.test(text), `${what} matches ${p}`).toBe(false);
    }
  });
});
