import { describe, expect, it } from 'vitest';
import { AQI_BREAKPOINTS, AQI_LEVELS, type AqiTable } from './breakpoints';
import { subIndex } from './sub-index';
import { roundHalfUp } from './rounding';

describe('subIndex: linear between breakpoints, exact at each breakpoint, 500 above the top (O3 8 h: none above 400)', () => {
  it.each([
    ['PM2.5 zero', 'PM25', 0, 0],
    ['PM2.5 at 25 (breakpoint)', 'PM25', 25, 50],
    ['PM2.5 just above 25', 'PM25', 25.1, 50.2],
    ['PM2.5 at 50', 'PM25', 50, 100],
    ['PM2.5 55.7 (decision daily example)', 'PM25', 55.7, 109.5],
    ['PM2.5 at 500 (top)', 'PM25', 500, 500],
    ['PM2.5 just above the top', 'PM25', 500.1, 500],
    ['PM2.5 far above the top', 'PM25', 5000, 500],
    ['PM10 at 150', 'PM10', 150, 100],
    ['PM10 at 420', 'PM10', 420, 300],
    ['PM10 just above 420', 'PM10', 421, 301.25],
    ['PM10 above the top', 'PM10', 601, 500],
    ['O3 1 h 136.1 (decision hourly example)', 'O3_1h', 136.1, 42.53125],
    ['O3 1 h at 160', 'O3_1h', 160, 50],
    ['O3 1 h at 1200 (top)', 'O3_1h', 1200, 500],
    ['O3 1 h above the top', 'O3_1h', 1500, 500],
    ['O3 8 h 89.3 (decision daily example)', 'O3_8h', 89.3, 44.65],
    ['O3 8 h at 210', 'O3_8h', 210, 200],
    ['O3 8 h at 400 (its last breakpoint)', 'O3_8h', 400, 300],
    ['O3 8 h just above 400 → not used', 'O3_8h', 400.1, null],
    ['NO2 118.7 (decision hourly example)', 'NO2', 118.7, 59.35],
    ['NO2 130.8 (decision daily example)', 'NO2', 130.8, 65.4],
    ['NO2 at 3850 (top)', 'NO2', 3850, 500],
    ['CO at 10000', 'CO', 10000, 50],
    ['CO just above 10000', 'CO', 10020, 50.05],
    ['CO above the top', 'CO', 150001, 500],
    ['SO2 at 2630 (top)', 'SO2', 2630, 500],
    ['SO2 between 2100 and 2630', 'SO2', 2365, 450],
    ['negative → null', 'PM25', -1, null],
    ['NaN → null', 'PM25', Number.NaN, null],
    ['Infinity → null', 'CO', Number.POSITIVE_INFINITY, null],
  ] as const)('%s: %s %d → %s', (_label, table, c, expected) => {
    const s = subIndex(table, c);
    if (expected === null) expect(s).toBeNull();
    else expect(s).toBeCloseTo(expected, 6);
  });

  const everyBreakpoint = (Object.keys(AQI_BREAKPOINTS) as AqiTable[]).flatMap((t) =>
    AQI_BREAKPOINTS[t].flatMap((bp, i) => (bp === null ? [] : [[t, bp, AQI_LEVELS[i]] as const])),
  );
  it.each(everyBreakpoint)('%s at breakpoint %d → exactly %d', (table, bp, level) => {
    expect(subIndex(table, bp)).toBeCloseTo(level ?? Number.NaN, 9);
  });
});

describe('roundHalfUp: .5 goes up, binary noise is ignored', () => {
  it.each([
    ['59.35 → 59', 59.35, 0, 59],
    ['59.5 → 60', 59.5, 0, 60],
    ['109.5 computed as 50/30×5.7+100 → 110', (50 / 30) * 5.7 + 100, 0, 110],
    ['49.4999 → 49', 49.4999, 0, 49],
    ['20.27 to 0.1 → 20.3', 20.27, 1, 20.3],
    ['20.25 to 0.1 → 20.3', 20.25, 1, 20.3],
    ['20.24 to 0.1 → 20.2', 20.24, 1, 20.2],
  ] as const)('%s', (_label, value, decimals, expected) => {
    expect(roundHalfUp(value, decimals)).toBe(expected);
  });
});
