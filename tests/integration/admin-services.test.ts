/**
 * Admin area services against a real PostgreSQL: facilities, stations and their parameters, users, FTP accounts,
 * API tokens and the audit page. Every change must leave an audit row with before/after and no secret in it, and
 * every non-admin role (facility users included) is refused.
 */
import { stationSettings, uid } from './api-fixtures';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { findFtpAccountByUsername } from '@/lib/db/ftp-accounts';
import { findUserCredentials, ROLES, type Role } from '@/lib/db/users';
import { findStationByCode } from '@/lib/db/stations';
import { formatDate } from '@/lib/domain/time';
import {
  type AdminActor,
  authenticateToken,
  authenticateUser,
  changeUserRoleAsAdmin,
  createFacilityAsAdmin,
  createFtpAccountAsAdmin,
  createTokenAsAdmin,
  createUserAsAdmin,
  deactivateFacilityAsAdmin,
  listFacilitiesForAdmin,
  listTokensForAdmin,
  listUsersForAdmin,
  reactivateFacilityAsAdmin,
  resetFtpPasswordAsAdmin,
  resetUserPasswordAsAdmin,
  revokeTokenAsAdmin,
  setFtpAccountEnabledAsAdmin,
  setUserActiveAsAdmin,
  updateFacilityAsAdmin,
  verifyPassword,
} from '@/lib/services/accounts';
import { listAuditForAdmin } from '@/lib/services/audit';
import {
  addStationParameterAsAdmin,
  createStationAsAdmin,
  isInsideVietnam,
  removeStationParameterAsAdmin,
  updateStationAsAdmin,
  updateStationParameterAsAdmin,
} from '@/lib/services/stations';

const admin: AdminActor = { email: 'root-admin@test.vn', role: 'admin' };
const NON_ADMIN = ROLES.filter((r) => r !== 'admin');

async function auditRows(entity: string, entityId: string) {
  return prisma().auditLog.findMany({ where: { entity, entityId }, orderBy: { id: 'asc' } });
}

async function newFacility(extra: { contactEmail?: string } = {}) {
  return createFacilityAsAdmin(admin, { code: uid('F'), name: 'Nhà máy thử', address: 'KCN Đình Trám', province: 'Bắc Ninh', ...extra });
}

const stationInput = (facilityCode: string, patch: Record<string, unknown> = {}) => ({
  ...stationSettings(facilityCode),
  fileCode: uid('FC'),
  name: 'Trạm nước thải',
  parameters: [
    { code: 'COD', unit: 'mg/l', aliases: ['COD-ONLINE'] },
    { code: 'ph', aliases: [] },
  ],
  ...patch,
});

describe('Vietnam bounds (inclusive)', () => {
  it.each([
    ['Hà Nội', 21.03, 105.85, true],
    ['Phú Quốc', 10.22, 103.96, true],
    ['south-west corner exactly', 8.0, 102.0, true],
    ['north-east corner exactly', 23.5, 110.0, true],
    ['just south', 7.99, 105, false],
    ['just east', 16, 110.01, false],
    ['lat/lon swapped', 105.85, 21.03, false],
    ['Bangkok', 13.75, 100.5, false],
    ['NaN', Number.NaN, 105, false],
  ])('%s → %s', (_label, lat, lon, inside) => {
    expect(isInsideVietnam(lat, lon)).toBe(inside);
  });
});

describe('role checks', () => {
  it.each(NON_ADMIN)('refuses %s on every admin service', async (role: Role) => {
    const f = await newFacility();
    const actor: AdminActor = { email: `x-${role}@test.vn`, role };
    const calls: (() => Promise<unknown>)[] = [
      () => listFacilitiesForAdmin(actor),
      () => createFacilityAsAdmin(actor, { code: uid('F'), name: 'x' }),
      () => updateFacilityAsAdmin(actor, f.code, { name: 'y' }),
      () => deactivateFacilityAsAdmin(actor, f.code),
      () => createStationAsAdmin(actor, stationInput(f.code)),
      () => createUserAsAdmin(actor, { email: `${uid('u')}@t.vn`, name: 'x', role: 'operator' }),
      () => createFtpAccountAsAdmin(actor, { username: uid('ftp'), facilityCode: f.code }),
      () => createTokenAsAdmin(actor, { name: 'x', role: 'admin' }),
      () => listTokensForAdmin(actor),
      () => listUsersForAdmin(actor),
      () => listAuditForAdmin(actor, {}),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Nothing was written on the way.
    expect((await auditRows('facility', f.code)).map((r) => r.action)).toEqual(['facility.create']);
  });
});

describe('facilities', () => {
  it('creates, edits (code immutable) and deactivates with everything that lets it send or read data', async () => {
    const f = await newFacility({ contactEmail: 'MoiTruong@NhaMay.vn' });
    expect(f).toMatchObject({ province: 'Bắc Ninh', contactEmail: 'moitruong@nhamay.vn', disabledAt: null });
    await expect(createFacilityAsAdmin(admin, { code: f.code, name: 'dup' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(createFacilityAsAdmin(admin, { code: uid('F'), name: 'x', contactEmail: 'not-an-email' })).rejects.toBeInstanceOf(Error);

    const edited = await updateFacilityAsAdmin(admin, f.code, { name: 'Nhà máy mới', province: 'Hà Nội', address: '', contactEmail: null });
    expect(edited).toMatchObject({ code: f.code, name: 'Nhà máy mới', province: 'Hà Nội', address: null, contactEmail: null });
    // The code is not editable: an edit that carries one is refused.
    await expect(updateFacilityAsAdmin(admin, f.code, { name: 'x', code: 'OTHER' } as never)).rejects.toBeInstanceOf(Error);

    const s = await createStationAsAdmin(admin, stationInput(f.code));
    const u = await createUserAsAdmin(admin, {
      email: `${uid('fu')}@t.vn`.toLowerCase(),
      name: 'Cơ sở',
      role: 'facility',
      facilityCode: f.code,
    });
    const ftp = await createFtpAccountAsAdmin(admin, { username: uid('ftp').toLowerCase(), facilityCode: f.code });
    const tok = await createTokenAsAdmin(admin, { name: 'facility token', role: 'facility', facilityCode: f.code });
    expect(await authenticateToken(tok.token)).not.toBeNull();

    await deactivateFacilityAsAdmin(admin, f.code, new Date('2026-11-28T08:00:00Z'));
    expect((await findFtpAccountByUsername(ftp.account.username))?.enabled).toBe(false);
    expect(await authenticateUser(u.user.email, u.password)).toBeNull();
    expect((await findStationByCode(s.code))?.enabled).toBe(false);
    expect(await authenticateToken(tok.token, new Date(Date.now() + 120_000))).toBeNull();
    await expect(deactivateFacilityAsAdmin(admin, f.code)).rejects.toMatchObject({ code: 'CONFLICT' });
    // An inactive facility takes no new station or account.
    await expect(createStationAsAdmin(admin, stationInput(f.code))).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(createFtpAccountAsAdmin(admin, { username: uid('ftp'), facilityCode: f.code })).rejects.toMatchObject({
      code: 'VALIDATION',
    });

    const rows = await auditRows('facility', f.code);
    expect(rows.map((r) => r.action)).toEqual(['facility.create', 'facility.update', 'facility.deactivate']);
    expect(rows[1]!.before).toMatchObject({ name: 'Nhà máy thử', province: 'Bắc Ninh' });
    expect(rows[1]!.after).toMatchObject({ name: 'Nhà máy mới', province: 'Hà Nội' });
    expect(rows[2]!.before).toMatchObject({ active: true });
    expect(rows[2]!.after).toMatchObject({
      active: false,
      disabledFtpAccounts: [ftp.account.username],
      disabledUsers: [u.user.email],
      disabledStations: [s.code],
      revokedTokens: 1,
    });
    expect(rows.every((r) => r.actor === 'user:root-admin@test.vn')).toBe(true);

    await reactivateFacilityAsAdmin(admin, f.code);
    expect((await auditRows('facility', f.code)).at(-1)?.action).toBe('facility.reactivate');
  });
});

describe('stations', () => {
  it('creates with registry parameters and aliases, inside Vietnam only', async () => {
    const f = await newFacility();
    const input = stationInput(f.code);
    const s = await createStationAsAdmin(admin, input);
    expect(s.parameters.map((p) => [p.parameter, p.unit])).toEqual([
      ['COD', 'mg/L'],
      ['PH', '-'],
    ]);
    expect(s.symbolAliases).toEqual({ 'COD-ONLINE': 'COD' });
    const actions = (await auditRows('station', s.code)).map((r) => r.action);
    expect(actions).toEqual(['station.create', 'station.aliases']);

    await expect(createStationAsAdmin(admin, stationInput(f.code, { lat: 13.75, lon: 100.5 }))).rejects.toMatchObject({ name: 'ZodError' });
    await expect(createStationAsAdmin(admin, stationInput(f.code, { parameters: [{ code: 'PM25' }] }))).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(createStationAsAdmin(admin, stationInput(f.code, { parameters: [{ code: 'COD', unit: 'g/L' }] }))).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(createStationAsAdmin(admin, stationInput(f.code, { fileCode: input.fileCode }))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('edits settings with before/after, refuses a kind its parameters do not fit, and manages parameters', async () => {
    const f = await newFacility();
    const g = await newFacility();
    const s = await createStationAsAdmin(admin, stationInput(f.code));
    const edit = {
      fileCode: `${s.fileCode}_NEW`,
      name: 'Trạm đổi tên',
      kind: 'wastewater' as const,
      facilityCode: g.code,
      lat: 10.8,
      lon: 106.7,
      intervalMinutes: 10,
      graceMinutes: 30,
      enabled: false,
    };
    const after = await updateStationAsAdmin(admin, s.code, edit);
    expect(after).toMatchObject({ fileCode: edit.fileCode, name: 'Trạm đổi tên', intervalMinutes: 10, graceMinutes: 30, enabled: false });
    expect(after.facility.code).toBe(g.code);
    await expect(updateStationAsAdmin(admin, s.code, { ...edit, lat: 40 })).rejects.toMatchObject({ name: 'ZodError' });
    await expect(updateStationAsAdmin(admin, s.code, { ...edit, kind: 'ambient_air' })).rejects.toMatchObject({ code: 'VALIDATION' });
    const other = await createStationAsAdmin(admin, stationInput(f.code));
    await expect(updateStationAsAdmin(admin, s.code, { ...edit, fileCode: other.fileCode })).rejects.toMatchObject({ code: 'CONFLICT' });

    const upd = (await auditRows('station', s.code)).find((r) => r.action === 'station.update');
    expect(upd?.before).toMatchObject({ name: 'Trạm nước thải', facility: f.code, intervalMinutes: 5, active: true });
    expect(upd?.after).toMatchObject({ name: 'Trạm đổi tên', facility: g.code, intervalMinutes: 10, active: false });

    await addStationParameterAsAdmin(admin, s.code, { code: 'tss', aliases: ['SS-1'] });
    await expect(addStationParameterAsAdmin(admin, s.code, { code: 'TSS' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(addStationParameterAsAdmin(admin, s.code, { code: 'SO2' })).rejects.toMatchObject({ code: 'VALIDATION' });
    // An alias that reads as another measured parameter would misroute its values.
    await expect(addStationParameterAsAdmin(admin, s.code, { code: 'NH4', aliases: ['cod'] })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(updateStationParameterAsAdmin(admin, s.code, 'TSS', { aliases: ['COD ONLINE'] })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await updateStationParameterAsAdmin(admin, s.code, 'TSS', { unit: 'mg/L', aliases: ['SS-2', 'TSS-X'] });
    let now = (await findStationByCode(s.code))!;
    expect(now.symbolAliases).toEqual({ 'COD-ONLINE': 'COD', 'SS-2': 'TSS', 'TSS-X': 'TSS' });

    await removeStationParameterAsAdmin(admin, s.code, 'TSS');
    now = (await findStationByCode(s.code))!;
    expect(now.parameters.find((p) => p.parameter === 'TSS')?.enabled).toBe(false);
    expect(now.symbolAliases).toEqual({ 'COD-ONLINE': 'COD' });
    // Adding it back switches the same row on again.
    await addStationParameterAsAdmin(admin, s.code, { code: 'TSS' });
    expect((await findStationByCode(s.code))!.parameters.filter((p) => p.parameter === 'TSS')).toEqual([
      expect.objectContaining({ enabled: true }),
    ]);

    await removeStationParameterAsAdmin(admin, s.code, 'TSS');
    await removeStationParameterAsAdmin(admin, s.code, 'PH');
    await expect(removeStationParameterAsAdmin(admin, s.code, 'COD')).rejects.toMatchObject({ code: 'VALIDATION' });

    const rows = await auditRows('station', s.code);
    const add = rows.find((r) => r.action === 'station.parameter.add');
    expect(add?.before).toBeNull();
    expect(add?.after).toEqual({ parameter: 'TSS', unit: 'mg/L', active: true, aliases: ['SS-1'] });
    const remove = rows.find((r) => r.action === 'station.parameter.remove');
    expect(remove?.before).toMatchObject({ parameter: 'TSS', active: true });
    expect(remove?.after).toMatchObject({ parameter: 'TSS', active: false, aliases: [] });
  });
});

describe('accounts', () => {
  it('users: facility iff role facility, generated password hashed, role change, reset, deactivate, no self-lockout', async () => {
    const f = await newFacility();
    const email = `${uid('u')}@t.vn`.toLowerCase();
    await expect(createUserAsAdmin(admin, { email, name: 'A', role: 'facility' })).rejects.toMatchObject({ name: 'ZodError' });
    await expect(createUserAsAdmin(admin, { email, name: 'A', role: 'operator', facilityCode: f.code })).rejects.toMatchObject({
      name: 'ZodError',
    });
    const { user, password } = await createUserAsAdmin(admin, { email, name: 'Người vận hành', role: 'operator' });
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const cred = await findUserCredentials(email);
    expect(cred?.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    expect(await verifyPassword(password, cred!.passwordHash)).toBe(true);
    await expect(createUserAsAdmin(admin, { email, name: 'B', role: 'operator' })).rejects.toMatchObject({ code: 'CONFLICT' });

    const changed = await changeUserRoleAsAdmin(admin, user.id, { role: 'facility', facilityCode: f.code });
    expect(changed).toMatchObject({ role: 'facility', facilityCode: f.code });
    await expect(changeUserRoleAsAdmin(admin, user.id, { role: 'inspector', facilityCode: f.code })).rejects.toMatchObject({
      name: 'ZodError',
    });

    const reset = await resetUserPasswordAsAdmin(admin, user.id);
    expect(reset.password).not.toBe(password);
    expect(await authenticateUser(email, password)).toBeNull();
    expect(await authenticateUser(email, reset.password)).not.toBeNull();

    await setUserActiveAsAdmin(admin, user.id, false);
    expect(await authenticateUser(email, reset.password)).toBeNull();
    await expect(setUserActiveAsAdmin(admin, user.id, false)).rejects.toMatchObject({ code: 'CONFLICT' });
    await setUserActiveAsAdmin(admin, user.id, true);

    const self = await createUserAsAdmin(admin, { email: `${uid('adm')}@t.vn`.toLowerCase(), name: 'Admin', role: 'admin' });
    const selfActor: AdminActor = { email: self.user.email, role: 'admin' };
    await expect(setUserActiveAsAdmin(selfActor, self.user.id, false)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(changeUserRoleAsAdmin(selfActor, self.user.id, { role: 'operator' })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const rows = await auditRows('user', String(user.id));
    expect(rows.map((r) => r.action)).toEqual(['user.create', 'user.role', 'user.password_reset', 'user.deactivate', 'user.reactivate']);
    expect(rows[1]!.before).toMatchObject({ role: 'operator', facility: null });
    expect(rows[1]!.after).toMatchObject({ role: 'facility', facility: f.code });
    const all = JSON.stringify(rows);
    expect(all).not.toContain(password);
    expect(all).not.toContain(reset.password);
    expect(all).not.toContain('$2');
  });

  it('FTP accounts: create (password shown once, bcrypt stored), reset, disable; audit without secrets', async () => {
    const f = await newFacility();
    const username = uid('ftp').toLowerCase();
    const { account, password } = await createFtpAccountAsAdmin(admin, { username, facilityCode: f.code });
    expect(account).toMatchObject({ username, facilityCode: f.code, enabled: true });
    expect(Object.keys(account)).not.toContain('passwordHash');
    const stored = await findFtpAccountByUsername(username);
    expect(await verifyPassword(password, stored!.passwordHash)).toBe(true);
    await expect(createFtpAccountAsAdmin(admin, { username, facilityCode: f.code })).rejects.toMatchObject({ code: 'CONFLICT' });

    const reset = await resetFtpPasswordAsAdmin(admin, account.id);
    const again = await findFtpAccountByUsername(username);
    expect(await verifyPassword(password, again!.passwordHash)).toBe(false);
    expect(await verifyPassword(reset.password, again!.passwordHash)).toBe(true);

    await setFtpAccountEnabledAsAdmin(admin, account.id, false);
    expect((await findFtpAccountByUsername(username))?.enabled).toBe(false);

    const rows = await auditRows('ftp_account', username);
    expect(rows.map((r) => r.action)).toEqual(['ftp_account.create', 'ftp_account.password_reset', 'ftp_account.disable']);
    expect(rows[2]!.before).toMatchObject({ enabled: true });
    expect(rows[2]!.after).toMatchObject({ enabled: false });
    expect(JSON.stringify(rows)).not.toContain(password);
    expect(JSON.stringify(rows)).not.toContain(reset.password);
  });

  it('API tokens: listed without hashes, revoked at once', async () => {
    const t = await createTokenAsAdmin(admin, { name: uid('tok'), role: 'inspector' });
    expect(await authenticateToken(t.token)).not.toBeNull();
    const listed = (await listTokensForAdmin(admin)).find((x) => x.id === t.id);
    expect(listed).toMatchObject({ name: t.name, role: 'inspector', revokedAt: null });
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(listed)).not.toContain(t.token);
    await revokeTokenAsAdmin(admin, t.id);
    expect(await authenticateToken(t.token)).toBeNull();
    await expect(revokeTokenAsAdmin(admin, t.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const rows = await auditRows('api_token', String(t.id));
    expect(rows.map((r) => r.action)).toEqual(['token.create', 'token.revoke']);
    expect(rows[1]!.after).toMatchObject({ revoked: true });
    expect(JSON.stringify(rows)).not.toContain(t.token);
  });
});

describe('audit page', () => {
  it('filters by actor, entity, action and local dates (dd/MM/yyyy), pages newest first', async () => {
    const actor: AdminActor = { email: `${uid('aud')}@t.vn`.toLowerCase(), role: 'admin' };
    const codes: string[] = [];
    for (let i = 0; i < 53; i++) codes.push((await createFacilityAsAdmin(actor, { code: uid('AF'), name: `F${i}` })).code);
    const p1 = await listAuditForAdmin(admin, { actor: actor.email });
    expect(p1.total).toBe(53);
    expect(p1.pageCount).toBe(2);
    expect(p1.rows).toHaveLength(50);
    expect(p1.rows[0]!.entityId).toBe(codes.at(-1));
    const p2 = await listAuditForAdmin(admin, { actor: actor.email.toUpperCase(), page: 2 });
    expect(p2.rows.map((r) => r.entityId)).toEqual(codes.slice(0, 3).reverse());
    // Past the end: the last page.
    expect((await listAuditForAdmin(admin, { actor: actor.email, page: 9 })).page).toBe(2);

    expect((await listAuditForAdmin(admin, { actor: actor.email, entity: 'user' })).total).toBe(0);
    expect((await listAuditForAdmin(admin, { actor: actor.email, action: 'facility.' })).total).toBe(53);
    expect((await listAuditForAdmin(admin, { actor: actor.email, action: 'facility.update' })).total).toBe(0);

    // Dates are local days (UTC+7), both inclusive.
    const today = formatDate(new Date());
    expect((await listAuditForAdmin(admin, { actor: actor.email, from: today, to: today })).total).toBe(53);
    expect((await listAuditForAdmin(admin, { actor: actor.email, to: '01/01/2020' })).total).toBe(0);
    await expect(listAuditForAdmin(admin, { from: '2026-13-45' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(listAuditForAdmin(admin, { from: '31/02/2026' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(listAuditForAdmin(admin, { from: '02/01/2026', to: '01/01/2026' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('the log stays append-only', async () => {
    await expect(prisma().auditLog.updateMany({ where: {}, data: { actor: 'tampered' } })).rejects.toBeInstanceOf(Error);
    await expect(prisma().auditLog.deleteMany({ where: {} })).rejects.toBeInstanceOf(Error);
  });
});
