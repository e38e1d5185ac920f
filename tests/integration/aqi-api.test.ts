/**
 * VN_AQI / VN_WQI through the stored path: hourly means in avg_hour → lib/services/aqi → aqi_hour / aqi_day →
 * GET /api/v1/stations/{code}/aqi (and /wqi). The official worked example of Decision 1459/QĐ-TCMT (DOMAIN.md §9).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, ISO_VN, makeFacility, makeStation, tokenFor, uid } from './api-fixtures';
import { GET as getAqi } from '@/app/api/v1/stations/[code]/aqi/route';
import { GET as getWqi } from '@/app/api/v1/stations/[code]/wqi/route';
import { pool } from '@/lib/db/client';
import { findStationByCode } from '@/lib/db/stations';
import { catchUpIndices, computeAqiForHour, recomputeIndicesForChange } from '@/lib/services/aqi';

const HOUR = 3_600_000;
const AMBIENT_PARAMS = ['PM25', 'PM10', 'O3', 'CO', 'SO2', 'NO2'].map((code) => ({ code }));
const RIVER_PARAMS = ['TEMP', 'PH', 'DO', 'COD', 'NH4'].map((code) => ({ code }));

/** Stores complete hourly means (12 of 12 valid) as the recompute job would. */
async function putMeans(stationId: number, parameter: string, rows: { hourEnd: number; value: number; complete?: boolean }[]): Promise<void> {
  for (const r of rows) {
    const valid = r.complete === false ? 3 : 12;
    await pool().query(
      `INSERT INTO avg_hour (station_id, parameter, hour_end, value, valid_count, expected_count, complete, min, max)
       VALUES ($1, $2, $3, $4, $5, 12, $6, $4, $4)
       ON CONFLICT (station_id, parameter, hour_end) DO UPDATE SET value = EXCLUDED.value, valid_count = EXCLUDED.valid_count,
         complete = EXCLUDED.complete, min = EXCLUDED.min, max = EXCLUDED.max`,
      [stationId, parameter, new Date(r.hourEnd), r.value, valid, r.complete !== false],
    );
  }
}

async function stationId(code: string): Promise<number> {
  const s = await findStationByCode(code);
  if (!s) throw new Error(code);
  return s.id;
}

async function ambientStation(): Promise<{ code: string; id: number }> {
  const { code } = await makeStation(facility.code, { kind: 'ambient_air', parameters: AMBIENT_PARAMS });
  return { code, id: await stationId(code) };
}

let facility: { code: string; name: string };
let otherFacilityToken: string;
let admin: string;

beforeAll(async () => {
  facility = await makeFacility();
  const other = await makeFacility();
  otherFacilityToken = await tokenFor('facility', other.code);
  admin = await tokenFor('admin');
});

// The decision's example: PM2.5 hourly means oldest → newest, and the newest hour's O3 and NO2.
const PM25_OLDEST_FIRST = [26.9, 24.7, 20.5, 23.5, 19.5, 16.5, 19.0, 16.5, 20.3, 22.4, 19.6, 20.6];
const H = Date.parse('2024-05-24T10:00:00+07:00');

describe('hourly AQI, official example (Decision 1459/QĐ-TCMT)', () => {
  let st: { code: string; id: number };
  beforeAll(async () => {
    st = await ambientStation();
    await putMeans(
      st.id,
      'PM25',
      PM25_OLDEST_FIRST.map((value, i) => ({ hourEnd: H - (11 - i) * HOUR, value })),
    );
    await putMeans(st.id, 'O3', [{ hourEnd: H, value: 136.1 }]);
    await putMeans(st.id, 'NO2', [{ hourEnd: H, value: 118.7 }]);
    await computeAqiForHour(st.id, new Date(H));
  });

  it('stores AQI 59 (the decision prints 60: its NO2 figure does not follow its own formula), dominant NO2, exact NowCast 20.27 (printed 20.3)', async () => {
    const r = await pool().query('SELECT aqi, category, dominant, sub_indices, nowcast_pm25 FROM aqi_hour WHERE station_id = $1 AND hour_end = $2', [
      st.id,
      new Date(H),
    ]);
    expect(r.rows[0]).toMatchObject({ aqi: 59, category: 'moderate', dominant: 'NO2' });
    expect(r.rows[0].nowcast_pm25).toBeCloseTo(20.27, 2);
    expect(r.rows[0].sub_indices).toEqual({ PM25: 40.53, O3: 42.53, NO2: 59.35 });
  });

  it('GET /aqi (no token) returns it in the list envelope', async () => {
    const url = `/api/v1/stations/${st.code}/aqi?resolution=1h&from=2024-05-24T00:00:00%2B07:00&to=2024-05-25T00:00:00%2B07:00`;
    const r = await call(getAqi, url, { params: { code: st.code } });
    expect(r.status).toBe(200);
    expect(r.body.nextCursor).toBeNull();
    const item = r.body.items.find((x: { time: string }) => x.time === '2024-05-24T10:00:00+07:00');
    expect(item).toEqual({
      time: '2024-05-24T10:00:00+07:00',
      aqi: 59,
      category: 'moderate',
      color: '#FFFF00',
      dominant: 'NO2',
      subIndices: { PM25: 40.53, O3: 42.53, NO2: 59.35 },
    });
    for (const x of r.body.items) expect(x.time).toMatch(ISO_VN);
  });

  it('is recomputed when the data change (derived step): NO2 250 → 105, Kém', async () => {
    await putMeans(st.id, 'NO2', [{ hourEnd: H, value: 250 }]);
    await recomputeIndicesForChange(st.id, new Date(H - HOUR), new Date(H), new Date(H + 2 * HOUR));
    const r = await pool().query('SELECT aqi, category, dominant FROM aqi_hour WHERE station_id = $1 AND hour_end = $2', [st.id, new Date(H)]);
    expect(r.rows[0]).toEqual({ aqi: 105, category: 'poor', dominant: 'NO2' });
    // The next hour has no mean of its own, so it gets no row although the NowCast could be computed.
    const next = await pool().query('SELECT count(*)::int AS n FROM aqi_hour WHERE station_id = $1 AND hour_end > $2', [st.id, new Date(H)]);
    expect(next.rows[0].n).toBe(0);
  });

  it('an incomplete hourly mean is not an AQI input (fewer than 2 of the newest 3 PM hours → no AQI)', async () => {
    const s = await ambientStation();
    await putMeans(s.id, 'PM25', [
      { hourEnd: H, value: 30 },
      { hourEnd: H - HOUR, value: 30, complete: false },
      { hourEnd: H - 2 * HOUR, value: 30, complete: false },
    ]);
    await computeAqiForHour(s.id, new Date(H));
    const r = await pool().query('SELECT aqi, category FROM aqi_hour WHERE station_id = $1 AND hour_end = $2', [s.id, new Date(H)]);
    expect(r.rows[0]).toEqual({ aqi: null, category: null });
  });
});

describe('daily AQI, official example', () => {
  it('PM2.5 24 h 55.7, O3 1 h max 114.6, O3 8 h max 89.3, NO2 max 130.8 → 110 Kém, dominant PM2.5', async () => {
    const st = await ambientStation();
    const dayStart = Date.parse('2024-05-25T00:00:00+07:00');
    const hours = Array.from({ length: 24 }, (_, i) => dayStart + (i + 1) * HOUR);
    await putMeans(st.id, 'PM25', hours.map((hourEnd) => ({ hourEnd, value: 55.7 })));
    await putMeans(st.id, 'NO2', hours.map((hourEnd, i) => ({ hourEnd, value: i === 7 ? 130.8 : 60 })));
    // Eight hours 10:00 … 17:00 average 89.3 and hold the 1 h peak 114.6; every other window is lower.
    const block = [114.6, 85.7, 85.7, 85.7, 85.7, 85.7, 85.7, 85.6];
    await putMeans(st.id, 'O3', hours.map((hourEnd, i) => ({ hourEnd, value: i >= 9 && i < 17 ? (block[i - 9] ?? 50) : 50 })));
    await recomputeIndicesForChange(st.id, new Date(dayStart), new Date(dayStart + 24 * HOUR), new Date(dayStart + 30 * HOUR));

    const d = await pool().query(`SELECT aqi, category, dominant, sub_indices FROM aqi_day WHERE station_id = $1 AND day = '2024-05-25'`, [st.id]);
    expect(d.rows[0]).toMatchObject({ aqi: 110, category: 'poor', dominant: 'PM25' });
    expect(d.rows[0].sub_indices).toEqual({ PM25: 109.5, NO2: 65.4, O3: 44.65 });

    const r = await call(getAqi, `/api/v1/stations/${st.code}/aqi?resolution=24h&from=2024-05-20&to=2024-05-27`, { params: { code: st.code } });
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([
      { time: '2024-05-25', aqi: 110, category: 'poor', color: '#FF7E00', dominant: 'PM25', subIndices: { PM25: 109.5, NO2: 65.4, O3: 44.65 } },
    ]);
  });
});

describe('band colour and category at the band edges (PM2.5 NowCast = constant hourly mean)', () => {
  // concentration → expected AQI, category, colour
  const cases: [number, number, string, string][] = [
    [0, 0, 'good', '#00E400'],
    [25, 50, 'good', '#00E400'],
    [25.5, 51, 'moderate', '#FFFF00'],
    [50, 100, 'moderate', '#FFFF00'],
    [50.6, 101, 'poor', '#FF7E00'],
    [80, 150, 'poor', '#FF7E00'],
    [80.7, 151, 'bad', '#FF0000'],
    [150, 200, 'bad', '#FF0000'],
    [151, 201, 'very_bad', '#8F3F97'],
    [250, 300, 'very_bad', '#8F3F97'],
    [251, 301, 'hazardous', '#7E0023'],
    [500, 500, 'hazardous', '#7E0023'],
    [900, 500, 'hazardous', '#7E0023'],
  ];
  it.each(cases)('PM2.5 %s µg/m³ → AQI %s %s %s', async (c, aqi, category, color) => {
    const st = await ambientStation();
    const at = Date.parse('2024-06-01T12:00:00+07:00');
    await putMeans(st.id, 'PM25', [0, 1, 2].map((k) => ({ hourEnd: at - k * HOUR, value: c })));
    await computeAqiForHour(st.id, new Date(at));
    const r = await call(getAqi, `/api/v1/stations/${st.code}/aqi?from=2024-06-01&to=2024-06-02`, { token: admin, params: { code: st.code } });
    expect(r.body.items).toEqual([{ time: '2024-06-01T12:00:00+07:00', aqi, category, color, dominant: 'PM25', subIndices: { PM25: expect.any(Number) } }]);
    expect(Math.floor(r.body.items[0].subIndices.PM25 + 0.5)).toBe(aqi);
  });
});

describe('who may read /aqi and /wqi', () => {
  let ambient: { code: string; id: number };
  let wastewater: string;
  let river: { code: string; id: number };
  const recent = Math.floor(Date.now() / HOUR) * HOUR;

  beforeAll(async () => {
    ambient = await ambientStation();
    wastewater = (await makeStation(facility.code)).code;
    const rv = await makeStation(facility.code, { kind: 'surface_water', parameters: RIVER_PARAMS });
    river = { code: rv.code, id: await stationId(rv.code) };
    // One hour old enough to be public and one inside the publication delay (60 min).
    await putMeans(ambient.id, 'PM25', [0, 1, 2, 3, 4].map((k) => ({ hourEnd: recent - k * HOUR, value: 20 })));
    await recomputeIndicesForChange(ambient.id, new Date(recent - 5 * HOUR), new Date(recent), new Date());
    for (const [p, v] of [['TEMP', 25], ['PH', 7.2], ['DO', 7.5], ['COD', 12], ['NH4', 0.2]] as const) {
      await putMeans(river.id, p, [{ hourEnd: recent - 2 * HOUR, value: v }]);
    }
    await recomputeIndicesForChange(river.id, new Date(recent - 3 * HOUR), new Date(recent - 2 * HOUR), new Date());
  });

  it('anyone (no token, another facility token, admin) reads an ambient station', async () => {
    for (const token of [null, otherFacilityToken, admin]) {
      const r = await call(getAqi, `/api/v1/stations/${ambient.code}/aqi`, { token, params: { code: ambient.code } });
      expect(r.status).toBe(200);
      expect(r.body.items.length).toBeGreaterThan(0);
    }
  });

  it('callers without a token see only hours older than PUBLIC_DELAY_MINUTES; token holders see all', async () => {
    const anon = await call(getAqi, `/api/v1/stations/${ambient.code}/aqi`, { params: { code: ambient.code } });
    const staff = await call(getAqi, `/api/v1/stations/${ambient.code}/aqi`, { token: admin, params: { code: ambient.code } });
    const times = (b: { items: { time: string }[] }) => b.items.map((x) => Date.parse(x.time));
    expect(Math.max(...times(staff.body))).toBe(recent);
    expect(Math.max(...times(anon.body))).toBe(recent - HOUR);
  });

  it('a facility token reading another facility\'s station gets the public delay; its own station is live (security round 2)', async () => {
    const times = (b: { items: { time: string }[] }) => b.items.map((x) => Date.parse(x.time));
    const other = await call(getAqi, `/api/v1/stations/${ambient.code}/aqi`, { token: otherFacilityToken, params: { code: ambient.code } });
    expect(Math.max(...times(other.body))).toBe(recent - HOUR);
    const own = await call(getAqi, `/api/v1/stations/${ambient.code}/aqi`, { token: await tokenFor('facility', facility.code), params: { code: ambient.code } });
    expect(Math.max(...times(own.body))).toBe(recent);
  });

  it('404 for a wastewater station, an unknown station, or /wqi of an ambient station; 400 for a bad resolution', async () => {
    for (const token of [null, admin]) {
      expect((await call(getAqi, `/api/v1/stations/${wastewater}/aqi`, { token, params: { code: wastewater } })).status).toBe(404);
    }
    expect((await call(getAqi, `/api/v1/stations/NOPE${uid()}/aqi`, { params: { code: `NOPE${uid()}` } })).status).toBe(404);
    expect((await call(getWqi, `/api/v1/stations/${ambient.code}/wqi`, { params: { code: ambient.code } })).status).toBe(404);
    const bad = await call(getAqi, `/api/v1/stations/${ambient.code}/aqi?resolution=8h`, { params: { code: ambient.code } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION');
  });

  it('a river station has an hourly VN_WQI from pH, DO (with temperature), COD and NH4', async () => {
    const r = await call(getWqi, `/api/v1/stations/${river.code}/wqi`, { params: { code: river.code } });
    expect(r.status).toBe(200);
    const item = r.body.items[0];
    expect(Date.parse(item.time)).toBe(recent - 2 * HOUR);
    expect(item.wqi).toBeGreaterThan(75);
    expect(item).toMatchObject({ category: expect.any(String), color: expect.stringMatching(/^#/) });
    expect(Object.keys(item.subIndices).sort()).toEqual(['COD', 'DO', 'NH4', 'PH']);
  });

  it('pages with nextCursor', async () => {
    const p1 = await call(getAqi, `/api/v1/stations/${ambient.code}/aqi?limit=2`, { token: admin, params: { code: ambient.code } });
    expect(p1.body.items).toHaveLength(2);
    expect(p1.body.nextCursor).toEqual(expect.any(String));
    const p2 = await call(getAqi, `/api/v1/stations/${ambient.code}/aqi?limit=2&cursor=${p1.body.nextCursor}`, { token: admin, params: { code: ambient.code } });
    expect(Date.parse(p2.body.items[0].time)).toBeGreaterThan(Date.parse(p1.body.items[1].time));
  });
});

describe('backfill', () => {
  it('catchUpIndices computes the last 7 days for a station that has no AQI rows yet', async () => {
    const st = await ambientStation();
    const base = Math.floor(Date.now() / HOUR) * HOUR - 48 * HOUR;
    await putMeans(st.id, 'PM25', Array.from({ length: 6 }, (_, k) => ({ hourEnd: base + k * HOUR, value: 40 })));
    await catchUpIndices(new Date());
    const r = await pool().query('SELECT count(aqi)::int AS n FROM aqi_hour WHERE station_id = $1', [st.id]);
    expect(r.rows[0].n).toBe(5); // the first hour has only one PM hour: no NowCast
    const d = await pool().query('SELECT count(*)::int AS n FROM aqi_day WHERE station_id = $1', [st.id]);
    expect(d.rows[0].n).toBeGreaterThan(0);
  });
});
