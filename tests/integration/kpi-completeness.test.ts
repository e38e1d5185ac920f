/**
 * Data-completeness KPIs against hand-computed counts: a 5-minute station with 2 parameters, active from 01:00 on
 * 24/05/2024 (276 slots that day), missing slots, invalid readings (device status, QC fail, an operator overlay).
 */
import { call, makeFacility, makeStation, tokenFor } from './api-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as completeness } from '@/app/api/v1/kpi/completeness/route';
import { disconnectDb, pool } from '@/lib/db/client';
import { insertOverlay } from '@/lib/db/overlays';
import { insertReadings } from '@/lib/db/readings';
import { findStationByCode } from '@/lib/db/stations';
import { completenessReportService } from '@/lib/services/reports';

const day0 = Date.parse('2024-05-23T17:00:00.000Z'); // 24/05/2024 00:00 +07:00
const at = (min: number) => new Date(day0 + min * 60_000);
let station = '';
let facility = '';
let stationId = 0;
let facilityId = 0;

beforeAll(async () => {
  const f = await makeFacility();
  facility = f.code;
  const s = await makeStation(f.code, { activeFrom: at(60), parameters: [{ code: 'COD' }, { code: 'PH' }] });
  station = s.code;
  const row = (await findStationByCode(station))!;
  stationId = row.id;
  facilityId = row.facility.id;
  const rows: { parameter: string; min: number; status: '00' | '01'; flag: number }[] = [];
  // COD: slots 01:00 … 17:35 (200 slots); 10 with status 01, 5 failed QC; a second value inside slot 02:40 (02:42);
  // one value before activeFrom (00:30) that must not count.
  for (let i = 0; i < 200; i++) rows.push({ parameter: 'COD', min: 60 + i * 5, status: i < 10 ? '01' : '00', flag: i >= 10 && i < 15 ? 4 : 1 });
  rows.push({ parameter: 'COD', min: 162, status: '00', flag: 1 }, { parameter: 'COD', min: 30, status: '00', flag: 1 });
  // PH: every slot from 01:00 (276), 12:00–13:00 invalidated by an overlay (12 slots), one suspect (still valid).
  for (let i = 0; i < 276; i++) rows.push({ parameter: 'PH', min: 60 + i * 5, status: '00', flag: i === 3 ? 3 : 1 });
  await insertReadings(rows.map((r) => ({ stationId, parameter: r.parameter, time: at(r.min), value: 7, deviceStatus: r.status, fileId: null })));
  for (const r of rows.filter((x) => x.flag !== 1)) {
    await pool().query('UPDATE reading SET qc_flag = $4 WHERE station_id = $1 AND parameter = $2 AND time = $3', [stationId, r.parameter, at(r.min), r.flag]);
  }
  await pool().query('UPDATE reading SET qc_flag = 1 WHERE station_id = $1 AND qc_flag = 2', [stationId]);
  await insertOverlay({ stationId, parameters: ['PH'], from: at(720), to: at(780), action: 'invalidate', reason: 'test', createdBy: 'test' });
});
afterAll(() => disconnectDb());

const range = `from=${encodeURIComponent('2024-05-24T00:00:00+07:00')}&to=${encodeURIComponent('2024-05-25T00:00:00+07:00')}`;

describe('GET /api/v1/kpi/completeness', () => {
  it('per parameter: exact expected / received / valid and rates', async () => {
    const manager = await tokenFor('manager');
    const r = await call(completeness, `/api/v1/kpi/completeness?${range}&groupBy=parameter&station=${station}`, { token: manager });
    expect(r.status).toBe(200);
    const cod = r.body.items.find((i: { parameter: string }) => i.parameter === 'COD');
    const ph = r.body.items.find((i: { parameter: string }) => i.parameter === 'PH');
    expect(cod).toEqual({ station, parameter: 'COD', expected: 276, received: 200, valid: 185, receiptRate: 200 / 276, validRate: 185 / 276, belowThreshold: true });
    expect(ph).toEqual({ station, parameter: 'PH', expected: 276, received: 276, valid: 264, receiptRate: 1, validRate: 264 / 276, belowThreshold: false });
  });

  it('per station sums its parameters; per day covers days without data', async () => {
    const manager = await tokenFor('manager');
    const st = await call(completeness, `/api/v1/kpi/completeness?${range}&station=${station}`, { token: manager });
    expect(st.body.items).toEqual([{ station, expected: 552, received: 476, valid: 449, receiptRate: 476 / 552, validRate: 449 / 552, belowThreshold: false }]);
    const twoDays = `from=2024-05-24T00:00:00%2B07:00&to=2024-05-26T00:00:00%2B07:00`;
    const d = await call(completeness, `/api/v1/kpi/completeness?${twoDays}&groupBy=day&station=${station}`, { token: manager });
    expect(d.body.items.map((i: { day: string; expected: number; received: number }) => [i.day, i.expected, i.received])).toEqual([
      ['2024-05-24', 552, 476],
      ['2024-05-25', 576, 0],
    ]);
    expect(d.body.items[1].belowThreshold).toBe(true);
  });

  it('is staff only; another facility cannot be asked for; bad ranges are 400', async () => {
    const fac = await tokenFor('facility', facility);
    expect((await call(completeness, `/api/v1/kpi/completeness?${range}`, { token: fac })).status).toBe(403);
    expect((await call(completeness, `/api/v1/kpi/completeness?${range}`)).status).toBe(401);
    const op = await tokenFor('operator');
    expect((await call(completeness, `/api/v1/kpi/completeness?${range}&station=NOPE_${station}`, { token: op })).status).toBe(404);
    const bad = await call(completeness, `/api/v1/kpi/completeness?from=2024-05-25T00:00:00%2B07:00&to=2024-05-24T00:00:00%2B07:00`, { token: op });
    expect(bad.status).toBe(400);
    expect((await call(completeness, `/api/v1/kpi/completeness?${range}&groupBy=week`, { token: op })).status).toBe(400);
  });
});

describe('completeness report (the /reports page model)', () => {
  it('month rows, station / facility / province totals; a facility scope sees only its stations', async () => {
    const other = await makeFacility();
    await makeStation(other.code, { activeFrom: at(0), parameters: [{ code: 'COD' }] });
    const now = new Date();
    const mine = await completenessReportService({ from: at(0), to: at(1440), period: 'month', scope: { facilityId }, threshold: 0.8, now });
    expect(mine.rows.map((r) => [r.stationCode, r.parameter, r.period, r.expected, r.valid, r.belowThreshold])).toEqual([
      [station, 'COD', '2024-05', 276, 185, true],
      [station, 'PH', '2024-05', 276, 264, false],
    ]);
    expect(mine.facilityTotals).toHaveLength(1);
    expect(mine.facilityTotals[0]).toMatchObject({ code: facility, expected: 552, received: 476, valid: 449 });
    expect(mine.province).toMatchObject({ expected: 552, valid: 449 });
    const all = await completenessReportService({ from: at(0), to: at(1440), period: 'day', scope: { facilityId: null }, threshold: 0.8, now });
    expect(all.facilityTotals.find((f) => f.code === other.code)).toMatchObject({ expected: 288, received: 0, validRate: 0, belowThreshold: true });
    expect(all.province.expected).toBeGreaterThanOrEqual(552 + 288);
  });
});
