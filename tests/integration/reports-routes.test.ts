/**
 * The generic report file routes (server/queries/reports-files.ts) as a signed-in user calls them: the data export
 * (CSV streamed, XLSX, audit entry, X-Estimated-Rows), the completeness and exceedance files, their names, and the
 * caller's scope (a facility user gets 404 for another facility's station and only their own rows in a report).
 * The session is injected as in authz-actions.test.ts; next-intl's request scope is replaced by the Vietnamese locale.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeFacility, makeStation, uid } from './api-fixtures';
import { disconnectDb, pool } from '@/lib/db/client';
import { insertReadings } from '@/lib/db/readings';
import { findStationByCode } from '@/lib/db/stations';
import { createUser, type Role } from '@/lib/db/users';

type FakeSession = { user: { id: number; email: string; name: string; role: Role; facilityId: number | null } } | null;
const state = vi.hoisted(() => ({ session: null as FakeSession }));
vi.mock('next-auth', async (importOriginal) => {
  const orig = await importOriginal<typeof import('next-auth')>();
  return { ...orig, getServerSession: vi.fn(async () => state.session) };
});
vi.mock('next-intl/server', () => ({
  getTranslations: vi.fn(async () => (key: string) => key),
  getLocale: vi.fn(async () => 'vi'),
}));

const { GET: dataExport } = await import('@/app/(app)/reports/export/route');
const { GET: completenessExport } = await import('@/app/(app)/reports/completeness/export/route');
const { GET: exceedanceExport } = await import('@/app/(app)/reports/exceedances/export/route');

const DAY = '24/05/2024';
const day0 = Date.parse('2024-05-23T17:00:00.000Z'); // 24/05/2024 00:00 +07:00
const at = (min: number) => new Date(day0 + min * 60_000);
let stationA = '';
let stationB = '';
const sessions = new Map<'manager' | 'facility', NonNullable<FakeSession>>();

beforeAll(async () => {
  const a = await makeFacility();
  const b = await makeFacility();
  stationA = (await makeStation(a.code, { activeFrom: at(0), parameters: [{ code: 'COD', unit: 'mg/L' }, { code: 'PH' }] })).code;
  stationB = (await makeStation(b.code, { activeFrom: at(0), parameters: [{ code: 'COD', unit: 'mg/L' }] })).code;
  const rowA = (await findStationByCode(stationA))!;
  await insertReadings([
    { stationId: rowA.id, parameter: 'COD', time: at(5), value: 12.5, deviceStatus: '00', fileId: null },
    { stationId: rowA.id, parameter: 'PH', time: at(5), value: 7.1, deviceStatus: '00', fileId: null },
  ]);
  await pool().query('UPDATE reading SET qc_flag = 1 WHERE station_id = $1', [rowA.id]);
  for (const role of ['manager', 'facility'] as const) {
    const u = await createUser({
      email: `${uid(role)}@reports-routes.test`.toLowerCase(),
      name: `Reports ${role}`,
      passwordHash: '$2b$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva',
      role,
      facilityId: role === 'facility' ? rowA.facility.id : null,
    });
    sessions.set(role, { user: { id: u.id, email: u.email, name: u.name, role, facilityId: u.facilityId } });
  }
});

afterAll(async () => {
  state.session = null;
  await disconnectDb();
});

const get = (handler: (req: Request) => Promise<Response>, path: string, query: Record<string, string>) =>
  handler(new Request(`http://localhost${path}?${new URLSearchParams(query).toString()}`));
const as = (who: 'manager' | 'facility' | null) => {
  state.session = who ? sessions.get(who)! : null;
};
const csvLines = async (r: Response) => {
  const bytes = Buffer.from(await r.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
};

describe('GET /reports/export (data)', () => {
  it('streams the CSV with its name, the estimated rows and an audit entry', async () => {
    as('manager');
    const r = await get(dataExport, '/reports/export', { stations: stationA, from: DAY, to: DAY, format: 'csv' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="du-lieu-raw-24052024-24052024.csv"');
    expect(r.headers.get('x-estimated-rows')).toBe(String(2 * 288));
    expect(await csvLines(r)).toEqual([
      'Thời gian,Trạm,Thông số,Giá trị,Đơn vị,Trạng thái thiết bị,Cờ QC,Hợp lệ',
      `2024-05-24T00:05:00+07:00,${stationA},COD,12.5,mg/L,00,good,1`,
      `2024-05-24T00:05:00+07:00,${stationA},PH,7.1,-,00,good,1`,
    ]);
    const audit = await pool().query<{ after: { stations: string[]; format: string } }>(
      `SELECT after FROM audit_log WHERE actor = $1 AND action = 'report.export' ORDER BY id DESC LIMIT 1`,
      [`user:${sessions.get('manager')!.user.email}`],
    );
    expect(audit.rows[0]?.after).toMatchObject({ stations: [stationA], format: 'csv' });
  });

  it('writes XLSX for format=xlsx', async () => {
    as('manager');
    const r = await get(dataExport, '/reports/export', { stations: stationA, parameters: 'COD', resolution: '1h', from: DAY, to: DAY, format: 'xlsx' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="du-lieu-1h-24052024-24052024.xlsx"');
    expect(Buffer.from(await r.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses bad input with 400 and a message, another facility station with 404, nobody with 401', async () => {
    as('manager');
    const badDay = await get(dataExport, '/reports/export', { stations: stationA, from: '31/02/2024', to: DAY });
    expect(badDay.status).toBe(400);
    expect(((await badDay.json()) as { error: { message: string } }).error.message).toBe('from/to must be dd/MM/yyyy');
    expect((await get(dataExport, '/reports/export', { stations: stationA, from: DAY, to: DAY, format: 'pdf' })).status).toBe(400);
    expect((await get(dataExport, '/reports/export', { stations: '', from: DAY, to: DAY })).status).toBe(400);
    as('facility');
    expect((await get(dataExport, '/reports/export', { stations: stationB, from: DAY, to: DAY })).status).toBe(404);
    expect((await get(dataExport, '/reports/export', { stations: stationA, from: DAY, to: DAY })).status).toBe(200);
    as(null);
    expect((await get(dataExport, '/reports/export', { stations: stationA, from: DAY, to: DAY })).status).toBe(401);
  });
});

describe('GET /reports/{completeness,exceedances}/export', () => {
  it('completeness CSV: the named file of the form, in the caller scope', async () => {
    as('manager');
    const r = await get(completenessExport, '/reports/completeness/export', { from: DAY, to: DAY, period: 'day', station: stationA, format: 'csv' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="ty-le-so-lieu-day-24052024-24052024.csv"');
    const lines = await csvLines(r);
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).map((l) => l.split(',').slice(3, 8))).toEqual([
      ['COD', '2024-05-24', '288', '1', '1'],
      ['PH', '2024-05-24', '288', '1', '1'],
    ]);
    // A facility user asking for another facility's station gets their own stations, never the other one.
    as('facility');
    const own = await csvLines(await get(completenessExport, '/reports/completeness/export', { from: DAY, to: DAY, station: stationB }));
    expect(own.some((l) => l.includes(stationB))).toBe(false);
    expect(own.some((l) => l.startsWith(`${stationA},`))).toBe(true);
  });

  it('exceedances XLSX, and an unknown format is refused', async () => {
    as('manager');
    const r = await get(exceedanceExport, '/reports/exceedances/export', { from: '01/05/2024', to: '31/05/2024', format: 'xlsx' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="vuot-nguong-01052024-31052024.xlsx"');
    expect(Buffer.from(await r.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    expect((await get(exceedanceExport, '/reports/exceedances/export', { format: 'ods' })).status).toBe(400);
  });
});
