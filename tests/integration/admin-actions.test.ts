/**
 * The admin area's server actions and page queries as public endpoints: signed out → UNAUTHORIZED, every non-admin
 * role (facility users included) → FORBIDDEN with nothing written, admins → done, with generated secrets returned
 * once and never audited. Only the session lookup is replaced (no HTTP request exists here); the database is real.
 */
import { uid } from './api-fixtures';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const session = vi.hoisted(() => ({ user: null as { id: number; email: string } | null }));
vi.mock('next-auth', () => ({ getServerSession: async () => (session.user ? { user: session.user } : null) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

import { prisma } from '@/lib/db/client';
import { findFtpAccountByUsername } from '@/lib/db/ftp-accounts';
import { createUser, ROLES, type Role } from '@/lib/db/users';
import { hashPassword, verifyPassword } from '@/lib/services/accounts';
import { authenticateToken } from '@/lib/services/accounts';
import * as accounts from '@/server/actions/admin-accounts';
import * as facilities from '@/server/actions/admin-facilities';
import * as stations from '@/server/actions/admin-stations';
import type { AdminActionState } from '@/server/actions/admin-result';
import { getAdminFacilities, getAdminOverview, getAdminStations, getAdminTokens, getAdminUsers } from '@/server/queries/admin';
import { getAdminAudit } from '@/server/queries/admin-audit';

const users = {} as Record<Role, { id: number; email: string }>;
let facilityCode: string;

beforeAll(async () => {
  const hash = await hashPassword('irrelevant-1');
  facilityCode = uid('AF');
  const f = await prisma().facility.create({ data: { code: facilityCode, name: 'Facility for actions' } });
  for (const role of ROLES) {
    const u = await createUser({
      email: `${uid(role)}@t.vn`,
      name: role,
      passwordHash: hash,
      role,
      facilityId: role === 'facility' ? f.id : null,
    });
    users[role] = { id: u.id, email: u.email };
  }
});

function form(fields: Record<string, string | string[]>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  return fd;
}

const as = (role: Role | null) => {
  session.user = role ? users[role] : null;
};

type Act = (prev: AdminActionState, fd: FormData) => Promise<AdminActionState>;

describe('refusals', () => {
  const cases: [string, Act, Record<string, string | string[]>][] = [
    ['createFacility', facilities.createFacilityAction, { code: 'X1', name: 'x' }],
    ['updateFacility', facilities.updateFacilityAction, { code: 'X1', name: 'x' }],
    ['setFacilityActive', facilities.setFacilityActiveAction, { code: 'X1', active: 'false' }],
    ['createStation', stations.createStationAction, { code: 'S1', parameters: ['COD'] }],
    ['updateStation', stations.updateStationAction, { code: 'S1' }],
    ['addStationParameter', stations.addStationParameterAction, { station: 'S1', parameter: 'COD' }],
    ['updateStationParameter', stations.updateStationParameterAction, { station: 'S1', parameter: 'COD' }],
    ['removeStationParameter', stations.removeStationParameterAction, { station: 'S1', parameter: 'COD' }],
    ['createUser', accounts.createUserAction, { email: 'x@t.vn', name: 'x', role: 'admin' }],
    ['changeUserRole', accounts.changeUserRoleAction, { id: '1', role: 'admin' }],
    ['resetUserPassword', accounts.resetUserPasswordAction, { id: '1' }],
    ['setUserActive', accounts.setUserActiveAction, { id: '1', active: 'false' }],
    ['createFtpAccount', accounts.createFtpAccountAction, { username: 'x', facilityCode: 'X1' }],
    ['resetFtpPassword', accounts.resetFtpPasswordAction, { id: '1' }],
    ['setFtpEnabled', accounts.setFtpEnabledAction, { id: '1', enabled: 'false' }],
    ['createToken', accounts.createTokenAction, { name: 'x', role: 'admin' }],
    ['revokeToken', accounts.revokeTokenAction, { id: '1' }],
  ];

  it.each(cases)(
    '%s: signed out → UNAUTHORIZED, operator/inspector/manager/facility → FORBIDDEN, nothing audited',
    async (_name, act, fields) => {
      const before = await prisma().auditLog.count();
      as(null);
      expect(await act(null, form(fields))).toMatchObject({ ok: false, error: 'UNAUTHORIZED' });
      for (const role of ['operator', 'inspector', 'manager', 'facility'] as const) {
        as(role);
        expect(await act(null, form(fields))).toMatchObject({ ok: false, error: 'FORBIDDEN' });
      }
      expect(await prisma().auditLog.count()).toBe(before);
    },
  );

  it('page queries are a 404 for every non-admin role', async () => {
    for (const role of ['operator', 'inspector', 'manager', 'facility'] as const) {
      as(role);
      for (const q of [
        getAdminOverview,
        getAdminFacilities,
        () => getAdminStations({}),
        getAdminUsers,
        getAdminTokens,
        () => getAdminAudit({}),
      ]) {
        await expect(q()).rejects.toMatchObject({ digest: expect.stringContaining('404') });
      }
    }
  });
});

describe('as an admin', () => {
  it('creates a facility, a station with two parameters, a facility user and an FTP account; secrets shown once, never audited', async () => {
    as('admin');
    const code = uid('F');
    expect(
      await facilities.createFacilityAction(null, form({ code, name: 'Nhà máy', province: 'Bắc Ninh', contactEmail: 'a@b.vn' })),
    ).toMatchObject({ ok: true });

    const station = uid('S');
    const created = await stations.createStationAction(
      null,
      form({
        code: station,
        fileCode: `${code}_NT01`,
        name: 'Trạm',
        kind: 'wastewater',
        facilityCode: code,
        lat: '21,27',
        lon: '106,19',
        intervalMinutes: '5',
        graceMinutes: '15',
        parameters: ['COD', 'PH'],
        'unit.COD': 'mg/L',
        'aliases.COD': 'COD-ONLINE, CODX',
        'unit.PH': '-',
      }),
    );
    expect(created).toMatchObject({ ok: true, subject: station });
    const s = await prisma().station.findUnique({ where: { code: station }, include: { parameters: true } });
    expect(s?.lat).toBe(21.27);
    expect(s?.parameters.map((p) => p.parameter).sort()).toEqual(['COD', 'PH']);
    expect(s?.symbolAliases).toEqual({ 'COD-ONLINE': 'COD', CODX: 'COD' });

    // Outside Vietnam: refused with a readable message.
    const far = await stations.createStationAction(
      null,
      form({
        code: uid('S'),
        fileCode: uid('FC'),
        name: 'x',
        kind: 'wastewater',
        facilityCode: code,
        lat: '48.85',
        lon: '2.35',
        parameters: ['COD'],
      }),
    );
    expect(far).toMatchObject({ ok: false, error: 'VALIDATION' });
    expect(far && !far.ok && far.details).toContain('Vietnam');

    const email = `${uid('fu')}@t.vn`.toLowerCase();
    const user = await accounts.createUserAction(null, form({ email, name: 'Cơ sở', role: 'facility', facilityCode: code }));
    expect(user).toMatchObject({ ok: true, subject: email, secret: expect.stringMatching(/^[A-Za-z0-9_-]{20}$/) });
    const noFacility = await accounts.createUserAction(null, form({ email: `${uid('x')}@t.vn`, name: 'x', role: 'facility' }));
    expect(noFacility).toMatchObject({ ok: false, error: 'VALIDATION' });

    const username = uid('ftp').toLowerCase();
    const ftp = await accounts.createFtpAccountAction(null, form({ username, facilityCode: code }));
    expect(ftp).toMatchObject({ ok: true, subject: username });
    const secret = ftp && ftp.ok ? ftp.secret! : '';
    expect(await verifyPassword(secret, (await findFtpAccountByUsername(username))!.passwordHash)).toBe(true);

    const token = await accounts.createTokenAction(null, form({ name: uid('tok'), role: 'manager' }));
    const plain = token && token.ok ? token.secret! : '';
    expect(await authenticateToken(plain)).not.toBeNull();

    const audit = await getAdminAudit({ actor: users.admin.email });
    const actions = audit.entries.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['facility.create', 'station.create', 'station.aliases', 'user.create', 'ftp_account.create', 'token.create']),
    );
    const text = JSON.stringify(audit.entries);
    for (const s of [secret, plain, user && user.ok ? user.secret! : 'none']) expect(text).not.toContain(s);

    // The pages' DTOs never carry hashes.
    const dtos = JSON.stringify([await getAdminUsers(), await getAdminTokens(), await getAdminOverview()]);
    expect(dtos).not.toMatch(/\$2[aby]\$|passwordHash|tokenHash/);
  });

  it('maps service errors to readable results', async () => {
    as('admin');
    expect(await facilities.updateFacilityAction(null, form({ code: 'NO-SUCH', name: 'x' }))).toMatchObject({
      ok: false,
      error: 'NOT_FOUND',
    });
    expect(await accounts.setUserActiveAction(null, form({ id: String(users.admin.id), active: 'false' }))).toMatchObject({
      ok: false,
      error: 'FORBIDDEN',
    });
    expect(await accounts.revokeTokenAction(null, form({ id: 'abc' }))).toMatchObject({ ok: false, error: 'VALIDATION' });
    expect((await getAdminAudit({ from: '32/01/2026' })).error).toContain('dd/MM/yyyy');
  });
});
