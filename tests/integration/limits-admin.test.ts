/**
 * Limits admin (issue #5): the server actions and page queries of /admin/limits and /admin/maintenance against a real
 * PostgreSQL. Only the Next boundary is stubbed (the session cookie → a user of this database, revalidatePath); the
 * actions run their real authorisation, validation and services.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addReadings, makeFacility, makeStation, uid, vn } from './api-fixtures';

const session = vi.hoisted(() => ({ current: null as null | { user: { id: number; email: string } } }));
vi.mock('next-auth', () => ({ getServerSession: async () => session.current }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

import { isInMaintenance } from '@/lib/db/alerts';
import { disconnectDb, pool } from '@/lib/db/client';
import { findFacilityByCode } from '@/lib/db/facilities';
import { findStationByCode } from '@/lib/db/stations';
import { createUser, type Role } from '@/lib/db/users';
import { LIMIT_CSV_COLUMNS } from '@/lib/domain/limits';
import { listAlerts, listMaintenanceWindowsService } from '@/lib/services/alerts';
import {
  cancelMaintenanceWindowAction,
  createMaintenanceWindowAction,
  createPermitLimitAction,
  endPermitLimitAction,
  importLimitStandardsAction,
  previewLimitImportAction,
  removeStationBindingAction,
  setStationBindingAction,
} from '@/server/actions/limits-admin';
import { getLimitsAdminPage, getMaintenancePage, getStationLimitsAdminPage } from '@/server/queries/limits-admin';
import { derivedSteps } from '@/worker/jobs/derived-steps';
import { getStationLimitDetail } from '@/lib/services/stations';

type Who = { id: number; email: string };
const users: Partial<Record<Role, Who>> = {};
let facilityA: { code: string; id: number };
let facilityB: { code: string; id: number };
let stationA: { code: string; id: number };
let stationB: { code: string; id: number };

async function makeUser(role: Role, facilityId: number | null = null): Promise<Who> {
  const u = await createUser({ email: `${uid(role)}@example.test`.toLowerCase(), name: role, passwordHash: 'x', role, facilityId });
  return { id: u.id, email: u.email };
}
const as = (who: Who | null) => {
  session.current = who ? { user: { id: who.id, email: who.email } } : null;
};

function form(fields: Record<string, string | string[]>, file?: { name: string; text: string }): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  if (file) fd.append('file', new File([file.text], file.name, { type: 'text/plain' }));
  return fd;
}

const csvOf = (code: string, rows: string[]) => [LIMIT_CSV_COLUMNS.join(','), ...rows.map((r) => `${code},2025,2025-09-01,,wastewater,${r}`)].join('\n');

async function auditCount(action: string, entityId: string): Promise<number> {
  const r = await pool().query(`SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND entity_id = $2`, [action, entityId]);
  return r.rows[0].n;
}

beforeAll(async () => {
  const fa = await makeFacility();
  const fb = await makeFacility();
  facilityA = { code: fa.code, id: (await findFacilityByCode(fa.code))!.id };
  facilityB = { code: fb.code, id: (await findFacilityByCode(fb.code))!.id };
  const sa = await makeStation(fa.code);
  const sb = await makeStation(fb.code);
  stationA = { code: sa.code, id: (await findStationByCode(sa.code))!.id };
  stationB = { code: sb.code, id: (await findStationByCode(sb.code))!.id };
  users.admin = await makeUser('admin');
  users.operator = await makeUser('operator');
  users.inspector = await makeUser('inspector');
  users.facility = await makeUser('facility', facilityA.id);
});

afterAll(async () => {
  await disconnectDb();
});

describe('standard import: preview stores nothing, save goes through the service', () => {
  it('a file with errors is refused row by row and nothing is stored', async () => {
    as(users.admin!);
    const code = `QCVN40:2025-${uid('E')}`;
    const text = csvOf(code, ['A,COD,,75,24h,true', 'A,TSS,,abc,24h,true', 'A,PH,9,6,24h,false']);
    const r = await previewLimitImportAction(null, form({ format: 'auto' }, { name: 'qcvn.csv', text }));
    expect(r).toMatchObject({ ok: true, mode: 'preview', preview: { ok: false } });
    if (!r?.ok || r.mode !== 'preview') return;
    expect(r.preview.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(r.preview.errors[0]?.message).toContain('not a number');
    expect(r.preview.errors[1]?.message).toContain('min must not exceed max');
    // Saving the same file anyway is refused by the service with the same row numbers.
    const s = await importLimitStandardsAction(null, form({}, { name: 'qcvn.csv', text }));
    expect(s).toMatchObject({ ok: false, error: 'VALIDATION' });
    if (s?.ok !== false) return;
    expect(s.errors.map((e) => e.line)).toEqual([3, 4]);
    // …and with the parser's codes, so the form shows them in the user's language.
    expect(s.errors.map((e) => e.code)).toEqual(['not_a_number', 'min_above_max']);
    const stored = await pool().query(`SELECT count(*)::int AS n FROM limit_standard WHERE code = $1`, [code]);
    expect(stored.rows[0].n).toBe(0);
  });

  it('a valid CSV previews, then imports once (audited); a second import is a conflict and the preview says it exists', async () => {
    as(users.admin!);
    const code = `QCVN40:2025-${uid('C')}`;
    const file = { name: 'qcvn40-2025.csv', text: csvOf(code, ['A,COD,,75,24h,true', 'B,COD,,150,24h,true', 'A,PH,6,9,24h,false']) };
    const p = await previewLimitImportAction(null, form({ format: 'auto' }, file));
    expect(p).toMatchObject({ ok: true, mode: 'preview', preview: { ok: true, errors: [], standards: [{ code, version: '2025', exists: false }] } });
    expect(await auditCount('limits.import', `${code}@2025`)).toBe(0);

    const s = await importLimitStandardsAction(null, form({}, file));
    expect(s).toEqual({ ok: true, mode: 'saved', fileName: 'qcvn40-2025.csv', imported: [{ code, version: '2025', values: 3 }] });
    expect(await auditCount('limits.import', `${code}@2025`)).toBe(1);

    expect(await importLimitStandardsAction(null, form({}, file))).toMatchObject({ ok: false, error: 'CONFLICT' });
    const again = await previewLimitImportAction(null, form({}, file));
    expect(again).toMatchObject({ ok: true, preview: { ok: false, standards: [{ exists: true }] } });

    const page = await getLimitsAdminPage();
    const listed = page.standards.find((x) => x.code === code);
    expect(listed?.versions).toEqual([expect.objectContaining({ version: '2025', effectiveFrom: '2025-09-01', source: 'import', importedBy: `user:${users.admin!.email}` })]);
    expect(listed?.versions[0]?.values).toContainEqual({ column: 'A', parameter: 'PH', min: 6, max: 9, averaging: '24h', applyCoefficients: false });
  });

  it('JSON imports too; an empty upload and a broken JSON are refused with a reason', async () => {
    as(users.admin!);
    const code = `QCVN19:2024-${uid('J')}`;
    const json = JSON.stringify({ code, name: 'QCVN 19:2024', version: '2024', effectiveFrom: '2025-07-01', kind: 'emission', values: [{ column: 'B', parameter: 'DUST', max: 50, averaging: '1h', applyCoefficients: true }] });
    expect(await importLimitStandardsAction(null, form({ format: 'auto' }, { name: 'q19.json', text: json }))).toMatchObject({ ok: true, mode: 'saved' });
    expect(await previewLimitImportAction(null, form({}, { name: 'x.csv', text: '' }))).toMatchObject({ ok: false, error: 'VALIDATION' });
    expect(await previewLimitImportAction(null, form({}))).toMatchObject({ ok: false, error: 'VALIDATION' });
    const broken = await previewLimitImportAction(null, form({ format: 'json' }, { name: 'x.txt', text: '{\n "code": "X",\n}' }));
    expect(broken).toMatchObject({ ok: true, preview: { ok: false, errors: [{ line: 3 }] } });
  });
});

describe('non-admins are refused by every action and page', () => {
  it.each(['operator', 'inspector', 'facility', 'anonymous'] as const)('%s', async (who) => {
    as(who === 'anonymous' ? null : users[who]!);
    const expected = who === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN';
    const code = `QCVN40:2025-${uid('N')}`;
    const file = { name: 'q.csv', text: csvOf(code, ['A,COD,,75,24h,true']) };
    const results = [
      await previewLimitImportAction(null, form({}, file)),
      await importLimitStandardsAction(null, form({}, file)),
      await setStationBindingAction(null, form({ stationCode: stationA.code, standardCode: 'QCVN40:2011', column: 'B' })),
      await removeStationBindingAction(null, form({ stationCode: stationA.code, standardCode: 'QCVN40:2011' })),
      await createPermitLimitAction(null, form({ facilityCode: facilityA.code, stationCode: stationA.code, scope: 'station', parameter: 'COD', max: '1', averaging: '24h', effectiveFrom: '2025-01-01' })),
      await endPermitLimitAction(null, form({ id: '1', effectiveTo: '2030-01-01', stationCode: stationA.code })),
      await createMaintenanceWindowAction(null, form({ stationCode: stationA.code, scope: 'all', from: '2026-01-01T08:00', to: '2026-01-01T10:00', reason: 'x' })),
      await cancelMaintenanceWindowAction(null, form({ id: '1' })),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false, error: expected });
    const stored = await pool().query(`SELECT count(*)::int AS n FROM limit_standard WHERE code = $1`, [code]);
    expect(stored.rows[0].n).toBe(0);
    // Pages: a signed-in non-admin gets a 404, nobody signed in a redirect to /login; both throw inside Next.
    await expect(getLimitsAdminPage()).rejects.toThrow();
    await expect(getStationLimitsAdminPage(stationA.code, undefined)).rejects.toThrow();
    await expect(getMaintenancePage({})).rejects.toThrow();
  });
});

describe('station bindings and permit limits', () => {
  it('binds with Vietnamese decimals and shows the derivation; a column the standard lacks is refused; unbinding restores the station limit', async () => {
    as(users.admin!);
    const bad = await setStationBindingAction(null, form({ stationCode: stationA.code, standardCode: 'QCVN40:2011', column: 'Z' }));
    expect(bad).toMatchObject({ ok: false, error: 'VALIDATION' });
    const wrongKind = await setStationBindingAction(null, form({ stationCode: stationA.code, standardCode: 'QCVN19:2009', column: 'B' }));
    expect(wrongKind).toMatchObject({ ok: false, error: 'VALIDATION' });
    const notNumber = await setStationBindingAction(null, form({ stationCode: stationA.code, standardCode: 'QCVN40:2011', column: 'B', kq: 'abc' }));
    expect(notNumber).toMatchObject({ ok: false, error: 'VALIDATION' });

    const ok = await setStationBindingAction(null, form({ stationCode: stationA.code, standardCode: 'QCVN40:2011', column: 'B', kq: '0,9', kf: '1.1' }));
    expect(ok).toEqual({ ok: true });
    expect(await auditCount('limits.bind', stationA.code)).toBe(1);

    const page = await getStationLimitsAdminPage(stationA.code, '2026-06-01');
    expect(page.bindings).toEqual([expect.objectContaining({ standardCode: 'QCVN40:2011', column: 'B', coefficients: { kq: 0.9, kf: 1.1 } })]);
    const cod = page.parameters.find((p) => p.parameter === 'COD')!.limits;
    expect(cod).toEqual([
      expect.objectContaining({
        averaging: '24h',
        max: 148.5,
        source: 'standard',
        standard: 'QCVN40:2011',
        version: '2011',
        column: 'B',
        coefficients: { kq: 0.9, kf: 1.1 },
        base: { max: 150 },
        effectiveFrom: '2012-02-15',
        effectiveTo: null,
        live: true,
      }),
    ]);
    // PH does not take coefficients.
    expect(page.parameters.find((p) => p.parameter === 'PH')!.limits[0]).toMatchObject({ min: 5.5, max: 9, coefficients: {} });

    expect(await removeStationBindingAction(null, form({ stationCode: stationA.code, standardCode: 'QCVN40:2011' }))).toEqual({ ok: true });
    expect(await removeStationBindingAction(null, form({ stationCode: stationA.code, standardCode: 'QCVN40:2011' }))).toMatchObject({ ok: false, error: 'NOT_FOUND' });
    expect(await auditCount('limits.unbind', stationA.code)).toBe(1);
    const after = await getStationLimitDetail(stationA.code, { facilityId: null });
    expect(after.parameters.find((p) => p.parameter === 'COD')!.limits[0]).toMatchObject({ source: 'station', max: 100 });
  });

  it('a station permit overrides the standard while in force, and can be ended (audited)', async () => {
    as(users.admin!);
    await setStationBindingAction(null, form({ stationCode: stationB.code, standardCode: 'QCVN40:2011', column: 'A' }));
    const created = await createPermitLimitAction(
      null,
      form({ facilityCode: facilityB.code, stationCode: stationB.code, scope: 'station', parameter: 'COD', max: '60,5', averaging: '24h', effectiveFrom: '2026-01-01', note: 'GPMT 12/GP' }),
    );
    expect(created).toEqual({ ok: true });
    const page = await getStationLimitsAdminPage(stationB.code, '2026-03-01');
    const permit = page.permits.find((p) => p.parameter === 'COD')!;
    expect(permit).toMatchObject({ stationCode: stationB.code, max: 60.5, effectiveFrom: '2026-01-01', effectiveTo: null, inForce: true });
    expect(page.parameters.find((p) => p.parameter === 'COD')!.limits[0]).toMatchObject({ source: 'permit', max: 60.5, permitId: permit.id, effectiveFrom: '2026-01-01' });
    // Before the permit, the standard applies.
    const before = await getStationLimitsAdminPage(stationB.code, '2025-12-31');
    expect(before.parameters.find((p) => p.parameter === 'COD')!.limits[0]).toMatchObject({ source: 'standard', max: 75 });

    expect(await endPermitLimitAction(null, form({ id: String(permit.id), effectiveTo: '2025-06-01', stationCode: stationB.code }))).toMatchObject({ ok: false, error: 'VALIDATION' });
    expect(await endPermitLimitAction(null, form({ id: String(permit.id), effectiveTo: '2026-07-01', stationCode: stationB.code }))).toEqual({ ok: true });
    expect(await auditCount('limits.permit.end', String(permit.id))).toBe(1);
    const later = await getStationLimitsAdminPage(stationB.code, '2026-08-01');
    expect(later.parameters.find((p) => p.parameter === 'COD')!.limits[0]).toMatchObject({ source: 'standard', max: 75 });
    // Permit scope must be the station's own facility: another facility's station is not found.
    const foreign = await createPermitLimitAction(
      null,
      form({ facilityCode: facilityA.code, stationCode: stationB.code, scope: 'station', parameter: 'COD', max: '1', averaging: '24h', effectiveFrom: '2026-01-01' }),
    );
    expect(foreign).toMatchObject({ ok: false, error: 'NOT_FOUND' });
  });
});

describe('maintenance windows', () => {
  it('covers the chosen parameters only, can be cancelled once, and the engine check follows', async () => {
    as(users.admin!);
    const some = await createMaintenanceWindowAction(
      null,
      form({ stationCode: stationA.code, scope: 'some', parameters: ['COD'], from: '2026-03-13T09:00', to: '2026-03-13T12:00', reason: 'thay điện cực' }),
    );
    expect(some).toEqual({ ok: true });
    const inside = new Date('2026-03-13T10:00:00+07:00');
    expect(await isInMaintenance(stationA.id, inside, 'COD')).toBe(true);
    expect(await isInMaintenance(stationA.id, inside, 'PH')).toBe(false);
    expect(await isInMaintenance(stationA.id, inside, null)).toBe(false);
    expect(await isInMaintenance(stationA.id, new Date('2026-03-13T12:00:00+07:00'), 'COD')).toBe(false);

    const whole = await createMaintenanceWindowAction(
      null,
      form({ stationCode: stationA.code, scope: 'all', parameters: ['PH'], from: '2026-03-14T09:00', to: '2026-03-14T10:00', reason: 'hiệu chuẩn' }),
    );
    expect(whole).toEqual({ ok: true });
    expect(await isInMaintenance(stationA.id, new Date('2026-03-14T09:30:00+07:00'), null)).toBe(true);

    const page = await getMaintenancePage({ station: stationA.code }, new Date('2026-03-13T10:00:00+07:00'));
    expect(page.windows.map((w) => [w.parameters, w.from, w.status])).toEqual([
      [[], '2026-03-14T09:00:00+07:00', 'upcoming'],
      [['COD'], '2026-03-13T09:00:00+07:00', 'active'],
    ]);
    const id = page.windows[1]!.id;
    expect(await cancelMaintenanceWindowAction(null, form({ id: String(id) }))).toEqual({ ok: true });
    expect(await cancelMaintenanceWindowAction(null, form({ id: String(id) }))).toMatchObject({ ok: false, error: 'CONFLICT' });
    expect(await cancelMaintenanceWindowAction(null, form({ id: '999999999' }))).toMatchObject({ ok: false, error: 'NOT_FOUND' });
    expect(await isInMaintenance(stationA.id, inside, 'COD')).toBe(false);
    expect(await auditCount('maintenance.cancel', String(id))).toBe(1);
    const listed = (await getMaintenancePage({ station: stationA.code })).windows.find((w) => w.id === id);
    expect(listed).toMatchObject({ status: 'cancelled', cancelledBy: `user:${users.admin!.email}` });
  });

  it('refuses bad windows and keeps facility scopes apart', async () => {
    as(users.admin!);
    const base = { stationCode: stationB.code, from: '2026-04-01T08:00', to: '2026-04-01T09:00', reason: 'bảo trì' };
    expect(await createMaintenanceWindowAction(null, form({ ...base, scope: 'some' }))).toMatchObject({ ok: false, error: 'VALIDATION' });
    expect(await createMaintenanceWindowAction(null, form({ ...base, scope: 'some', parameters: ['SO2'] }))).toMatchObject({ ok: false, error: 'VALIDATION' });
    expect(await createMaintenanceWindowAction(null, form({ ...base, scope: 'all', to: '2026-04-01T07:00' }))).toMatchObject({ ok: false, error: 'VALIDATION' });
    expect(await createMaintenanceWindowAction(null, form({ ...base, scope: 'all', reason: '' }))).toMatchObject({ ok: false, error: 'VALIDATION' });
    expect(await createMaintenanceWindowAction(null, form({ ...base, scope: 'all', stationCode: 'NO-SUCH' }))).toMatchObject({ ok: false, error: 'NOT_FOUND' });
    expect(await createMaintenanceWindowAction(null, form({ ...base, scope: 'all' }))).toEqual({ ok: true });

    const ofA = await listMaintenanceWindowsService({ facilityId: facilityA.id });
    expect(ofA.length).toBeGreaterThan(0);
    expect(ofA.every((w) => w.stationCode === stationA.code)).toBe(true);
    const ofB = await listMaintenanceWindowsService({ facilityId: facilityB.id });
    expect(ofB.map((w) => w.stationCode)).toEqual([stationB.code]);
    await expect(listMaintenanceWindowsService({ facilityId: facilityA.id }, { stationCode: stationB.code })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the alert engine suppresses only the parameters a window covers', async () => {
    as(users.admin!);
    const f = await makeFacility();
    const covered = await makeStation(f.code); // COD max 100 (station limit)
    const other = await makeStation(f.code);
    const window = { from: '2026-05-20T09:00', to: '2026-05-20T12:00', reason: 'hiệu chuẩn', scope: 'some' };
    expect(await createMaintenanceWindowAction(null, form({ ...window, stationCode: covered.code, parameters: ['COD'] }))).toEqual({ ok: true });
    expect(await createMaintenanceWindowAction(null, form({ ...window, stationCode: other.code, parameters: ['PH'] }))).toEqual({ ok: true });
    const step = derivedSteps.find((x) => x.name === 'alerts')!;
    for (const code of [covered.code, other.code]) {
      await addReadings(code, 'COD', [{ time: vn('2026-05-20T10:05:00'), value: 95 }]);
      const id = (await findStationByCode(code))!.id;
      await step.run({ stationId: id, from: vn('2026-05-20T10:00:00'), to: vn('2026-05-20T11:00:00') }, { log: () => undefined, now: () => vn('2026-05-20T10:06:00') });
    }
    const approaching = async (code: string) => (await listAlerts({ station: code, kind: 'approaching', includeSuppressed: true, limit: 10 }, { facilityId: null })).items;
    expect((await approaching(covered.code)).map((a) => a.suppressed)).toEqual([true]);
    expect((await approaching(other.code)).map((a) => a.suppressed)).toEqual([false]);
  });
});
