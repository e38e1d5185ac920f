/** Limits: the builtin catalogue as data, admin import (JSON, CSV), resolution with bindings and permits, latest. */
import { afterAll, describe, expect, it } from 'vitest';
import { addReadings, call, makeFacility, makeStation, tokenFor } from './api-fixtures';
import * as importRoute from '@/app/api/v1/limits/import/route';
import * as limitsRoute from '@/app/api/v1/limits/route';
import * as latestRoute from '@/app/api/v1/stations/[code]/latest/route';
import { disconnectDb, pool } from '@/lib/db/client';
import { findStationByCode } from '@/lib/db/stations';
import { clearLimitCache, ensureBuiltinLimits, resolveStationLimits } from '@/lib/services/limits';
import { createPermitLimit, setStationLimitBinding } from '@/lib/services/stations';

afterAll(async () => {
  await disconnectDb();
});

const uniq = () => Math.random().toString(36).slice(2, 7).toUpperCase();

describe('catalogue and import', () => {
  it('ensureBuiltinLimits is idempotent; GET /api/v1/limits lists versions in force for staff only', async () => {
    await ensureBuiltinLimits();
    expect((await ensureBuiltinLimits()).inserted).toBe(0);
    const r = await call(limitsRoute.GET, '/api/v1/limits?at=2026-06-01T00:00:00%2B07:00', { token: await tokenFor('manager') });
    expect(r.status).toBe(200);
    const q05 = r.body.items.filter((s: { code: string }) => s.code === 'QCVN05:2023');
    expect(q05).toHaveLength(1);
    expect(q05[0]).toMatchObject({ version: '2026-01-01', inForce: true, source: 'builtin' });
    expect(q05[0].values).toContainEqual(expect.objectContaining({ parameter: 'PM25', averaging: '24h', max: 45 }));
    const all = await call(limitsRoute.GET, '/api/v1/limits?versions=all', { token: await tokenFor('operator') });
    expect(all.body.items.filter((s: { code: string }) => s.code === 'QCVN05:2023')).toHaveLength(2);
    const f = await makeFacility();
    expect((await call(limitsRoute.GET, '/api/v1/limits', { token: await tokenFor('facility', f.code) })).status).toBe(403);
  });

  it('admin imports a new version from JSON (audited), a duplicate is 409, others 403; CSV imports too', async () => {
    const code = `QCVN40:2025-${uniq()}`;
    const std = {
      code,
      name: 'QCVN 40:2025/BTNMT',
      version: '2025',
      effectiveFrom: '2025-09-01',
      kind: 'wastewater',
      values: [{ column: 'A', parameter: 'COD', max: 50, averaging: '24h', applyCoefficients: false }],
    };
    const opts = { raw: JSON.stringify(std), headers: { 'content-type': 'application/json' }, method: 'POST' };
    expect((await call(importRoute.POST, '/api/v1/limits/import', { ...opts, token: await tokenFor('inspector') })).status).toBe(403);
    const r = await call(importRoute.POST, '/api/v1/limits/import', { ...opts, token: await tokenFor('admin') });
    expect(r.status).toBe(201);
    expect(r.body.imported).toEqual([{ code, version: '2025', values: 1 }]);
    expect((await call(importRoute.POST, '/api/v1/limits/import', { ...opts, token: await tokenFor('admin') })).status).toBe(409);
    const audit = await pool().query(`SELECT action FROM audit_log WHERE entity = 'limit_standard' AND entity_id = $1`, [`${code}@2025`]);
    expect(audit.rows).toEqual([{ action: 'limits.import' }]);

    const csvCode = `QCVN19:2024-${uniq()}`;
    const csv = [
      'standard,version,effective_from,effective_to,kind,column,parameter,min,max,averaging,apply_coefficients',
      `${csvCode},2024,2025-07-01,,emission,B,DUST,,50,1h,true`,
      `${csvCode},2024,2025-07-01,,emission,B,SO2,,250,1h,true`,
    ].join('\n');
    const c = await call(importRoute.POST, '/api/v1/limits/import', { raw: csv, headers: { 'content-type': 'text/csv' }, method: 'POST', token: await tokenFor('admin') });
    expect(c.status).toBe(201);
    expect(c.body.imported).toEqual([{ code: csvCode, version: '2024', values: 2 }]);
    const bad = await call(importRoute.POST, '/api/v1/limits/import', { raw: 'standard,version\nX,1', headers: { 'content-type': 'text/csv' }, method: 'POST', token: await tokenFor('admin') });
    expect(bad.status).toBe(400);
  });
});

describe('resolution and latest', () => {
  it('binding with Kq·Kf, permit override, station fallback; latest shows level and the limit in force', async () => {
    const f = await makeFacility();
    const s = await makeStation(f.code); // COD station limit max 100, PH 5.5–9, TSS none
    const row = (await findStationByCode(s.code))!;
    const at = new Date('2026-05-01T03:00:00Z');

    let limits = await resolveStationLimits(row, at);
    expect(limits.get('COD')).toMatchObject({ max: 100, source: 'station' });
    expect(limits.has('TSS')).toBe(false);

    await setStationLimitBinding({ stationCode: s.code, standardCode: 'QCVN40:2011', column: 'B', coefficients: { kq: 0.9, kf: 1.1 }, actor: 'test' });
    clearLimitCache();
    limits = await resolveStationLimits(row, at);
    expect(limits.get('COD')).toMatchObject({ max: 148.5, averaging: '24h', source: 'standard', derivation: { standard: 'QCVN40:2011', column: 'B', coefficients: { kq: 0.9, kf: 1.1 }, base: { max: 150 } } });
    expect(limits.get('TSS')).toMatchObject({ max: 99 }); // 100 × 0.9 × 1.1
    expect(limits.get('PH')).toMatchObject({ min: 5.5, max: 9 });

    await createPermitLimit({ facilityCode: f.code, stationCode: s.code, parameter: 'COD', max: 60, averaging: '24h', effectiveFrom: '2026-01-01', note: 'GP 12/2026', actor: 'test' });
    limits = await resolveStationLimits(row, at);
    expect(limits.get('COD')).toMatchObject({ max: 60, source: 'permit', derivation: { standard: 'permit' } });
    expect((await resolveStationLimits(row, new Date('2025-12-01T00:00:00Z'))).get('COD')?.max).toBe(148.5);

    await addReadings(s.code, 'COD', [{ time: new Date(Date.now() - 60_000), value: 50 }]);
    await addReadings(s.code, 'TSS', [{ time: new Date(Date.now() - 60_000), value: 100 }]);
    await addReadings(s.code, 'PH', [{ time: new Date(Date.now() - 60_000), value: 8.5 }]);
    const r = await call(latestRoute.GET, `/api/v1/stations/${s.code}/latest`, { token: await tokenFor('facility', f.code), params: { code: s.code } });
    expect(r.status).toBe(200);
    const by = Object.fromEntries(r.body.values.map((v: { parameter: string }) => [v.parameter, v]));
    expect(by.COD).toMatchObject({ level: 'approaching', limit: { max: 60, source: 'permit' } }); // 50 ≥ 80 % of 60
    expect(by.TSS).toMatchObject({ level: 'exceeding', limit: { max: 99, source: 'standard' } });
    expect(by.PH).toMatchObject({ level: 'approaching', limit: { min: 5.5, max: 9 } }); // within 0.7 of 9
  });
});
