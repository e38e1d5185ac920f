/**
 * Forecasts through the stored path (issue 20): hourly means in avg_hour → lib/services/forecast → forecast_run
 * (archive) → skill measured later against what then happened → GET /api/v1/stations/{code}/forecast.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, makeFacility, makeStation, tokenFor, ISO_VN } from './api-fixtures';
import { GET as getForecast } from '@/app/api/v1/stations/[code]/forecast/route';
import { pool } from '@/lib/db/client';
import { findStationByCode } from '@/lib/db/stations';
import { issueForecast, measureForecastSkill, refreshForecasts } from '@/lib/services/forecast';

const HOUR = 3_600_000;
const NOW = Math.floor(Date.now() / HOUR) * HOUR;
/** Origin of the archived forecast: 48 h before the last hour of data. */
const ORIGIN = NOW - 49 * HOUR;
const FIRST = NOW - 21 * 24 * HOUR;

/** A daily cycle with a deterministic wobble, µg/m³. */
const pm = (t: number) => 40 + 15 * Math.sin((2 * Math.PI * (t / HOUR)) / 24) + 5 * Math.sin(t / HOUR / 3.7);

async function putMeans(stationId: number, parameter: string, from: number, through: number, f: (t: number) => number): Promise<void> {
  const times: Date[] = [];
  const values: number[] = [];
  for (let t = from; t <= through; t += HOUR) {
    times.push(new Date(t));
    values.push(f(t));
  }
  await pool().query(
    `INSERT INTO avg_hour (station_id, parameter, hour_end, value, valid_count, expected_count, complete, min, max)
     SELECT $1, $2, t, v, 12, 12, true, v, v FROM unnest($3::timestamptz[], $4::float8[]) AS x(t, v)
     ON CONFLICT (station_id, parameter, hour_end) DO UPDATE SET value = EXCLUDED.value`,
    [stationId, parameter, times, values],
  );
}

async function stationOf(code: string) {
  const s = await findStationByCode(code);
  if (!s) throw new Error(code);
  return { id: s.id, kind: s.kind, parameters: s.parameters.map((p) => p.parameter) };
}

let ambient: { code: string; id: number; kind: 'ambient_air'; parameters: string[] };
let wastewater: string;
let admin: string;
let own: string;
let other: string;

beforeAll(async () => {
  const facility = await makeFacility();
  const otherFacility = await makeFacility();
  admin = await tokenFor('admin');
  own = await tokenFor('facility', facility.code);
  other = await tokenFor('facility', otherFacility.code);
  const a = await makeStation(facility.code, { kind: 'ambient_air', parameters: [{ code: 'PM25' }, { code: 'PM10' }, { code: 'O3' }] });
  const s = await stationOf(a.code);
  ambient = { code: a.code, id: s.id, kind: 'ambient_air', parameters: s.parameters };
  // History up to the origin only: the archived forecast sees nothing after it.
  await putMeans(ambient.id, 'PM25', FIRST, ORIGIN, pm);
  wastewater = (await makeStation(facility.code)).code;
  await putMeans((await stationOf(wastewater)).id, 'COD', FIRST, NOW - HOUR, (t) => 50 + 10 * Math.sin((2 * Math.PI * (t / HOUR)) / 24));
});

describe('archive and skill', () => {
  it('an archived forecast is scored against the hourly means that arrived after it', async () => {
    const run = await issueForecast(ambient, 'PM25', new Date(NOW), new Date(ORIGIN + 10 * 60_000));
    expect(run).toMatchObject({ basedOn: ORIGIN, method: 'log-profile-ar' });
    expect(run!.value).toHaveLength(72);
    // Nothing has happened after the origin yet: nothing to score.
    expect((await measureForecastSkill(ambient.id, 'PM25', new Date(NOW))).origins).toBe(0);

    // What then happened: 48 more hours.
    await putMeans(ambient.id, 'PM25', ORIGIN + HOUR, NOW - HOUR, pm);
    const skill = await measureForecastSkill(ambient.id, 'PM25', new Date(NOW));
    let e = 0;
    let ep = 0;
    let es = 0;
    for (let k = 1; k <= 24; k++) {
      const y = pm(ORIGIN + k * HOUR);
      e += Math.abs(run!.value[k - 1]! - y);
      ep += Math.abs(pm(ORIGIN) - y);
      es += Math.abs(pm(ORIGIN + (k - 24) * HOUR) - y);
    }
    expect(skill.origins).toBe(1);
    expect(skill.pairs).toBe(24);
    expect(skill.mae).toBeCloseTo(e / 24, 6);
    expect(skill.maePersistence).toBeCloseTo(ep / 24, 6);
    expect(skill.maeSeasonal).toBeCloseTo(es / 24, 6);
    // The cycle is learnt: far better than persistence.
    expect(skill.mae!).toBeLessThan(0.5 * skill.maePersistence!);
  });

  it('the hourly refresh archives one forecast per last hour with data', async () => {
    const count = async () =>
      Number((await pool().query('SELECT count(*) FROM forecast_run WHERE station_id = $1', [ambient.id])).rows[0].count);
    const before = await count();
    await refreshForecasts(new Date(NOW));
    const after = await count();
    expect(after).toBe(before + 1); // PM25 only: the station has no PM10 or O3 data
    await refreshForecasts(new Date(NOW + 10 * 60_000));
    expect(await count()).toBe(after);
  });
});

describe('GET /api/v1/stations/{code}/forecast', () => {
  it('ambient: anyone; hourly items after the last hour with data, 80 % interval, AQI, skill from the archive', async () => {
    const r = await call(getForecast, `/api/v1/stations/${ambient.code}/forecast?parameter=PM25&hours=36`, {
      params: { code: ambient.code },
      token: admin,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ station: ambient.code, parameter: 'PM25', unit: 'µg/m³', method: 'log-profile-ar' });
    expect(r.body.basedOn).toMatch(ISO_VN);
    expect(Date.parse(r.body.basedOn)).toBe(NOW - HOUR);
    expect(r.body.items).toHaveLength(36);
    expect(Date.parse(r.body.items[0].time)).toBe(NOW);
    for (const it of r.body.items) {
      expect(it.lower).toBeLessThanOrEqual(it.value);
      expect(it.upper).toBeGreaterThanOrEqual(it.value);
      expect(typeof it.aqi).toBe('number');
    }
    expect(r.body.skill).toMatchObject({ horizonHours: 24, origins: 1 });
    expect(r.body.skill.mae).toBeLessThan(r.body.skill.maePersistence);
    expect(r.body.tomorrow).toMatchObject({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), category: expect.any(String) });
  });

  it('without a token the forecast starts after the public delay (data published 60 min after the hour)', async () => {
    const r = await call(getForecast, `/api/v1/stations/${ambient.code}/forecast`, { params: { code: ambient.code } });
    expect(r.status).toBe(200);
    expect(r.body.parameter).toBe('PM25');
    expect(Date.parse(r.body.basedOn)).toBeLessThanOrEqual(Date.now() - 60 * 60_000);
    expect(r.body.items).toHaveLength(24);
  });

  it.each([
    { label: 'wastewater without a token → 404', token: () => null, status: 404 },
    { label: 'wastewater, another facility’s token → 404', token: () => other, status: 404 },
    { label: 'wastewater, its facility’s token → 200', token: () => own, status: 200 },
    { label: 'wastewater, admin → 200', token: () => admin, status: 200 },
  ])('$label', async ({ token, status }) => {
    const r = await call(getForecast, `/api/v1/stations/${wastewater}/forecast?parameter=COD&hours=3`, { params: { code: wastewater }, token: token() });
    expect(r.status).toBe(status);
    if (status === 200) expect(r.body.items.map((x: { aqi?: number }) => x.aqi)).toEqual([undefined, undefined, undefined]);
  });

  it.each([
    { label: 'hours=0', q: 'parameter=PM25&hours=0', status: 400 },
    { label: 'hours=73', q: 'parameter=PM25&hours=73', status: 400 },
    { label: 'a parameter the station does not measure', q: 'parameter=COD', status: 400 },
    { label: 'a measured parameter without data', q: 'parameter=O3', status: 404 },
  ])('$label → $status', async ({ q, status }) => {
    const r = await call(getForecast, `/api/v1/stations/${ambient.code}/forecast?${q}`, { params: { code: ambient.code }, token: admin });
    expect(r.status).toBe(status);
  });
});
