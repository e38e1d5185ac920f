import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { disconnectDb, pool } from '@/lib/db/client';
import { findFtpAccountByUsername } from '@/lib/db/ftp-accounts';
import { findUserCredentials } from '@/lib/db/users';
import { findStationByCode } from '@/lib/db/stations';
import { DEMO_FACILITIES, listDemoStations, toSimStation } from '@/lib/demo/network';
import { generateReadings, rotaDuty, slotRng } from '@/lib/demo/simulation';
import type { StationState } from '@/lib/domain/stations/states';
import { stationState } from '@/lib/services/stations/state';
import { verifyPassword } from '@/lib/services/accounts';
import { seedDemo, type SeedDemoResult } from '@/lib/demo/seed';
import { bacGiangRing, insideRing } from '@/lib/demo/province.test-support';

process.env.DATABASE_URL = inject('databaseUrl');
// lib/env.ts fails to parse when DEMO is unset (reported to the lead); env() is read lazily.
process.env.DEMO ??= '0';

const NOW = new Date('2026-11-28T04:02:30Z'); // 11:02:30 local; last slot 11:00
const LAST_SLOT = new Date('2026-11-28T04:00:00Z');
let first: SeedDemoResult;
let seconds = 0;
const lines: string[] = [];

beforeAll(async () => {
  const t0 = Date.now();
  first = await seedDemo({ now: NOW, historyDays: 1, log: (l) => lines.push(l) });
  seconds = (Date.now() - t0) / 1000;
}, 120_000);

afterAll(async () => {
  console.log(`seedDemo(historyDays: 1) took ${seconds.toFixed(1)} s: ${first?.readings} readings`);
  await disconnectDb();
});

describe('seedDemo', () => {
  it('creates the facilities, stations, FTP accounts, users and one day of history', async () => {
    const demo = listDemoStations();
    expect(first).toMatchObject({ created: true, facilities: DEMO_FACILITIES.length, stations: demo.length });
    const st = await pool().query<{
      id: number;
      code: string;
      lat: number;
      lon: number;
      active_from: Date;
      last_file_at: Date | null;
      last_data_at: Date | null;
      n: string;
    }>(
      `SELECT s.id, s.code, s.lat, s.lon, s.active_from, s.last_file_at, s.last_data_at,
              (SELECT count(*) FROM reading r WHERE r.station_id = s.id) AS n
       FROM station s WHERE s.code = ANY($1) ORDER BY s.code`,
      [demo.map((s) => s.code)],
    );
    expect(st.rows).toHaveLength(demo.length);
    const total = st.rows.reduce((a, r) => a + Number(r.n), 0);
    expect(total).toBe(first.readings);
    // 289 slots (a day plus the current one) × parameters, less gaps and malformed lines.
    const max = demo.reduce((a, s) => a + 289 * s.parameters.length, 0);
    expect(first.readings).toBeGreaterThan(max * 0.9);
    expect(first.readings).toBeLessThanOrEqual(max);
    for (const r of st.rows) {
      expect(r.active_from.toISOString()).toBe('2026-11-27T04:00:00.000Z');
      // The newest slot with a file: the current one, or the last before an outage (gap or offline rota).
      const sim = toSimStation(demo.find((d) => d.code === r.code)!);
      let last = LAST_SLOT;
      while (generateReadings(sim, last, slotRng(sim, last)).gap) last = new Date(last.getTime() - 300_000);
      expect(r.last_data_at?.toISOString(), r.code).toBe(last.toISOString());
      expect(r.last_file_at?.toISOString(), r.code).toBe(last.toISOString());
    }
    const params = await pool().query<{ n: string }>(
      'SELECT count(*) AS n FROM station_parameter sp JOIN station s ON s.id = sp.station_id WHERE s.code = ANY($1)',
      [demo.map((s) => s.code)],
    );
    expect(Number(params.rows[0]!.n)).toBe(demo.reduce((a, s) => a + s.parameters.length, 0));
    expect(lines.some((l) => /stations generated/.test(l))).toBe(true);
  });

  it('history carries the simulated events: calibration (01), and values within a day', async () => {
    const r = await pool().query<{ device_status: string; n: string; min: Date; max: Date }>(
      `SELECT r.device_status, count(*) AS n, min(r.time) AS min, max(r.time) AS max FROM reading r
       JOIN station s ON s.id = r.station_id WHERE s.code = 'KT_SONDONG_01' GROUP BY r.device_status`,
    );
    const byStatus = Object.fromEntries(r.rows.map((x) => [x.device_status, x]));
    // Daily zero/span check 01:00–01:30 local: 6 slots × 5 analysers (O2, DUST, SO2, NOX, CO).
    expect(Number(byStatus['01']?.n)).toBe(30);
    expect(byStatus['00']?.min.getTime()).toBeGreaterThanOrEqual(new Date('2026-11-27T04:00:00Z').getTime());
    expect(byStatus['00']?.max.toISOString()).toBe(LAST_SLOT.toISOString());
  });

  it('the seeded map shows two or three stations offline, one with a device error, one calibrating', async () => {
    const states = new Map<string, StationState>();
    for (const d of listDemoStations()) {
      const row = await findStationByCode(d.code);
      states.set(d.code, await stationState(row!, NOW));
    }
    const having = (state: StationState) => [...states].filter(([, s]) => s === state).map(([c]) => c);
    const offline = having('offline');
    expect(offline.length, offline.join(', ')).toBeGreaterThanOrEqual(2);
    expect(offline.length, offline.join(', ')).toBeLessThanOrEqual(3);
    // The rota stations on duty at NOW are the ones shown so.
    const onDuty = (state: string) =>
      listDemoStations()
        .filter((d) => rotaDuty(toSimStation(d), LAST_SLOT) === state)
        .map((d) => d.code);
    for (const c of onDuty('offline')) expect(offline).toContain(c);
    expect(having('device_error')).toEqual(expect.arrayContaining(onDuty('device_error')));
    expect(having('calibrating')).toEqual(expect.arrayContaining(onDuty('calibrating')));
    expect(onDuty('device_error')).toHaveLength(1);
    expect(onDuty('calibrating')).toHaveLength(1);
  });

  it('logins and FTP accounts work with the printed passwords', async () => {
    expect(first.logins.map((l) => l.role).sort()).toEqual(['admin', 'facility', 'inspector', 'manager', 'operator']);
    for (const l of first.logins) {
      const u = await findUserCredentials(l.email);
      expect(u?.role).toBe(l.role);
      expect(await verifyPassword(l.password, u!.passwordHash)).toBe(true);
    }
    const fu = await findUserCredentials('dinhtram@quantrac.local');
    const dt = await pool().query<{ id: number }>(`SELECT id FROM facility WHERE code = 'DINHTRAM'`);
    expect(fu?.facilityId).toBe(dt.rows[0]!.id);
    expect(first.ftpAccounts).toHaveLength(DEMO_FACILITIES.length);
    for (const a of first.ftpAccounts) {
      const acc = await findFtpAccountByUsername(a.username);
      expect(acc?.facilityCode).toBe(a.facility);
      expect(await verifyPassword(a.password, acc!.passwordHash)).toBe(true);
    }
  });

  it('is idempotent: a second run creates nothing and returns the same logins and accounts', async () => {
    const count = async () =>
      Number((await pool().query<{ n: string }>('SELECT count(*) AS n FROM reading')).rows[0]!.n);
    const before = await count();
    const second = await seedDemo({ now: new Date(NOW.getTime() + 3_600_000), historyDays: 1 });
    expect(second).toMatchObject({
      created: false,
      readings: 0,
      facilities: first.facilities,
      stations: first.stations,
    });
    expect(second.logins).toEqual(first.logins);
    expect(second.ftpAccounts).toEqual(first.ftpAccounts);
    expect(await count()).toBe(before);
  });

  it('puts every station inside the Bắc Giang polygon', async () => {
    const ring = bacGiangRing();
    const st = await pool().query<{ code: string; lat: number; lon: number }>(
      'SELECT code, lat, lon FROM station WHERE code = ANY($1)',
      [listDemoStations().map((s) => s.code)],
    );
    expect(st.rows.length).toBeGreaterThanOrEqual(24);
    for (const s of st.rows) expect(insideRing(ring, s.lon, s.lat), s.code).toBe(true);
    // The test itself can fail: a point in Hà Nội is outside.
    expect(insideRing(ring, 105.85, 21.03)).toBe(false);
  });
});
