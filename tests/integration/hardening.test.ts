/**
 * Web hardening, checked on the real code paths:
 * - the session and CSRF cookies next-auth sets on sign-in are HttpOnly and SameSite=Lax, and Secure (with the
 *   __Secure- / __Host- prefixes) when NEXTAUTH_URL is https — through the real sign-in route handler;
 * - the security headers of next.config.ts apply to pages and API routes alike;
 * - server actions keep Next's origin check (no wildcard allowedOrigins);
 * - passwords and tokens are stored hashed, forwarding passwords encrypted;
 * - path traversal on the raw-file download (API) and on the ingest file name goes nowhere.
 * The no-secrets-in-responses scan runs over every answer of the API matrix (authz-matrix.test.ts).
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeFacility, makeStation, tokenFor, uid } from './api-fixtures';
import { disconnectDb, pool } from '@/lib/db/client';
import { createTargetService } from '@/lib/services/forwarding';
import { rawFilePath, readRawFile } from '@/lib/services/ingest';
import { hashToken } from '@/lib/services/accounts';
import { createUserService } from '@/lib/services/accounts';

const PASSWORD = 'Hardening-pass-123';
let email: string;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= 'hardening-test-secret-not-for-production';
  email = `${uid('hard')}@hardening.test`.toLowerCase();
  await createUserService({ email, password: PASSWORD, role: 'operator', facilityCode: null, name: 'Hardening' });
});

afterAll(async () => {
  await disconnectDb();
});

type SetCookie = { name: string; value: string; attrs: Map<string, string | true> };

function parseSetCookies(h: Headers): SetCookie[] {
  return h.getSetCookie().map((line) => {
    const [pair, ...rest] = line.split(';').map((s) => s.trim());
    const i = pair!.indexOf('=');
    const attrs = new Map<string, string | true>();
    for (const a of rest) {
      const j = a.indexOf('=');
      attrs.set((j < 0 ? a : a.slice(0, j)).toLowerCase(), j < 0 ? true : a.slice(j + 1));
    }
    return { name: pair!.slice(0, i), value: pair!.slice(i + 1), attrs };
  });
}

/**
 * next/headers as the sign-in route handler sees it. next-auth loads it with a CommonJS require at call time (outside
 * Vite's module graph), so it is replaced in Node's require cache; the values come from the request being sent.
 */
const current = { headers: new Headers() };
const requireCjs = createRequire(import.meta.url);
const nextHeadersPath = requireCjs.resolve('next/headers', { paths: [path.dirname(requireCjs.resolve('next-auth'))] });
requireCjs.cache[nextHeadersPath] = {
  id: nextHeadersPath,
  filename: nextHeadersPath,
  loaded: true,
  exports: {
    headers: async () => current.headers,
    cookies: async () => {
      const jar = (current.headers.get('cookie') ?? '')
        .split(';')
        .map((c) => c.trim())
        .filter(Boolean)
        // Next's cookies() hands out decoded values.
        .map((c) => ({ name: c.slice(0, c.indexOf('=')), value: decodeURIComponent(c.slice(c.indexOf('=') + 1)) }));
      return { getAll: () => jar, get: (n: string) => jar.find((c) => c.name === n) };
    },
  },
} as unknown as NodeJS.Module;

/** Signs in through app/api/auth/[...nextauth] exactly as the login form does; returns every cookie set on the way. */
async function signIn(
  base: string,
  password = PASSWORD,
): Promise<{ status: number; cookies: SetCookie[]; body: string }> {
  const { NextRequest } = await import('next/server');
  const route = await import('@/app/api/auth/[...nextauth]/route');
  type H = (
    req: InstanceType<typeof NextRequest>,
    ctx: { params: Promise<{ nextauth: string[] }> },
  ) => Promise<Response>;
  const cookies: SetCookie[] = [];
  const jar = new Map<string, string>();
  const address = `10.9.${Math.floor(Math.random() * 250)}.1`;
  const send = async (method: 'GET' | 'POST', action: string[], body?: URLSearchParams) => {
    const headers = new Headers({ host: new URL(base).host, 'x-forwarded-for': address });
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    if (body) headers.set('content-type', 'application/x-www-form-urlencoded');
    current.headers = headers;
    const req = new NextRequest(`${base}/api/auth/${action.join('/')}`, { method, headers, body: body?.toString() });
    const handler = (method === 'GET' ? route.GET : route.POST) as unknown as H;
    const res = await handler(req, { params: Promise.resolve({ nextauth: action }) });
    for (const c of parseSetCookies(res.headers)) {
      cookies.push(c);
      jar.set(c.name, c.value);
    }
    return res;
  };
  const csrf = (await (await send('GET', ['csrf'])).json()) as { csrfToken: string };
  const res = await send(
    'POST',
    ['callback', 'credentials'],
    new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, json: 'true' }),
  );
  return { status: res.status, cookies, body: await res.text() };
}

describe('session cookies', () => {
  const saved = process.env.NEXTAUTH_URL;
  afterAll(() => {
    if (saved === undefined) delete process.env.NEXTAUTH_URL;
    else process.env.NEXTAUTH_URL = saved;
  });

  it('over http (development): session and CSRF cookies are HttpOnly, SameSite=Lax, Path=/; no password in them', async () => {
    process.env.NEXTAUTH_URL = 'http://localhost:3000';
    const r = await signIn('http://localhost:3000');
    const session = r.cookies.find((c) => c.name === 'next-auth.session-token');
    const csrf = r.cookies.find((c) => c.name === 'next-auth.csrf-token');
    expect(session, `${r.status} ${r.body} ${JSON.stringify(r.cookies.map((c) => c.name))}`).toBeDefined();
    for (const c of [session!, csrf!]) {
      expect(c.attrs.get('httponly'), c.name).toBe(true);
      expect(String(c.attrs.get('samesite')).toLowerCase(), c.name).toBe('lax');
      expect(c.attrs.get('path'), c.name).toBe('/');
    }
    // A JWE: encrypted, so neither the password nor the role can be read or altered by the browser.
    expect(session!.value.split('.')).toHaveLength(5);
    expect(session!.value).not.toContain(PASSWORD);
    expect(r.body).not.toContain(PASSWORD);
  });

  it('over https (NEXTAUTH_URL https): the cookies are also Secure, with the __Secure- / __Host- prefixes', async () => {
    process.env.NEXTAUTH_URL = 'https://quantrac.example.vn';
    const r = await signIn('https://quantrac.example.vn');
    const session = r.cookies.find((c) => c.name === '__Secure-next-auth.session-token');
    const csrf = r.cookies.find((c) => c.name === '__Host-next-auth.csrf-token');
    expect(session, JSON.stringify(r.cookies.map((c) => c.name))).toBeDefined();
    expect(csrf).toBeDefined();
    for (const c of r.cookies) {
      expect(c.attrs.get('secure'), c.name).toBe(true);
      expect(c.attrs.get('httponly') === true || c.name.includes('callback-url'), c.name).toBe(true);
      expect(String(c.attrs.get('samesite')).toLowerCase(), c.name).toBe('lax');
    }
    // Expires with the 12-hour session, not a browser lifetime.
    const expires = Date.parse(String(session!.attrs.get('expires')));
    expect(expires - Date.now()).toBeGreaterThan(11 * 3_600_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(12 * 3_600_000 + 60_000);
  });

  it('a wrong password sets no session cookie', async () => {
    process.env.NEXTAUTH_URL = 'http://localhost:3000';
    const r = await signIn('http://localhost:3000', 'wrong-password');
    expect(r.cookies.some((c) => c.name.endsWith('session-token') && c.value !== '')).toBe(false);
  });
});

describe('security headers and server actions (next.config.ts)', () => {
  type HeaderRule = { source: string; headers: { key: string; value: string }[] };
  let rules: HeaderRule[];
  let config: { experimental?: { serverActions?: { allowedOrigins?: string[] } } };

  beforeAll(async () => {
    const mod = (await import('@/next.config')) as {
      default: { headers?: () => Promise<HeaderRule[]> } & typeof config;
    };
    config = mod.default;
    rules = (await mod.default.headers?.()) ?? [];
  });

  const required: Record<string, RegExp> = {
    'content-security-policy': /default-src 'self'.*frame-ancestors 'none'.*object-src 'none'/,
    'x-frame-options': /^DENY$/,
    'x-content-type-options': /^nosniff$/,
    'referrer-policy': /^strict-origin-when-cross-origin$/,
    'permissions-policy': /camera=\(\)/,
    'cross-origin-opener-policy': /^same-origin$/,
  };

  it.each([
    '/',
    '/login',
    '/map',
    '/stations/ABC',
    '/public',
    '/api/v1/health',
    '/api/v1/stations/ABC/readings',
    '/api/auth/session',
    '/ingest/12/raw',
  ])('every security header applies to %s', async (p) => {
    // The matcher Next itself uses for `headers()` sources.
    const { pathToRegexp } = requireCjs('next/dist/compiled/path-to-regexp') as { pathToRegexp: (s: string) => RegExp };
    const applied = new Map<string, string>();
    for (const r of rules) {
      if (pathToRegexp(r.source).test(p)) for (const h of r.headers) applied.set(h.key.toLowerCase(), h.value);
    }
    for (const [k, re] of Object.entries(required)) expect(applied.get(k), `${p}: ${k}`).toMatch(re);
  });

  it("the CSP allows no script from another origin and no framing; server actions keep Next's same-origin check", () => {
    const csp = rules.flatMap((r) => r.headers).find((h) => h.key.toLowerCase() === 'content-security-policy')!.value;
    const script = /script-src ([^;]*)/.exec(csp)![1]!;
    expect(script.split(/\s+/).filter((s) => !s.startsWith("'"))).toEqual([]);
    expect(csp).toMatch(/form-action 'self'/);
    expect(config.experimental?.serverActions?.allowedOrigins ?? []).not.toContain('*');
  });
});

describe('secrets at rest', () => {
  it('passwords are bcrypt hashes, API tokens SHA-256 hashes, forwarding passwords encrypted', async () => {
    const token = await tokenFor('operator');
    const target = await createTargetService(
      {
        name: uid('t'),
        protocol: 'ftp',
        host: '127.0.0.1',
        port: 2121,
        username: 'u',
        password: 'plain-target-secret',
        enabled: false,
      },
      'hardening',
    );
    const user = await pool().query<{ h: string }>('SELECT password_hash AS h FROM app_user WHERE email = $1', [email]);
    expect(user.rows[0]!.h).toMatch(/^\$2[aby]\$1\d\$/);
    expect(user.rows[0]!.h).not.toContain(PASSWORD);
    const t = await pool().query<{ h: string }>('SELECT token_hash AS h FROM api_token WHERE token_hash = $1', [
      hashToken(token),
    ]);
    expect(t.rows).toHaveLength(1);
    const plain = await pool().query('SELECT 1 FROM api_token WHERE token_hash = $1 OR name = $1', [token]);
    expect(plain.rowCount).toBe(0);
    const ftp = await pool().query<{ h: string }>('SELECT password_hash AS h FROM ftp_account');
    for (const r of ftp.rows) expect(r.h).toMatch(/^\$2[aby]\$/);
    const enc = await pool().query<{ e: string }>('SELECT password_enc AS e FROM forward_target WHERE id = $1', [
      target.id,
    ]);
    expect(enc.rows[0]!.e).toMatch(/^v1:/);
    expect(enc.rows[0]!.e).not.toContain('plain-target-secret');
  });
});

describe('path traversal', () => {
  it('the API raw download takes a numeric id only: traversal spellings are 400, never a file', async () => {
    const { GET } = await import('@/app/api/v1/ingest/files/[id]/raw/route');
    const admin = await tokenFor('admin');
    for (const id of [
      '../../../../etc/passwd',
      '..%2F..%2Fetc%2Fpasswd',
      '1/../../../etc/passwd',
      '%2e%2e',
      '1;cat /etc/passwd',
      '-1',
      '1.5',
      '',
    ]) {
      const r = await call(GET, `/api/v1/ingest/files/x/raw`, { token: admin, params: { id } });
      expect(r.status, id).toBe(400);
      expect(typeof r.body === 'string' ? r.body : JSON.stringify(r.body)).not.toMatch(/root:/);
    }
  });

  it('the raw store resolves only SHA-256 names', async () => {
    for (const bad of ['../../etc/passwd', `${'a'.repeat(62)}/..`, 'A'.repeat(64), '']) {
      expect(() => rawFilePath(bad, '/tmp/x'), bad).toThrow(/not a sha256/);
      expect(await readRawFile(bad, '/tmp/x')).toBeNull();
    }
  });

  it("ingest keeps only the file's own name from X-File-Name; nothing is written outside the raw store", async () => {
    const { POST } = await import('@/app/api/v1/ingest/route');
    const f = await makeFacility();
    const s = await makeStation(f.code);
    const token = await tokenFor('facility', f.code);
    const dataDir = process.env.DATA_DIR!;
    const stamp = '20240524100500';
    const base = `BG_${s.fileCode}_${stamp}.txt`;
    for (const [i, header] of [`../../../../tmp/${base}`, `..%2F..%2F${base}`, `C:\\..\\..\\${base}`].entries()) {
      const r = await call(POST, '/api/v1/ingest', {
        token,
        raw: `COD\t4${i}.5\tmg/L\t${stamp}\t00\r\n`,
        headers: { 'x-file-name': header },
      });
      expect(r.status, header).toBe(200);
      const row = await pool().query<{ name: string }>('SELECT name FROM ingest_file WHERE id = $1', [r.body.fileId]);
      expect(row.rows[0]!.name).toBe(base);
    }
    expect(existsSync(path.join('/tmp', base))).toBe(false);
    // The data folder holds only the raw store (and the generated forwarding key).
    const top = (await readdir(dataDir)).filter((n) => n !== 'forward-key');
    expect(top).toEqual(['raw']);
  });
});

describe('no secrets in logs', () => {
  it('the FTP receiver logs neither a wrong nor a right password, at debug level included', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const { Readable } = await import('node:stream');
    const { Client } = await import('basic-ftp');
    const { startFtpReceiver } = await import('@/worker/ftp-server');
    const { createFacilityService } = await import('@/lib/services/accounts');
    const user = uid('logu').toLowerCase();
    const secret = `Right-${uid('pw')}`;
    const wrong = `Wrong-${uid('pw')}`;
    await createFacilityService({ code: uid('FL'), name: 'Log facility', ftpUsername: user, ftpPassword: secret });
    const lines: string[] = [];
    const capture = (line: string) => lines.push(line);
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'qt-logs-'));
    const r = await startFtpReceiver({
      host: '127.0.0.1',
      port: 0,
      pasvMin: 31600,
      pasvMax: 31699,
      dataDir,
      log: capture,
      debug: capture,
    });
    try {
      const bad = new Client(10_000);
      await expect(bad.access({ host: '127.0.0.1', port: r.port, user, password: wrong })).rejects.toThrow(/530/);
      bad.close();
      const good = new Client(10_000);
      await good.access({ host: '127.0.0.1', port: r.port, user, password: secret });
      await good.uploadFrom(Readable.from(Buffer.from('not a data file')), 'x.txt');
      good.close();
      await r.idle();
    } finally {
      await r.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
    expect(lines.some((l) => l.includes(user))).toBe(true);
    for (const l of lines) {
      expect(l).not.toContain(secret);
      expect(l).not.toContain(wrong);
      expect(l).not.toMatch(/\$2[aby]\$/);
    }
  });
});
