import { describe, expect, it } from 'vitest';
import { parseFileName } from '../domain/file-name';
import { findParameter } from '../domain/parameters';
import { QC_FLAGS } from '../domain/qc-flags';
import { computeStationState, type StateReading } from '../domain/station-state';
import type { StationState } from '../domain/stations/states';
import { generateReadings, releasedLateSlots, slotRng, slotTimes } from './simulation';
import {
  DEMO_FACILITIES,
  DEMO_PROVINCE_CODE,
  DEMO_ROTAS,
  DEMO_USERS,
  demoFtpAccounts,
  demoSimStations,
  listDemoStations,
} from './network';
import { bacGiangRing, insideRing } from './province.test-support';

const stations = listDemoStations();

describe('demo network', () => {
  it('has about 25 stations across the facilities, with unique codes, file codes and FTP users', () => {
    expect(stations.length).toBeGreaterThanOrEqual(24);
    expect(new Set(stations.map((s) => s.code)).size).toBe(stations.length);
    expect(new Set(stations.map((s) => s.fileCode)).size).toBe(stations.length);
    expect(new Set(DEMO_FACILITIES.map((f) => f.code)).size).toBe(DEMO_FACILITIES.length);
    expect(new Set(demoFtpAccounts().map((a) => a.username)).size).toBe(DEMO_FACILITIES.length);
    const kinds = new Set(stations.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['ambient_air', 'emission', 'surface_water', 'wastewater']);
    const dept = DEMO_FACILITIES.find((f) => f.code === 'STNMT')!;
    expect(dept.stations.filter((s) => s.kind === 'ambient_air')).toHaveLength(4);
    expect(dept.stations.filter((s) => s.kind === 'surface_water')).toHaveLength(3);
  });

  it.each(stations.map((s) => [s.code, s] as const))(
    '%s: inside Bắc Giang, file code <FACILITY>_<STATION>, registry parameters',
    (_c, s) => {
      expect(insideRing(bacGiangRing(), s.lon, s.lat)).toBe(true);
      expect(s.fileCode.startsWith(`${s.facilityCode}_`)).toBe(true);
      const parsed = parseFileName(`${DEMO_PROVINCE_CODE}_${s.fileCode}_20240524100500.txt`);
      expect(parsed.ok && parsed.value.fileCode).toBe(s.fileCode);
      expect(s.parameters.length).toBeGreaterThanOrEqual(5);
      for (const p of s.parameters) {
        expect(findParameter(s.kind, p.code), p.code).not.toBeNull();
        if (p.limitMax !== undefined)
          expect(p.level, `${p.code} typical level below its limit`).toBeLessThan(p.limitMax);
        if (p.limitMin !== undefined) expect(p.level).toBeGreaterThan(p.limitMin);
      }
    },
  );

  it('applies the coefficients: QCVN 40 column A × Kq 0.9 × Kf 1.0 for Đình Trám, QCVN 19 B × 0.8 × 1.4 for Sơn Động', () => {
    const dt = stations.find((s) => s.code === 'NT_DINHTRAM_01')!;
    const lim = (code: string) => dt.parameters.find((p) => p.code === code);
    expect(lim('COD')?.limitMax).toBe(67.5);
    expect(lim('TSS')?.limitMax).toBe(45);
    expect(lim('PH')).toMatchObject({ limitMin: 6, limitMax: 9 });
    expect(lim('TEMP')?.limitMax).toBe(40);
    const sd = stations.find((s) => s.code === 'KT_SONDONG_01')!;
    expect(sd.parameters.find((p) => p.code === 'DUST')?.limitMax).toBe(224);
    expect(sd.parameters.find((p) => p.code === 'SO2')?.limitMax).toBe(560);
    const kk = stations.find((s) => s.code === 'KK_STNMT_01')!;
    expect(kk.parameters.find((p) => p.code === 'PM25')?.limitMax).toBe(45);
    const river = stations.find((s) => s.code === 'NM_STNMT_01')!;
    expect(river.parameters.find((p) => p.code === 'DO')).toMatchObject({ limitMin: 5 });
  });

  it('simulator stations carry registry units and decimals', () => {
    for (const s of demoSimStations()) {
      for (const p of s.parameters) {
        const def = findParameter(s.kind, p.code)!;
        expect([p.unit, p.decimals]).toEqual([def.unit, def.decimals]);
      }
    }
  });

  it('demo users cover every staff role and one facility user of an existing facility', () => {
    expect(DEMO_USERS.map((u) => u.role).sort()).toEqual(['admin', 'facility', 'inspector', 'manager', 'operator']);
    const fu = DEMO_USERS.find((u) => u.role === 'facility')!;
    expect(DEMO_FACILITIES.some((f) => f.code === fu.facilityCode)).toBe(true);
  });
});

describe('demo names on the administrative map since 1 July 2025', () => {
  it.each(DEMO_FACILITIES.map((f) => ({ code: f.code, address: f.address, names: [f.name, ...f.stations.map((s) => s.name)] })))(
    '$code: address in tỉnh Bắc Ninh with no district, no pre-2025 unit in its names',
    ({ address, names }) => {
      expect(address).toMatch(/tỉnh Bắc Ninh$/);
      for (const text of [address, ...names]) expect(text).not.toMatch(/huyện|thị trấn|thành phố Bắc Giang|TP Bắc Giang|tỉnh Bắc Giang|Môi trường Bắc Giang/i);
    },
  );
});

describe('demo rotas: the simulated network always has stations offline, in device error and calibrating', () => {
  type Received = { at: Date; latest: StateReading[] };
  const sims = demoSimStations();
  const limits = new Map(sims.map((s) => [s.code, new Map(s.parameters.map((p) => [p.code, p]))]));

  /**
   * Replays the simulator slot by slot from a day before `from` (files arrive at their slot time, held link-down files
   * when released), and from `from` on computes every station's state as the map does, 2½ minutes into each slot
   * (readings not yet QC-evaluated, the default 15-minute grace).
   */
  function statesOver(from: Date, days: number): Map<StationState, number>[] {
    const warmUp = new Date(from.getTime() - 86_400_000);
    const received = new Map<string, Received>();
    const out: Map<StationState, number>[] = [];
    for (const t of slotTimes(warmUp, new Date(from.getTime() + days * 86_400_000))) {
      for (const s of sims) {
        const data = generateReadings(s, t, slotRng(s, t));
        const lim = limits.get(s.code)!;
        if (!data.gap && !data.linkDown) {
          const latest = data.readings
            .filter((r) => r.text === undefined && !r.extra)
            .map((r) => ({
              time: t,
              value: r.value,
              deviceStatus: r.status,
              qcFlag: QC_FLAGS.not_evaluated,
              limitMin: lim.get(r.parameter)?.limitMin ?? null,
              limitMax: lim.get(r.parameter)?.limitMax ?? null,
            }));
          received.set(s.code, { at: t, latest });
        } else if (releasedLateSlots(s, t).length > 0) {
          const prev = received.get(s.code);
          if (prev) received.set(s.code, { ...prev, at: t });
        }
      }
      if (t < from) continue;
      const counts = new Map<StationState, number>();
      for (const s of sims) {
        const r = received.get(s.code);
        const state = computeStationState({
          enabled: true,
          lastFileAt: r?.at ?? null,
          intervalMinutes: 5,
          graceMinutes: 15,
          now: new Date(t.getTime() + 150_000),
          latest: r?.latest ?? [],
        });
        counts.set(state, (counts.get(state) ?? 0) + 1);
      }
      out.push(counts);
    }
    return out;
  }

  it.each([
    ['four dry-season days', '2026-01-05T00:00:00+07:00'],
    ['four summer days', '2026-07-06T00:00:00+07:00'],
  ])('%s: at every 5-minute slot ≥ 2 offline, ≥ 1 device error, ≥ 1 calibrating', (_l, iso) => {
    const slots = statesOver(new Date(iso), 4);
    expect(slots).toHaveLength(4 * 288);
    const offline = slots.map((c) => c.get('offline') ?? 0);
    expect(Math.min(...offline)).toBeGreaterThanOrEqual(2);
    expect(Math.min(...slots.map((c) => c.get('device_error') ?? 0))).toBeGreaterThanOrEqual(1);
    expect(Math.min(...slots.map((c) => c.get('calibrating') ?? 0))).toBeGreaterThanOrEqual(1);
    // Two or three most of the time; a random outage or held link of another station occasionally adds one.
    expect(offline.filter((n) => n <= 3).length / offline.length).toBeGreaterThan(0.9);
    expect(Math.max(...offline)).toBeLessThanOrEqual(6);
  }, 60_000);

  it('each rota holds distinct stations of the network, and no station is in two rotas', () => {
    const all = DEMO_ROTAS.flatMap((r) => r.stations);
    expect(new Set(all).size).toBe(all.length);
    for (const c of all) expect(stations.some((s) => s.code === c), c).toBe(true);
    for (const r of DEMO_ROTAS) expect(r.stations.length).toBeGreaterThanOrEqual(2);
    expect(DEMO_ROTAS.filter((r) => r.state === 'offline')).toHaveLength(2);
  });
});
