/**
 * Conformance: VN_AQI (Decision 1459/QĐ-TCMT, 2019; DOMAIN.md §9) against the decision's worked example and against
 * every published Hanoi hour of 2020 (tests/data; sources in tests/data/README.md).
 */
import { describe, expect, it } from 'vitest';
import { dailyAqi, hourlyAqi, hourlyAqiFromSeries, nowcast, subIndex } from '@/lib/domain/aqi';
import { roundHalfUp } from '@/lib/domain/aqi/rounding';
import { readTestData } from '@/lib/domain/test-data.test-support';

type Example = {
  nowcast: { pm25_hourly_oldest_to_newest: number[]; expected_nowcast: number; exact: number };
  hourly: { O3_1h: number; NO2_1h: number; PM25_nowcast: number; exact_sub: { O3: number; NO2: number; PM25: number }; expected_aqi: number; printed_aqi: number };
  daily: {
    O3_max8h: number;
    O3_max1h: number;
    NO2_max1h: number;
    PM25_24h: number;
    exact_sub: { O3_8h: number; O3_1h: number; NO2: number; PM25: number };
    expected_aqi: number;
  };
};
const ex = JSON.parse(readTestData('vn-aqi-example.json')) as Example;

describe('Decision 1459 worked example', () => {
  it('NowCast of the 12 printed hours is 20.27 (printed 20.3)', () => {
    const n = nowcast([...ex.nowcast.pm25_hourly_oldest_to_newest].reverse());
    expect(n).toBeCloseTo(ex.nowcast.exact, 2);
    expect(Math.round((n ?? 0) * 10) / 10).toBe(ex.nowcast.expected_nowcast);
  });

  it('hourly sub-indices O3 42.53, NO2 59.35, PM2.5 40.6 → AQI 59 (the decision prints 60; its NO2 figure does not follow its formula)', () => {
    const r = hourlyAqi({ PM25Nowcast: ex.hourly.PM25_nowcast, O3: ex.hourly.O3_1h, NO2: ex.hourly.NO2_1h });
    expect(r?.subIndices.O3).toBeCloseTo(ex.hourly.exact_sub.O3, 2);
    expect(r?.subIndices.NO2).toBeCloseTo(ex.hourly.exact_sub.NO2, 2);
    expect(r?.subIndices.PM25).toBeCloseTo(ex.hourly.exact_sub.PM25, 2);
    expect(r?.aqi).toBe(ex.hourly.expected_aqi);
  });

  it('daily: O3 8 h 44.65, O3 1 h 35.81, NO2 65.4, PM2.5 109.5 → AQI 110', () => {
    const r = dailyAqi({ pm25Mean24h: ex.daily.PM25_24h, maxHourly: { NO2: ex.daily.NO2_max1h, O3: ex.daily.O3_max1h }, maxO3_8h: ex.daily.O3_max8h });
    expect(r?.o3.fromMax8h).toBeCloseTo(ex.daily.exact_sub.O3_8h, 2);
    expect(r?.o3.fromMax1h).toBeCloseTo(ex.daily.exact_sub.O3_1h, 2);
    expect(r?.subIndices.NO2).toBeCloseTo(ex.daily.exact_sub.NO2, 2);
    expect(r?.subIndices.PM25).toBeCloseTo(ex.daily.exact_sub.PM25, 2);
    expect(r?.aqi).toBe(ex.daily.expected_aqi);
  });
});

/** The publisher (AirNow, US EPA convention) truncates NowCast to 0.1 µg/m³. */
const truncate1 = (x: number): number => Math.floor(x * 10 + 1e-9) / 10;

function hanoiHours(): { window: (number | null)[]; published: number }[] {
  const lines = readTestData('hanoi-pm25', 'nowcast-vectors-2020.csv').trim().split(/\r?\n/).slice(1);
  return lines.flatMap((line) => {
    const f = line.split(',');
    const published = Number(f[13]);
    if (published === -999) return [];
    const window = f.slice(1, 13).map((v) => (v === '' || Number(v) === -999 ? null : Number(v)));
    return [{ window, published }];
  });
}

describe('Hanoi 2020, every published hour (nowcast-vectors-2020.csv)', () => {
  const hours = hanoiHours();

  it('the NowCast truncated to 0.1 equals the publisher’s on every computable hour', () => {
    const mismatches = hours.filter((h) => {
      const n = nowcast(h.window);
      return n !== null && truncate1(n) !== h.published;
    });
    expect(hours.length).toBeGreaterThan(4000);
    expect(mismatches).toEqual([]);
  });

  it('hourly VN_AQI comes from the exact NowCast: rounding the NowCast to 0.1 first is off by one on 84 hours', () => {
    let computed = 0;
    let differs = 0;
    for (const h of hours) {
      const n = nowcast(h.window);
      if (n === null) continue;
      computed += 1;
      const r = hourlyAqiFromSeries({ PM25: h.window });
      const exact = roundHalfUp(subIndex('PM25', n) ?? Number.NaN);
      expect(r.result?.aqi).toBe(exact);
      const roundedFirst = roundHalfUp(subIndex('PM25', roundHalfUp(n, 1)) ?? Number.NaN);
      if (roundedFirst !== exact) differs += 1;
    }
    expect(computed).toBe(4242);
    expect(differs).toBe(84);
  });

  it('the issue’s example hour c1…c12 = 55 … 87 gives 140', () => {
    expect(hourlyAqiFromSeries({ PM25: [55, 76, 103, 113, 115, 140, 142, 137, 117, 83, 84, 87] }).result?.aqi).toBe(140);
  });
});
