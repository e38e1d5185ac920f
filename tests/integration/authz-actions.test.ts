/**
 * Authorization matrix of the server actions: every function exported from server/actions/*.ts is called as an
 * anonymous visitor and as a signed-in user of each role, and must refuse the callers the table below does not allow.
 * Actions are public POST endpoints, so each must check its caller itself.
 *
 * The session is the only thing replaced: next-auth's getServerSession (which reads the request's cookie) returns the
 * session of a real user row; server/auth/session.ts then re-reads that user from the database as in production.
 * No production code has a test seam for this. next/cache is stubbed because revalidatePath needs Next's request store.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeFacility, makeStation, uid } from './api-fixtures';
import { disconnectDb, pool } from '@/lib/db/client';
import { isAppError } from '@/lib/errors';
import { createUser, type Role } from '@/lib/db/users';
import { ingestFile } from '@/lib/services/ingest';

type FakeSession = { user: { id: number; email: string; name: string; role: Role; facilityId: number | null } } | null;
const state = vi.hoisted(() => {
  // The report PDF routes would start a browser against a web server that is not running here: point them at a
  // missing browser so that, past the authorization checks, they answer 503 at once.
  process.env.CHROMIUM_PATH = '/nonexistent/chromium-for-authz-test';
  return { session: null as FakeSession };
});

vi.mock('next-auth', async (importOriginal) => {
  const orig = await importOriginal<typeof import('next-auth')>();
  return { ...orig, getServerSession: vi.fn(async () => state.session) };
});
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
// Route handlers' labels: next-intl's request config needs Next's request scope; the keys themselves do here.
vi.mock('next-intl/server', () => {
  const t = Object.assign((key: string) => key, {
    raw: (key: string) => key,
    rich: (key: string) => key,
    has: () => true,
  });
  return { getTranslations: vi.fn(async () => t), getLocale: vi.fn(async () => 'vi') };
});

const ACTIONS_DIR = path.resolve(import.meta.dirname, '../../server/actions');
const ROLES: readonly Role[] = ['admin', 'operator', 'inspector', 'manager', 'facility'];
const ALL: readonly Role[] = ROLES;

type Fx = { stationA: string; stationB: string; fileA: number; fileB: number };
type Entry = {
  allow: readonly Role[];
  /** Arguments; invalid or pointing at nothing, so that allowed callers stop after the role check (nothing changes). */
  args: (fx: Fx) => unknown[];
};

const fd = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

/** `<file>#<export>` → roles allowed. */
const ACTIONS: Record<string, Entry> = {
  'alerts#acknowledgeAlertAction': { allow: ['operator', 'inspector'], args: () => [{ id: 999_999 }] },
  'alerts#acknowledgeSelectedAlertsAction': { allow: ['operator', 'inspector'], args: () => [fd({ ids: '999999' })] },
  'alerts#setDispositionAction': { allow: ['inspector'], args: () => [{ id: 999_999 }] },
  'aqi#getAqiMapDataAction': { allow: ALL, args: () => [] },
  'forecast#getAqiMapForecastAction': { allow: ALL, args: () => [] },
  'forwarding#createForwardTargetAction': { allow: ['admin'], args: () => [null, fd({})] },
  'forwarding#setForwardTargetEnabledAction': { allow: ['admin'], args: () => [999_999, true] },
  'forwarding#resendForwardingAction': { allow: ['admin', 'operator'], args: () => [null, fd({})] },
  'ingest#resolveConflictAction': { allow: ['operator', 'admin'], args: () => [{ id: 999_999 }] },
  'map#getMapDataAction': { allow: ALL, args: () => [] },
  'sampler#queueSampleAction': { allow: ['inspector', 'admin'], args: () => [{ station: 'NO-SUCH-STATION', reason: 'authz matrix' }] },
  'notifications#getBellAction': { allow: ALL, args: () => [] },
  'notifications#markNotificationsReadAction': { allow: ALL, args: () => ['all'] },
  'notifications#saveSubscriptionsAction': { allow: ALL, args: () => [{ nonsense: true }] },
  'qc#createOverlayAction': {
    allow: ['operator', 'inspector', 'admin'],
    args: (fx) => [null, fd({ station: fx.stationA })],
  },
  'qc#revokeOverlayAction': {
    allow: ['operator', 'inspector', 'admin'],
    args: (fx) => [null, fd({ station: fx.stationA, id: '999999' })],
  },
  'qc#updateQcSettingsAction': {
    allow: ['admin'],
    args: (fx) => [null, fd({ station: fx.stationA, parameter: 'NOPE' })],
  },
  'qc#requestRecomputeAction': { allow: ['admin'], args: (fx) => [null, fd({ station: fx.stationA })] },
  'reports#saveMonthlySubscriptionAction': {
    allow: ['admin', 'inspector', 'manager', 'operator'],
    args: () => [{ nonsense: true }],
  },
  ...adminOnly('admin-accounts', [
    'createUserAction',
    'changeUserRoleAction',
    'resetUserPasswordAction',
    'setUserActiveAction',
    'createFtpAccountAction',
    'resetFtpPasswordAction',
    'setFtpEnabledAction',
    'createTokenAction',
    'revokeTokenAction',
  ]),
  ...adminOnly('admin-facilities', ['createFacilityAction', 'updateFacilityAction', 'setFacilityActiveAction']),
  ...adminOnly('admin-stations', [
    'createStationAction',
    'updateStationAction',
    'addStationParameterAction',
    'updateStationParameterAction',
    'removeStationParameterAction',
  ]),
  ...adminOnly('limits-admin', [
    'previewLimitImportAction',
    'importLimitStandardsAction',
    'setStationBindingAction',
    'removeStationBindingAction',
    'createPermitLimitAction',
    'endPermitLimitAction',
    'createMaintenanceWindowAction',
    'cancelMaintenanceWindowAction',
  ]),
};

/** Admin form actions `(prevState, formData)`: an empty form stops an admin at validation. */
function adminOnly(file: string, names: string[]): Record<string, Entry> {
  return Object.fromEntries(
    names.map((n) => [`${file}#${n}`, { allow: ['admin'] as const, args: () => [null, fd({})] }]),
  );
}

type ActionFn = (...args: unknown[]) => Promise<unknown>;

async function discoverActions(): Promise<Map<string, ActionFn>> {
  const out = new Map<string, ActionFn>();
  for (const file of readdirSync(ACTIONS_DIR)
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .sort()) {
    // Only 'use server' modules export actions (callable by any browser); others hold helpers.
    const source = readFileSync(path.join(ACTIONS_DIR, file), 'utf8');
    if (!/^\s*(\/\*[\s\S]*?\*\/\s*|\/\/.*\n\s*)*['"]use server['"]/.test(source)) continue;
    const mod = (await import(/* @vite-ignore */ path.join(ACTIONS_DIR, file))) as Record<string, unknown>;
    for (const [name, v] of Object.entries(mod)) {
      if (typeof v === 'function') out.set(`${file.replace(/\.tsx?$/, '')}#${name}`, v as ActionFn);
    }
  }
  return out;
}

const users = new Map<Role, NonNullable<FakeSession>['user']>();
let fx: Fx;
let facilityAId: number;

beforeAll(async () => {
  const a = await makeFacility();
  const b = await makeFacility();
  const sa = await makeStation(a.code);
  const sb = await makeStation(b.code);
  const ingestOne = async (fileCode: string) => {
    const stamp = '20240524100500';
    const r = await ingestFile({
      name: `BG_${fileCode}_${stamp}.txt`,
      bytes: Buffer.from(`COD\t45.3\tmg/L\t${stamp}\t00\r\n${uid('#')}\r\n`),
      source: 'api',
      account: 'authz-test',
    });
    return r.fileId;
  };
  fx = {
    stationA: sa.code,
    stationB: sb.code,
    fileA: await ingestOne(sa.fileCode),
    fileB: await ingestOne(sb.fileCode),
  };
  const ids = await pool().query<{ id: number; code: string }>('SELECT id, code FROM facility WHERE code = ANY($1)', [
    [a.code, b.code],
  ]);
  facilityAId = ids.rows.find((r) => r.code === a.code)!.id;
  for (const role of ROLES) {
    const u = await createUser({
      email: `${uid(role)}@authz.test`.toLowerCase(),
      name: `Authz ${role}`,
      // Never used to sign in here: the session is injected.
      passwordHash: '$2b$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva',
      role,
      facilityId: role === 'facility' ? facilityAId : null,
    });
    users.set(role, { id: u.id, email: u.email, name: u.name, role, facilityId: u.facilityId });
  }
});

afterAll(async () => {
  state.session = null;
  await disconnectDb();
});

type Result = { ok?: boolean; error?: unknown; message?: unknown } | null | undefined;

/** Calls an action; a form action that throws the session helper's UNAUTHORIZED / FORBIDDEN counts as refusing. */
async function invoke(action: (...a: unknown[]) => unknown, args: unknown[]): Promise<Result> {
  try {
    return (await action(...args)) as Result;
  } catch (e) {
    if (isAppError(e) && (e.code === 'UNAUTHORIZED' || e.code === 'FORBIDDEN')) return { ok: false, error: e.code };
    throw e;
  }
}

/**
 * An action refused the caller: `{ok: false}` with UNAUTHORIZED / FORBIDDEN; for actions that return no code, the
 * session helper's message, or nothing at all.
 */
function refused(r: Result): boolean {
  if (!r || r.ok !== false) return false;
  if (r.error !== undefined) return r.error === 'UNAUTHORIZED' || r.error === 'FORBIDDEN';
  return r.message === undefined || /not signed in|not allowed/i.test(String(r.message));
}

describe('server actions authorization matrix', () => {
  it('every exported action has an entry, and every entry an action', async () => {
    const found = [...(await discoverActions()).keys()].sort();
    expect(found.length).toBeGreaterThan(10);
    expect(found).toEqual(Object.keys(ACTIONS).sort());
  });

  for (const [key, entry] of Object.entries(ACTIONS)) {
    it(`${key}: ${entry.allow.length === ROLES.length ? 'any signed-in user' : entry.allow.join(', ')}`, async () => {
      const action = (await discoverActions()).get(key);
      expect(action, key).toBeTypeOf('function');

      state.session = null;
      const anon = await invoke(action!, entry.args(fx));
      expect(refused(anon), `anonymous: ${JSON.stringify(anon)}`).toBe(true);

      for (const role of ROLES) {
        state.session = { user: users.get(role)! };
        const r = await invoke(action!, entry.args(fx));
        if (entry.allow.includes(role))
          expect(refused(r), `${role} allowed: ${JSON.stringify(r)?.slice(0, 300)}`).toBe(false);
        else {
          expect(refused(r), `${role} denied: ${JSON.stringify(r)?.slice(0, 300)}`).toBe(true);
          if (r && r.error !== undefined) expect(r.error).toBe('FORBIDDEN');
        }
      }

      // A session whose user was disabled or whose id does not match counts as nobody.
      const admin = users.get('admin')!;
      state.session = { user: { ...admin, id: admin.id + 100_000 } };
      expect(refused(await invoke(action!, entry.args(fx))), 'forged id').toBe(true);
      state.session = null;
    });
  }
});

describe('server actions: facility scope', () => {
  it("the map data of a facility user holds only that facility's stations", async () => {
    const { getMapDataAction } = await import('@/server/actions/map');
    state.session = { user: users.get('facility')! };
    const r = await getMapDataAction();
    expect(r.ok).toBe(true);
    const codes = r.ok ? r.data.stations.map((s) => s.code) : [];
    expect(codes).toContain(fx.stationA);
    expect(codes).not.toContain(fx.stationB);
    state.session = { user: users.get('operator')! };
    const staff = await getMapDataAction();
    expect(staff.ok && staff.data.stations.map((s) => s.code)).toEqual(
      expect.arrayContaining([fx.stationA, fx.stationB]),
    );
    state.session = null;
  });

  it('a disabled account is refused at once', async () => {
    const { getBellAction } = await import('@/server/actions/notifications');
    const email = `${uid('dis')}@authz.test`.toLowerCase();
    const u = await createUser({ email, name: 'Disabled', passwordHash: 'x', role: 'admin' });
    state.session = { user: { id: u.id, email, name: u.name, role: 'admin', facilityId: null } };
    expect((await getBellAction()).ok).toBe(true);
    await pool().query('UPDATE app_user SET disabled_at = now() WHERE id = $1', [u.id]);
    expect(await getBellAction()).toEqual({ ok: false, error: 'UNAUTHORIZED' });
    state.session = null;
  });
});

/**
 * Route handlers outside app/api (downloads and exports of the UI) authenticate with the session cookie. Discovered on
 * disk like the API routes: a new one without an entry fails.
 */
const APP_DIR = path.resolve(import.meta.dirname, '../../app');
type SessionRoute = {
  allow: readonly Role[];
  params?: (fx: Fx) => Record<string, string>;
  query?: string;
  /** For a facility user: the same route for facility B's resource answers 404. */
  foreign?: (fx: Fx) => Record<string, string>;
};
const SESSION_ROUTES: Record<string, SessionRoute> = {
  '(app)/ingest/[id]/raw': {
    allow: ALL,
    params: (fx) => ({ id: String(fx.fileA) }),
    foreign: (fx) => ({ id: String(fx.fileB) }),
  },
  '(app)/alerts/export': { allow: ALL },
  '(app)/reports/export': { allow: ALL, query: '?from=01/05/2024&to=02/05/2024&format=csv' },
  '(app)/reports/exceedances/export': { allow: ALL },
  '(app)/reports/exceedances/pdf': { allow: ALL },
  '(app)/reports/monthly/pdf': { allow: ALL },
  '(app)/reports/completeness/export': { allow: ALL },
  '(app)/reports/completeness/pdf': { allow: ALL },
  '(app)/reports/pdf-jobs/[job]': { allow: ALL },
  '(app)/reports/pdf-jobs/[job]/file': { allow: ALL },
  '(app)/stations/[code]/camera/[id]': { allow: ALL },
};
/** Session routes that also start work by POST (a background PDF render; SameSite=Lax keeps cross-site POSTs out). */
const POST_ALLOWED = new Set(['(app)/reports/exceedances/pdf', '(app)/reports/monthly/pdf', '(app)/reports/completeness/pdf']);

function discoverSessionRoutes(): string[] {
  return (readdirSync(APP_DIR, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => /(^|\/)route\.(ts|tsx|js)$/.test(f) && !f.startsWith('api/'))
    .map((f) => f.replace(/\/?route\.(ts|tsx|js)$/, ''))
    .sort();
}

type RouteGet = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe('session route handlers (outside app/api)', () => {
  it('every route handler outside app/api has an entry, and only GET is exported (POST only where listed)', async () => {
    expect(discoverSessionRoutes()).toEqual(Object.keys(SESSION_ROUTES).sort());
    for (const key of discoverSessionRoutes()) {
      const mod = (await import(/* @vite-ignore */ path.join(APP_DIR, key, 'route.ts'))) as Record<string, unknown>;
      const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => typeof mod[m] === 'function');
      expect(methods, key).toEqual(POST_ALLOWED.has(key) ? ['GET', 'POST'] : ['GET']);
    }
  });

  for (const [key, spec] of Object.entries(SESSION_ROUTES)) {
    it(`GET /${key.replace('(app)/', '')}: ${spec.allow.length === ROLES.length ? 'any signed-in user' : spec.allow.join(', ')}`, async () => {
      const { GET } = (await import(/* @vite-ignore */ path.join(APP_DIR, key, 'route.ts'))) as { GET: RouteGet };
      const get = async (params?: Record<string, string>) => {
        const p = params ?? spec.params?.(fx) ?? {};
        let url = `http://localhost/${key.replace('(app)/', '')}`;
        for (const [k, v] of Object.entries(p)) url = url.replace(`[${k}]`, v);
        return GET(new Request(`${url}${spec.query ?? ''}`), { params: Promise.resolve(p) });
      };
      state.session = null;
      const anon = await get();
      // Not signed in: 401, or a redirect to the sign-in page.
      if (anon.status === 303) expect(anon.headers.get('location')).toMatch(/\/login/);
      else expect(anon.status).toBe(401);

      for (const role of ROLES) {
        state.session = { user: users.get(role)! };
        const r = await get();
        if (spec.allow.includes(role)) {
          expect([401, 403, 303], `${role} allowed`).not.toContain(r.status);
          // 503: the PDF renderer (chromium) is not available to this test process; the caller got past the checks.
          if (r.status !== 503)
            expect(r.status, `${role} allowed: ${(await r.clone().text()).slice(0, 200)}`).toBeLessThan(500);
          if (spec.params) expect(r.status, `${role} allowed`).toBe(200);
        } else expect([403, 404], `${role} denied`).toContain(r.status);
      }
      if (spec.foreign) {
        state.session = { user: users.get('facility')! };
        expect((await get(spec.foreign(fx))).status, "facility A → B's file").toBe(404);
        state.session = { user: users.get('operator')! };
        expect((await get(spec.foreign(fx))).status, 'staff → any file').toBe(200);
        // Traversal and junk ids are not found, never a file.
        for (const id of [
          '../../../../etc/passwd',
          '..%2f..%2fetc%2fpasswd',
          '1/../../x',
          '-1',
          '%00',
          `${fx.fileA}/../../../etc/passwd`,
        ]) {
          const r = await get({ id });
          expect(r.status, id).toBe(404);
          expect(await r.text()).not.toMatch(/root:/);
        }
      }
      state.session = null;
    });
  }
});
