import { beforeAll, describe, expect, it } from 'vitest';
import { addReadings, call, ISO_VN, makeFacility, makeStation, tokenFor, touchStation, uid } from './api-fixtures';
import { GET as listStations, POST as createStation } from '@/app/api/v1/stations/route';
import { GET as getStation } from '@/app/api/v1/stations/[code]/route';
import { GET as getLatest } from '@/app/api/v1/stations/[code]/latest/route';
import { GET as getReadings } from '@/app/api/v1/stations/[code]/readings/route';

let admin: string;
let operator: string;
let facilityA: { code: string; name: string };

beforeAll(async () => {
  admin = await tokenFor('admin');
  operator = await tokenFor('operator');
  facilityA = await makeFacility();
});

const stationBody = (over: Record<string, unknown> = {}) => {
  const code = uid('S');
  return {
    code,
    fileCode: `${facilityA.code}_${code}`,
    name: 'Cửa xả số 1',
    kind: 'wastewater',
    facilityCode: facilityA.code,
    lat: 21.27,
    lon: 106.19,
    parameters: [{ code: 'COD', unit: 'mg/l', limit: { max: 150 } }, { code: 'PH', limit: { min: 5.5, max: 9 } }, { code: 'FLOW', unit: 'm3/h' }],
    ...over,
  };
};

describe('POST /api/v1/stations', () => {
  it('creates a station with defaults and canonical units', async () => {
    const before = Date.now();
    const body = stationBody();
    const r = await call(createStation, '/api/v1/stations', { token: admin, body });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      code: body.code,
      name: body.name,
      kind: 'wastewater',
      facility: { code: facilityA.code, name: facilityA.name },
      lat: 21.27,
      lon: 106.19,
      state: 'offline',
      lastFileAt: null,
      fileCode: body.fileCode,
      settings: { intervalMinutes: 5, graceMinutes: 15, fileCode: body.fileCode },
    });
    expect(r.body.settings.activeFrom).toMatch(ISO_VN);
    expect(new Date(r.body.settings.activeFrom).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(r.body.parameters).toEqual([
      { code: 'COD', unit: 'mg/L', name: { vi: 'COD', en: 'COD' }, decimals: 1, limit: { min: null, max: 150 }, enabled: true },
      expect.objectContaining({ code: 'PH', unit: '-', limit: { min: 5.5, max: 9 } }),
      expect.objectContaining({ code: 'FLOW', unit: 'm³/h', limit: null }),
    ]);
  });

  it('accepts explicit settings and any ISO offset for activeFrom', async () => {
    const body = stationBody({ intervalMinutes: 60, graceMinutes: 30, activeFrom: '2024-05-24T03:00:00Z' });
    const r = await call(createStation, '/api/v1/stations', { token: admin, body });
    expect(r.status).toBe(201);
    expect(r.body.settings).toMatchObject({ intervalMinutes: 60, graceMinutes: 30, activeFrom: '2024-05-24T10:00:00+07:00' });
  });

  it('refuses invalid stations with 400 and details', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'river' }, 'body.kind'],
      [{ lat: 95 }, 'body.lat'],
      [{ parameters: [] }, 'body.parameters'],
      [{ parameters: [{ code: 'PM25' }] }, 'parameters.0.code'],
      [{ parameters: [{ code: 'COD', unit: 'g/L' }] }, 'parameters.0.unit'],
      [{ parameters: [{ code: 'COD' }, { code: 'cod' }] }, 'parameters.1.code'],
      [{ parameters: [{ code: 'COD', limit: { min: 10, max: 5 } }] }, 'body.parameters.0.limit.min'],
      [{ facilityCode: 'NO_SUCH_FACILITY' }, 'facilityCode'],
      [{ activeFrom: 'yesterday' }, 'body.activeFrom'],
      [{ code: 'a/b' }, 'body.code'],
    ];
    for (const [patch, path] of cases) {
      const r = await call(createStation, '/api/v1/stations', { token: admin, body: stationBody(patch) });
      expect(r.status, JSON.stringify(patch)).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION');
      expect((r.body.error.details as { path: string }[]).map((d) => d.path), JSON.stringify(patch)).toContain(path);
    }
    const missing = await call(createStation, '/api/v1/stations', { token: admin, body: { code: uid('S') } });
    expect(missing.status).toBe(400);
    expect((missing.body.error.details as { path: string }[]).map((d) => d.path)).toEqual(
      expect.arrayContaining(['body.fileCode', 'body.name', 'body.kind', 'body.facilityCode', 'body.lat', 'body.lon', 'body.parameters']),
    );
  });

  it('refuses duplicate codes and file codes with 409', async () => {
    const body = stationBody();
    expect((await call(createStation, '/api/v1/stations', { token: admin, body })).status).toBe(201);
    const dupCode = await call(createStation, '/api/v1/stations', { token: admin, body: { ...stationBody(), code: body.code } });
    expect(dupCode.status).toBe(409);
    expect(dupCode.body.error.code).toBe('CONFLICT');
    const dupFile = await call(createStation, '/api/v1/stations', { token: admin, body: { ...stationBody(), fileCode: body.fileCode.toLowerCase() } });
    expect(dupFile.status).toBe(409);
  });

  it('is for admins only', async () => {
    expect((await call(createStation, '/api/v1/stations', { body: stationBody() })).status).toBe(401);
    for (const role of ['operator', 'inspector', 'manager'] as const) {
      expect((await call(createStation, '/api/v1/stations', { token: await tokenFor(role), body: stationBody() })).status).toBe(403);
    }
    expect((await call(createStation, '/api/v1/stations', { token: await tokenFor('facility', facilityA.code), body: stationBody() })).status).toBe(403);
  });
});

describe('GET /api/v1/stations and /stations/{code}', () => {
  it('lists stations with state and filters; facility tokens see only their own', async () => {
    const fB = await makeFacility();
    const own = await makeStation(facilityA.code);
    const other = await makeStation(fB.code, { kind: 'emission', parameters: [{ code: 'DUST', limit: { max: 200 } }] });
    await touchStation(own.code, new Date());

    const all = await call(listStations, '/api/v1/stations?limit=1000', { token: operator });
    expect(all.status).toBe(200);
    const byCode = new Map((all.body.items as { code: string; lastFileAt: string | null }[]).map((s) => [s.code, s]));
    expect(byCode.get(own.code)).toMatchObject({
      code: own.code,
      kind: 'wastewater',
      facility: { code: facilityA.code, name: facilityA.name },
      state: 'good',
      parameters: ['COD', 'PH', 'TSS'],
    });
    expect(byCode.get(own.code)?.lastFileAt).toMatch(ISO_VN);
    expect(byCode.get(other.code)).toMatchObject({ kind: 'emission', state: 'offline', lastFileAt: null, parameters: ['DUST'] });

    const emission = await call(listStations, '/api/v1/stations?kind=emission&limit=1000', { token: operator });
    expect((emission.body.items as { kind: string }[]).every((s) => s.kind === 'emission')).toBe(true);
    expect((emission.body.items as { code: string }[]).map((s) => s.code)).toContain(other.code);

    const offline = await call(listStations, '/api/v1/stations?state=offline&limit=1000', { token: operator });
    const offlineCodes = (offline.body.items as { code: string }[]).map((s) => s.code);
    expect(offlineCodes).toContain(other.code);
    expect(offlineCodes).not.toContain(own.code);

    const facilityToken = await tokenFor('facility', fB.code);
    const mine = await call(listStations, '/api/v1/stations', { token: facilityToken });
    expect((mine.body.items as { code: string }[]).map((s) => s.code)).toEqual([other.code]);
    expect(mine.body.nextCursor).toBeNull();
  });

  it('pages with limit and cursor', async () => {
    const f = await makeFacility();
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await makeStation(f.code)).code);
    const token = await tokenFor('facility', f.code);
    const first = await call(listStations, '/api/v1/stations?limit=2', { token });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call(listStations, `/api/v1/stations?limit=2&cursor=${first.body.nextCursor}`, { token });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect([...first.body.items, ...second.body.items].map((s: { code: string }) => s.code).sort()).toEqual(codes.sort());
  });

  it('refuses bad filters (400) and missing tokens (401)', async () => {
    expect((await call(listStations, '/api/v1/stations?state=sleepy', { token: operator })).status).toBe(400);
    expect((await call(listStations, '/api/v1/stations?kind=river', { token: operator })).status).toBe(400);
    expect((await call(listStations, '/api/v1/stations')).status).toBe(401);
  });

  it('shows one station with parameters, limits and settings; 404 for unknown or another facility’s', async () => {
    const s = await makeStation(facilityA.code, { intervalMinutes: 10, graceMinutes: 20 });
    const r = await call(getStation, `/api/v1/stations/${s.code}`, { token: operator, params: { code: s.code } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      code: s.code,
      fileCode: s.fileCode,
      settings: { intervalMinutes: 10, graceMinutes: 20, fileCode: s.fileCode, fileAliases: [] },
      parameters: [
        { code: 'COD', unit: 'mg/L', limit: { min: null, max: 100 } },
        { code: 'PH', unit: '-', limit: { min: 5.5, max: 9 } },
        { code: 'TSS', unit: 'mg/L', limit: null, name: { vi: 'Tổng chất rắn lơ lửng', en: 'Total suspended solids' } },
      ],
    });

    const own = await call(getStation, `/api/v1/stations/${s.code}`, { token: await tokenFor('facility', facilityA.code), params: { code: s.code } });
    expect(own.status).toBe(200);

    const fB = await makeFacility();
    const foreign = await call(getStation, `/api/v1/stations/${s.code}`, { token: await tokenFor('facility', fB.code), params: { code: s.code } });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('NOT_FOUND');
    const unknown = await call(getStation, '/api/v1/stations/NOPE', { token: operator, params: { code: 'NOPE' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('NOPE');
    expect((await call(getStation, `/api/v1/stations/${s.code}`, { params: { code: s.code } })).status).toBe(401);
  });
});

describe('GET /api/v1/stations/{code}/latest', () => {
  it('returns the newest value per parameter with flag, validity and level against the limits', async () => {
    const s = await makeStation(facilityA.code);
    await touchStation(s.code, new Date());
    await addReadings(s.code, 'COD', [
      { time: '2024-05-24T10:00:00+07:00', value: 10 },
      { time: '2024-05-24T10:05:00+07:00', value: 85 },
    ]);
    await addReadings(s.code, 'PH', [{ time: '2024-05-24T10:05:00+07:00', value: 9.5, flag: 3 }]);
    await addReadings(s.code, 'TSS', [{ time: '2024-05-24T10:10:00+07:00', value: 500, status: '01' }]);

    const r = await call(getLatest, `/api/v1/stations/${s.code}/latest`, { token: operator, params: { code: s.code } });
    expect(r.status).toBe(200);
    expect(r.body.station).toBe(s.code);
    expect(r.body.state).toBe('good');
    expect(r.body.time).toBe('2024-05-24T10:10:00+07:00');
    // The limit in force also carries its averaging, source and derivation (checked in the limits tests).
    expect(r.body.values).toMatchObject([
      {
        parameter: 'COD',
        time: '2024-05-24T10:05:00+07:00',
        value: 85,
        unit: 'mg/L',
        deviceStatus: '00',
        flag: 'good',
        reasons: [],
        valid: true,
        level: 'approaching',
        limit: { min: null, max: 100 },
      },
      { parameter: 'PH', value: 9.5, flag: 'suspect', valid: true, level: 'exceeding', limit: { min: 5.5, max: 9 } },
      { parameter: 'TSS', value: 500, deviceStatus: '01', valid: false, level: null },
    ]);
  });

  it('is empty for a station without data; 404 across facilities', async () => {
    const s = await makeStation(facilityA.code);
    const r = await call(getLatest, `/api/v1/stations/${s.code}/latest`, { token: operator, params: { code: s.code } });
    expect(r.body).toEqual({ station: s.code, time: null, state: 'offline', values: [] });
    const fB = await makeFacility();
    const foreign = await call(getLatest, `/api/v1/stations/${s.code}/latest`, { token: await tokenFor('facility', fB.code), params: { code: s.code } });
    expect(foreign.status).toBe(404);
  });
});

describe('state in API responses (DOMAIN.md §7 state machine, resolved limits)', () => {
  it('list, detail and latest agree on the full state; a permit limit changes it as it changes the alert engine’s', async () => {
    const { createPermitLimit } = await import('@/lib/services/stations');
    const f = await makeFacility();
    const s = await makeStation(f.code); // COD ≤ 100 on the station parameter
    const err = await makeStation(f.code);
    const now = Date.now();
    await touchStation(s.code, new Date(now));
    await touchStation(err.code, new Date(now));
    await addReadings(s.code, 'COD', [{ time: new Date(now - 60_000), value: 60 }]);
    await addReadings(s.code, 'PH', [{ time: new Date(now - 60_000), value: 7 }]);
    await addReadings(err.code, 'COD', [{ time: new Date(now - 60_000), value: 10, status: '02' }]);
    const token = await tokenFor('facility', f.code);
    const states = async () => {
      const list = await call(listStations, '/api/v1/stations?limit=500', { token });
      const byCode = Object.fromEntries(list.body.items.map((x: { code: string; state: string }) => [x.code, x.state]));
      const detail = await call(getStation, `/api/v1/stations/${s.code}`, { token, params: { code: s.code } });
      const latest = await call(getLatest, `/api/v1/stations/${s.code}/latest`, { token, params: { code: s.code } });
      return { list: byCode, detail: detail.body.state, latest: latest.body };
    };

    let r = await states();
    expect(r.list[s.code]).toBe('good');
    expect(r.list[err.code]).toBe('device_error');
    expect(r.detail).toBe('good');
    expect(r.latest.state).toBe('good');
    expect(r.latest.values.find((v: { parameter: string }) => v.parameter === 'COD')).toMatchObject({ level: 'good', limit: { max: 100, source: 'station' } });

    // A facility permit of 50 is the limit in force: 60 now exceeds it everywhere.
    await createPermitLimit({ facilityCode: f.code, stationCode: s.code, parameter: 'COD', max: 50, averaging: '24h', effectiveFrom: '2020-01-01', actor: 'test' });
    r = await states();
    expect(r.list[s.code]).toBe('exceeding');
    expect(r.detail).toBe('exceeding');
    expect(r.latest.state).toBe('exceeding');
    expect(r.latest.values.find((v: { parameter: string }) => v.parameter === 'COD')).toMatchObject({ value: 60, level: 'exceeding', limit: { max: 50, source: 'permit' } });

    const exceeding = await call(listStations, '/api/v1/stations?state=exceeding&limit=500', { token });
    expect(exceeding.body.items.map((x: { code: string }) => x.code)).toEqual([s.code]);
    const errors = await call(listStations, '/api/v1/stations?state=device_error&limit=500', { token });
    expect(errors.body.items.map((x: { code: string }) => x.code)).toEqual([err.code]);
  });
});

describe('GET /api/v1/stations/{code}/readings', () => {
  let code: string;
  beforeAll(async () => {
    code = (await makeStation(facilityA.code)).code;
    const at = (hh: number, mm: number) => `2024-05-24T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+07:00`;
    // Hour ending 10:00: one reading at exactly 10:00.
    await addReadings(code, 'COD', [{ time: at(10, 0), value: 1 }]);
    // Hour ending 11:00: 12 valid readings 10:05 … 11:00, alternating 10 / 20.
    await addReadings(code, 'COD', Array.from({ length: 12 }, (_, i) => ({ time: new Date(Date.parse(at(10, 5)) + i * 300_000), value: i % 2 ? 20 : 10 })));
    // Hour ending 12:00: 9 valid (30), one device error, one QC fail.
    await addReadings(code, 'COD', [
      ...Array.from({ length: 9 }, (_, i) => ({ time: new Date(Date.parse(at(11, 5)) + i * 300_000), value: 30 })),
      { time: at(11, 50), value: 999, status: '02' },
      { time: at(11, 55), value: 500, flag: 4 },
    ]);
    // Hour ending 13:00: 8 valid readings (incomplete).
    await addReadings(code, 'COD', Array.from({ length: 8 }, (_, i) => ({ time: new Date(Date.parse(at(12, 5)) + i * 300_000), value: 40 })));
    // Averages are maintained by the worker's recompute job; keep the hand-set flags and build them from those.
    const { recomputeStationPeriod } = await import('@/lib/services/qc');
    const { findStationByCode } = await import('@/lib/db/stations');
    const station = await findStationByCode(code);
    if (!station) throw new Error('station vanished');
    await recomputeStationPeriod(station.id, new Date(at(9, 0)), new Date(at(14, 0)), { keepFlags: true });
  });

  it('raw: from inclusive, to exclusive, with flag, reasons and validity; any input offset', async () => {
    const r = await call(getReadings, `/api/v1/stations/${code}/readings?parameter=COD&from=2024-05-24T03:00:00Z&to=2024-05-24T11:00:00%2B07:00`, {
      token: operator,
      params: { code },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ station: code, parameter: 'COD', unit: 'mg/L', resolution: 'raw', nextCursor: null });
    expect(r.body.items).toHaveLength(12);
    expect(r.body.items[0]).toEqual({ time: '2024-05-24T10:00:00+07:00', value: 1, unit: 'mg/L', deviceStatus: '00', flag: 'good', reasons: [], valid: true });
    expect(r.body.items.at(-1).time).toBe('2024-05-24T10:55:00+07:00');

    const bad = await call(getReadings, `/api/v1/stations/${code}/readings?parameter=COD&from=2024-05-24T11:45:00%2B07:00&to=2024-05-24T12:00:00%2B07:00`, {
      token: operator,
      params: { code },
    });
    expect(bad.body.items.map((x: { value: number; valid: boolean; flag: string; deviceStatus: string }) => [x.value, x.valid, x.flag, x.deviceStatus])).toEqual([
      [30, true, 'good', '00'],
      [999, false, 'good', '02'],
      [500, false, 'fail', '00'],
    ]);
  });

  it('raw: pages with limit and cursor', async () => {
    const base = `/api/v1/stations/${code}/readings?parameter=cod&from=2024-05-24T10:00:00%2B07:00&to=2024-05-24T11:00:00%2B07:00&limit=5`;
    const times: string[] = [];
    let url = base;
    for (let i = 0; i < 5; i++) {
      const r = await call(getReadings, url, { token: operator, params: { code } });
      times.push(...r.body.items.map((x: { time: string }) => x.time));
      if (!r.body.nextCursor) break;
      url = `${base}&cursor=${r.body.nextCursor}`;
    }
    expect(times).toHaveLength(12);
    expect(new Set(times).size).toBe(12);
  });

  it('1h: mean of valid readings labelled by the end of the hour; complete at ≥ 75 %', async () => {
    const r = await call(getReadings, `/api/v1/stations/${code}/readings?parameter=COD&resolution=1h&from=2024-05-24T10:00:00%2B07:00&to=2024-05-24T14:00:00%2B07:00`, {
      token: operator,
      params: { code },
    });
    expect(r.status).toBe(200);
    expect(r.body.resolution).toBe('1h');
    expect(r.body.items).toEqual([
      { time: '2024-05-24T10:00:00+07:00', value: 1, validCount: 1, expectedCount: 12, complete: false, min: 1, max: 1 },
      { time: '2024-05-24T11:00:00+07:00', value: 15, validCount: 12, expectedCount: 12, complete: true, min: 10, max: 20 },
      { time: '2024-05-24T12:00:00+07:00', value: 30, validCount: 9, expectedCount: 12, complete: true, min: 30, max: 30 },
      { time: '2024-05-24T13:00:00+07:00', value: 40, validCount: 8, expectedCount: 12, complete: false, min: 40, max: 40 },
    ]);
    const toExclusive = await call(getReadings, `/api/v1/stations/${code}/readings?parameter=COD&resolution=1h&from=2024-05-24T11:00:00%2B07:00&to=2024-05-24T13:00:00%2B07:00`, {
      token: operator,
      params: { code },
    });
    expect(toExclusive.body.items.map((x: { time: string }) => x.time)).toEqual(['2024-05-24T11:00:00+07:00', '2024-05-24T12:00:00+07:00']);
  });

  it('8h: mean of the complete hourly means in the 8 hours ending at the label', async () => {
    const r = await call(getReadings, `/api/v1/stations/${code}/readings?parameter=COD&resolution=8h&from=2024-05-24T12:00:00%2B07:00&to=2024-05-24T13:00:00%2B07:00`, {
      token: operator,
      params: { code },
    });
    expect(r.body.items).toEqual([{ time: '2024-05-24T12:00:00+07:00', value: 22.5, validCount: 2, expectedCount: 8, complete: false, min: 15, max: 30 }]);
  });

  it('24h: labelled by the local date; mean of complete hourly means; 18 of 24 hours make it complete', async () => {
    const r = await call(getReadings, `/api/v1/stations/${code}/readings?parameter=COD&resolution=24h&from=2024-05-24&to=2024-05-25`, {
      token: operator,
      params: { code },
    });
    expect(r.body.items).toEqual([
      { time: '2024-05-24T00:00:00+07:00', date: '2024-05-24', value: 22.5, validCount: 2, expectedCount: 24, complete: false, min: 15, max: 30 },
    ]);
  });

  it('refuses: missing or unknown parameter, bad times, bad resolution (400); other facility (404); no token (401)', async () => {
    const get = (q: string, token: string | null = operator) => call(getReadings, `/api/v1/stations/${code}/readings?${q}`, { token, params: { code } });
    const cases = ['', 'parameter=DUST', 'parameter=COD&from=nope', 'parameter=COD&resolution=5min', 'parameter=COD&from=2024-05-25&to=2024-05-24', 'parameter=COD&resolution=1h&from=2020-01-01&to=2024-01-01', 'parameter=COD&cursor=%25'];
    for (const q of cases) {
      const r = await get(q);
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION');
      expect(r.body.error.details, q).toEqual(expect.any(Array));
    }
    const fB = await makeFacility();
    expect((await get('parameter=COD', await tokenFor('facility', fB.code))).status).toBe(404);
    expect((await get('parameter=COD', await tokenFor('facility', facilityA.code))).status).toBe(200);
    expect((await get('parameter=COD', null)).status).toBe(401);
  });
});
