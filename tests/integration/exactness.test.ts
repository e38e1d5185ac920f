/**
 * Exact numbers (issue 17) through the real services and PostgreSQL: a period is judged by the limit version in force
 * at its start (DOMAIN.md §6); a logger clock set ahead cannot mask an exceedance (DOMAIN.md §2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addReadings, call, makeFacility, makeStation, tokenFor, touchStation, uid, vn } from './api-fixtures';
import { POST as createStation } from '@/app/api/v1/stations/route';
import { PUT as putBinding } from '@/app/api/v1/stations/[code]/bindings/route';
import { GET as getLatest } from '@/app/api/v1/stations/[code]/latest/route';
import { disconnectDb, pool } from '@/lib/db/client';
import { formatCompactLocalTime } from '@/lib/domain/time';
import { ingestFile } from '@/lib/services/ingest';
import { findStationByCode } from '@/lib/db/stations';
import { listAlerts, raiseClockFault } from '@/lib/services/alerts';
import { ensureBuiltinLimits } from '@/lib/services/limits';
import { getStationLimitsService, setStationLimitBinding } from '@/lib/services/stations';
import { recomputeStationPeriod } from '@/lib/services/qc';
import { derivedSteps } from '@/worker/jobs/derived-steps';

const STAFF = { facilityId: null };
const H = 3_600_000;
const log = () => undefined;

async function stationId(code: string): Promise<number> {
  const s = await findStationByCode(code);
  if (!s) throw new Error('no station');
  return s.id;
}

async function runAlerts(id: number, to: Date, now: Date): Promise<void> {
  const step = derivedSteps.find((s) => s.name === 'alerts');
  if (!step) throw new Error('alerts step not registered');
  await step.run({ stationId: id, from: new Date(to.getTime() - H), to }, { log, now: () => now });
}

/** One valid PM2.5 reading every 5 minutes over the local day `day` (hours 01:00 … 24:00). */
const dayOf = (day: string, value: number) =>
  Array.from({ length: 288 }, (_, i) => ({ time: new Date(vn(`${day}T00:00:00`).getTime() + (i + 1) * 5 * 60_000), value }));

beforeAll(async () => {
  await ensureBuiltinLimits();
});

afterAll(async () => {
  await disconnectDb();
});

describe('a period is judged by the limit version in force at its start', () => {
  async function ambientStation() {
    const f = await makeFacility();
    const s = await makeStation(f.code, { kind: 'ambient_air', parameters: [{ code: 'PM25' }] });
    await setStationLimitBinding({ stationCode: s.code, standardCode: 'QCVN05:2023', column: 'all', coefficients: {}, actor: 'test' });
    return { ...s, id: await stationId(s.code) };
  }

  it('PM2.5 daily mean 47 on 31/12/2025 is judged against 50 (in force that day), not the 45 from 01/01/2026', async () => {
    const s = await ambientStation();
    await addReadings(s.code, 'PM25', dayOf('2025-12-31', 47));
    await runAlerts(s.id, vn('2026-01-01T00:00:00'), vn('2026-01-01T00:10:00'));
    const alerts = (await listAlerts({ station: s.code, kind: 'compliance_exceedance', limit: 100 }, STAFF)).items;
    expect(alerts.filter((a) => a.basis === '24h')).toEqual([]);
  });

  it('the same mean on 01/01/2026 exceeds the 45 in force from that day', async () => {
    const s = await ambientStation();
    await addReadings(s.code, 'PM25', dayOf('2026-01-01', 47));
    await runAlerts(s.id, vn('2026-01-02T00:00:00'), vn('2026-01-02T00:10:00'));
    const alerts = (await listAlerts({ station: s.code, kind: 'compliance_exceedance', limit: 100 }, STAFF)).items;
    const daily = alerts.filter((a) => a.basis === '24h');
    expect(daily).toHaveLength(1);
    expect(daily[0]).toMatchObject({ parameter: 'PM25', limit: 45, averageValue: 47 });
  });
});

describe('clock-ahead lines: kept as evidence, never valid (DOMAIN.md §2)', () => {
  const fileOf = (fileCode: string, at: Date, lines: [string, number, Date][]) => ({
    name: `BG_${fileCode}_${formatCompactLocalTime(at)}.txt`,
    bytes: Buffer.from(lines.map(([p, v, t]) => `${p}\t${v}\tmg/L\t${formatCompactLocalTime(t)}\t00`).join('\r\n')),
  });

  it('a line dated tomorrow does not hide the real COD 121: file partial (clock_ahead), latest 121 exceeding, clock_fault alert', async () => {
    const f = await makeFacility();
    const s = await makeStation(f.code, { activeFrom: vn('2026-01-01T00:00:00') }); // COD max 100
    const now = new Date(Math.floor(Date.now() / 300_000) * 300_000);
    const real = await ingestFile({ ...fileOf(s.fileCode, now, [['COD', 121, now]]), source: 'api', now, receivedAt: now });
    expect(real.outcome).toBe('accepted');

    const tomorrow = new Date(now.getTime() + 86_400_000);
    const ahead = await ingestFile({ ...fileOf(s.fileCode, now, [['COD', 5, tomorrow]]), source: 'api', now, receivedAt: now });
    expect(ahead.outcome).toBe('partial');
    expect(ahead.reasonCodes?.map((r) => r.code)).toEqual(['clock_ahead']);
    expect(ahead.readings).toBe(1); // kept as evidence

    const stored = await pool().query('SELECT qc_reasons FROM reading WHERE station_id = $1 AND time = $2', [await stationId(s.code), tomorrow]);
    expect(stored.rows[0].qc_reasons).toContain('clock_ahead');

    const operator = await tokenFor('operator');
    const latest = await call(getLatest, `/api/v1/stations/${s.code}/latest`, { token: operator, params: { code: s.code } });
    expect(latest.status).toBe(200);
    const cod = latest.body.values.find((v: { parameter: string }) => v.parameter === 'COD');
    expect(cod).toMatchObject({ value: 121, level: 'exceeding' });

    const faults = (await listAlerts({ station: s.code, kind: 'clock_fault', limit: 10 }, STAFF)).items;
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatchObject({ state: 'open', parameter: null });

    // A second faulty file repeats the same episode.
    await ingestFile({ ...fileOf(s.fileCode, new Date(now.getTime() + 60_000), [['COD', 6, new Date(tomorrow.getTime() + 300_000)]]), source: 'api', now, receivedAt: new Date(now.getTime() + 60_000) });
    const again = (await listAlerts({ station: s.code, kind: 'clock_fault', limit: 10 }, STAFF)).items;
    expect(again).toHaveLength(1);
    expect(again[0]!.count).toBe(2);
  });

  it('a line dated +2 h does not take the slot: 2 h later the real COD 121 is the stored, valid value (latest, averages); the +2 h one is kept as evidence', async () => {
    const f = await makeFacility();
    const s = await makeStation(f.code, { activeFrom: vn('2026-01-01T00:00:00') }); // COD max 100
    const id = await stationId(s.code);
    const now = new Date(Math.floor(Date.now() / 300_000) * 300_000);
    const slot = new Date(now.getTime() + 2 * H);
    const ahead = await ingestFile({ ...fileOf(s.fileCode, now, [['COD', 5, slot]]), source: 'api', now, receivedAt: now });
    expect(ahead.outcome).toBe('partial');

    const later = slot; // two hours later in test time the logger sends the real value for that time
    const real = await ingestFile({ ...fileOf(s.fileCode, later, [['COD', 121, slot]]), source: 'api', now: later, receivedAt: later });
    expect(real.outcome).toBe('accepted');
    expect(real.readings).toBe(1);

    const stored = await pool().query('SELECT value, qc_reasons, file_id FROM reading WHERE station_id = $1 AND parameter = $2 AND time = $3', [id, 'COD', slot]);
    expect(stored.rows).toEqual([{ value: 121, qc_reasons: [], file_id: real.fileId }]);
    const evidence = await pool().query('SELECT stored_value, new_value, file_id, reason FROM reading_conflict WHERE station_id = $1', [id]);
    expect(evidence.rows).toEqual([{ stored_value: 121, new_value: 5, file_id: ahead.fileId, reason: 'clock_ahead' }]);

    // The same real file again is a duplicate, not a second displacement.
    const again = await ingestFile({ ...fileOf(s.fileCode, new Date(later.getTime() + 60_000), [['COD', 121, slot]]), source: 'api', now: later, receivedAt: later });
    expect(again.outcome).toBe('duplicate');

    const operator = await tokenFor('operator');
    const latest = await call(getLatest, `/api/v1/stations/${s.code}/latest`, { token: operator, params: { code: s.code } });
    expect(latest.body.values.find((v: { parameter: string }) => v.parameter === 'COD')).toMatchObject({ value: 121, level: 'exceeding' });

    await recomputeStationPeriod(id, new Date(slot.getTime() - H), new Date(slot.getTime() + H), { enqueueDerived: false });
    const hour = await pool().query(
      `SELECT max, valid_count FROM avg_hour WHERE station_id = $1 AND parameter = 'COD' AND hour_end >= $2 AND hour_end < $3`,
      [id, slot, new Date(slot.getTime() + H)],
    );
    expect(hour.rows).toEqual([{ max: 121, valid_count: 1 }]);
  });

  it('a clock_fault open in the database (raised before a restart or by another process) is resolved by a clean file 30 min later', async () => {
    const f = await makeFacility();
    const s = await makeStation(f.code, { activeFrom: vn('2026-01-01T00:00:00') });
    const id = await stationId(s.code);
    const now = new Date(Math.floor(Date.now() / 300_000) * 300_000);
    // Raised straight into the database: this process has never seen the station's faulty file.
    await raiseClockFault({ stationId: id, receivedAt: now, fileId: 0, aheadTime: new Date(now.getTime() + 2 * H), aheadReadings: 1, toleranceMinutes: 10 });
    expect((await listAlerts({ station: s.code, kind: 'clock_fault', limit: 10 }, STAFF)).items[0]).toMatchObject({ state: 'open' });

    const soon = new Date(now.getTime() + 10 * 60_000);
    await ingestFile({ ...fileOf(s.fileCode, soon, [['COD', 40, soon]]), source: 'api', now: soon, receivedAt: soon });
    expect((await listAlerts({ station: s.code, kind: 'clock_fault', limit: 10 }, STAFF)).items[0]).toMatchObject({ state: 'open' });

    const later = new Date(now.getTime() + 35 * 60_000);
    await ingestFile({ ...fileOf(s.fileCode, later, [['COD', 41, later]]), source: 'api', now: later, receivedAt: later });
    expect((await listAlerts({ station: s.code, kind: 'clock_fault', limit: 10 }, STAFF)).items[0]).toMatchObject({ state: 'resolved' });
  });

  it('impossible times (2047, 9999) create no partition: the readings stay in the default partition', async () => {
    const f = await makeFacility();
    const s = await makeStation(f.code);
    const now = new Date(Math.floor(Date.now() / 300_000) * 300_000);
    const far = vn('2047-06-01T10:00:00');
    const end = vn('9999-12-01T10:00:00');
    const r = await ingestFile({ ...fileOf(s.fileCode, now, [['COD', 5, far], ['TSS', 5, end]]), source: 'api', now, receivedAt: now });
    expect(r.outcome).toBe('partial');
    const parts = await pool().query(`SELECT to_regclass('reading_204706') AS a, to_regclass('reading_999912') AS b`);
    expect(parts.rows[0]).toEqual({ a: null, b: null });
    const where = await pool().query('SELECT tableoid::regclass::text AS t FROM reading WHERE station_id = $1 ORDER BY time', [await stationId(s.code)]);
    expect(where.rows.map((x) => x.t)).toEqual(['reading_default', 'reading_default']);
  });
});

describe('national standards apply without set-up (DOMAIN.md §6)', () => {
  it('a new ambient station without any binding shows the QCVN 05:2023 limit; a river station QCVN 08:2023 class B', async () => {
    const f = await makeFacility();
    const air = await makeStation(f.code, { kind: 'ambient_air', parameters: [{ code: 'PM25' }] });
    const river = await makeStation(f.code, { kind: 'surface_water', parameters: [{ code: 'COD' }] });
    const t = new Date(Math.floor(Date.now() / 300_000) * 300_000);
    await addReadings(air.code, 'PM25', [{ time: t, value: 30 }]);
    await addReadings(river.code, 'COD', [{ time: t, value: 12 }]);
    await touchStation(air.code, t);
    await touchStation(river.code, t);
    const operator = await tokenFor('operator');
    const a = await call(getLatest, `/api/v1/stations/${air.code}/latest`, { token: operator, params: { code: air.code } });
    expect(a.body.values[0].limit).not.toBeNull();
    expect(JSON.stringify(a.body.values[0].limit)).toContain('QCVN05:2023');
    const r = await call(getLatest, `/api/v1/stations/${river.code}/latest`, { token: operator, params: { code: river.code } });
    expect(JSON.stringify(r.body.values[0].limit)).toContain('QCVN08:2023');
    expect(r.body.values[0].limit).toMatchObject({ max: 15 });
  });
});

describe('POST /api/v1/stations accepts parameters[].standard (API.md)', () => {
  it('binds QCVN 40:2011 column B with Kq 0.9 × Kf 1.1: COD limit 148.5; unknown standard or missing column → 400', async () => {
    const f = await makeFacility();
    const admin = await tokenFor('admin');
    const code = uid('S');
    const body = {
      code,
      fileCode: `${f.code}_${code}`,
      name: 'Cửa xả',
      kind: 'wastewater',
      facilityCode: f.code,
      lat: 21.27,
      lon: 106.19,
      parameters: [
        { code: 'COD', standard: { code: 'QCVN40:2011', column: 'B', coefficients: { kq: 0.9, kf: 1.1 } } },
        { code: 'TSS', standard: { code: 'QCVN40:2011', column: 'B', coefficients: { kq: 0.9, kf: 1.1 } } },
      ],
    };
    const r = await call(createStation, '/api/v1/stations', { token: admin, body });
    expect(r.status).toBe(201);
    const limits = await getStationLimitsService(code, STAFF);
    expect(limits.find((l) => l.parameter === 'COD')).toMatchObject({ max: 148.5, source: 'standard' });
    expect(limits.find((l) => l.parameter === 'TSS')).toMatchObject({ max: 99 });

    const bad = async (standard: unknown) => {
      const c = uid('S');
      return call(createStation, '/api/v1/stations', {
        token: admin,
        body: { ...body, code: c, fileCode: `${f.code}_${c}`, parameters: [{ code: 'COD', standard }] },
      });
    };
    expect((await bad({ code: 'QCVN05:2023' })).status).toBe(400); // not a wastewater standard
    expect((await bad({ code: 'QCVN40:2011' })).status).toBe(400); // needs a column
    expect((await bad({ code: 'QCVN40:2011', column: 'Z' })).status).toBe(400);
  });
});

describe('PUT /api/v1/stations/{code}/bindings (admin)', () => {
  it('binds QCVN 40:2011 column A to a wastewater station that needed one; a wrong column is 400', async () => {
    const f = await makeFacility();
    const s = await makeStation(f.code, { parameters: [{ code: 'COD' }] });
    expect(await getStationLimitsService(s.code, STAFF)).toEqual([]);
    const admin = await tokenFor('admin');
    const r = await call(putBinding, `/api/v1/stations/${s.code}/bindings`, {
      method: 'PUT',
      token: admin,
      params: { code: s.code },
      body: { standardCode: 'QCVN40:2011', column: 'A', coefficients: { kq: 1, kf: 1 } },
    });
    expect(r.status).toBe(200);
    expect((await getStationLimitsService(s.code, STAFF)).find((l) => l.parameter === 'COD')).toMatchObject({ max: 75 });
    const bad = await call(putBinding, `/api/v1/stations/${s.code}/bindings`, { method: 'PUT', token: admin, params: { code: s.code }, body: { standardCode: 'QCVN40:2011', column: 'Z' } });
    expect(bad.status).toBe(400);
  });
});
