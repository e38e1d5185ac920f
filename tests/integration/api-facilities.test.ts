import { beforeAll, describe, expect, it } from 'vitest';
import { call, makeFacility, tokenFor, uid } from './api-fixtures';
import { findFtpAccountByUsername } from '@/lib/db/ftp-accounts';
import { verifyPassword } from '@/lib/services/accounts';
import { GET as listFacilities, POST as createFacility } from '@/app/api/v1/facilities/route';
import { POST as createFacilityToken } from '@/app/api/v1/facilities/[code]/tokens/route';
import { GET as listStations } from '@/app/api/v1/stations/route';

let admin: string;
let operator: string;

beforeAll(async () => {
  admin = await tokenFor('admin');
  operator = await tokenFor('operator');
});

describe('POST /api/v1/facilities', () => {
  it('creates a facility with its FTP account (bcrypt-hashed password)', async () => {
    const code = uid('F');
    const ftpUsername = uid('ftp').toLowerCase();
    const r = await call(createFacility, '/api/v1/facilities', {
      token: admin,
      body: { code, name: 'Công ty Đình Trám', ftpUsername, ftpPassword: 'very-secret-1' },
    });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ code, name: 'Công ty Đình Trám', address: null, ftpUsername });
    const account = await findFtpAccountByUsername(ftpUsername);
    expect(account?.facilityCode).toBe(code);
    expect(account?.passwordHash).not.toContain('very-secret-1');
    expect(await verifyPassword('very-secret-1', account?.passwordHash ?? '')).toBe(true);
    expect(JSON.stringify(r.body)).not.toContain('very-secret-1');
  });

  it('creates a facility without an FTP account', async () => {
    const code = uid('F');
    const r = await call(createFacility, '/api/v1/facilities', { token: admin, body: { code, name: 'No FTP' } });
    expect(r.status).toBe(201);
    expect(r.body.ftpUsername).toBeNull();
  });

  it('refuses: no token 401, bad token 401, operator 403, invalid body 400 with details, duplicates 409', async () => {
    const body = { code: uid('F'), name: 'x' };
    const none = await call(createFacility, '/api/v1/facilities', { body });
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('UNAUTHORIZED');
    expect((await call(createFacility, '/api/v1/facilities', { body, token: 'qt_bogus' })).status).toBe(401);
    expect((await call(createFacility, '/api/v1/facilities', { body, headers: { authorization: 'Basic abc' } })).status).toBe(401);

    const forbidden = await call(createFacility, '/api/v1/facilities', { body, token: operator });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');

    const invalid = await call(createFacility, '/api/v1/facilities', { token: admin, body: { code: 'has space', ftpUsername: 'x' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('VALIDATION');
    const paths = (invalid.body.error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.code', 'body.name']));

    const notJson = await call(createFacility, '/api/v1/facilities', { token: admin, raw: '{oops', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);

    const code = uid('F');
    expect((await call(createFacility, '/api/v1/facilities', { token: admin, body: { code, name: 'a' } })).status).toBe(201);
    const dup = await call(createFacility, '/api/v1/facilities', { token: admin, body: { code, name: 'b' } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('CONFLICT');

    const ftpUsername = uid('ftp').toLowerCase();
    await call(createFacility, '/api/v1/facilities', { token: admin, body: { code: uid('F'), name: 'a', ftpUsername, ftpPassword: 'secret-123-long' } });
    const dupFtp = await call(createFacility, '/api/v1/facilities', {
      token: admin,
      body: { code: uid('F'), name: 'b', ftpUsername, ftpPassword: 'secret-123-long' },
    });
    expect(dupFtp.status).toBe(409);
  });
});

describe('GET /api/v1/facilities', () => {
  it('lists facilities for staff, paged with a cursor', async () => {
    const a = await makeFacility();
    const b = await makeFacility();
    for (const role of ['admin', 'operator', 'inspector', 'manager'] as const) {
      const r = await call(listFacilities, '/api/v1/facilities?limit=1000', { token: await tokenFor(role) });
      expect(r.status).toBe(200);
      const codes = (r.body.items as { code: string }[]).map((f) => f.code);
      expect(codes).toEqual(expect.arrayContaining([a.code, b.code]));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/facilities?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const r = await call(listFacilities, url, { token: admin });
      expect(r.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...(r.body.items as { code: string }[]).map((f) => f.code));
      cursor = r.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([a.code, b.code]));
  });

  it('refuses facility tokens (403), missing tokens (401) and bad paging (400)', async () => {
    const f = await makeFacility();
    expect((await call(listFacilities, '/api/v1/facilities', { token: await tokenFor('facility', f.code) })).status).toBe(403);
    expect((await call(listFacilities, '/api/v1/facilities')).status).toBe(401);
    expect((await call(listFacilities, '/api/v1/facilities?limit=0', { token: admin })).status).toBe(400);
    expect((await call(listFacilities, '/api/v1/facilities?cursor=%25%25', { token: admin })).status).toBe(400);
  });
});

describe('POST /api/v1/facilities/{code}/tokens', () => {
  it('returns a facility token once; it authenticates and is bound to the facility', async () => {
    const f = await makeFacility();
    const r = await call(createFacilityToken, `/api/v1/facilities/${f.code}/tokens`, {
      token: admin,
      body: { name: 'datalogger' },
      params: { code: f.code },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ role: 'facility', facility: f.code, name: 'datalogger' });
    expect(r.body.token).toMatch(/^qt_[A-Za-z0-9_-]{43}$/);
    const list = await call(listStations, '/api/v1/stations', { token: r.body.token });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
  });

  it('refuses: unknown facility 404, operator 403, no token 401, empty name 400', async () => {
    const f = await makeFacility();
    const url = `/api/v1/facilities/${f.code}/tokens`;
    expect((await call(createFacilityToken, '/api/v1/facilities/NOPE/tokens', { token: admin, body: { name: 'x' }, params: { code: 'NOPE' } })).status).toBe(404);
    expect((await call(createFacilityToken, url, { token: operator, body: { name: 'x' }, params: { code: f.code } })).status).toBe(403);
    expect((await call(createFacilityToken, url, { body: { name: 'x' }, params: { code: f.code } })).status).toBe(401);
    const bad = await call(createFacilityToken, url, { token: admin, body: { name: '' }, params: { code: f.code } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('body.name');
  });
});
