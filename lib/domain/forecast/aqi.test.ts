import { describe, expect, test } from 'vitest';
import { HOUR_MS, fromLocalParts } from '../time';
import { forecastHourlyAqi, tomorrowAqi, tomorrowWindow } from './aqi';

const at = (day: number, hour: number) => fromLocalParts({ year: 2026, month: 3, day, hour }).getTime();

describe('tomorrowWindow', () => {
  test.each([
    { label: 'origin 10:00 → hours ending 01:00 … 24:00 of the next day', basedOn: at(10, 10), from: at(11, 0) },
    { label: 'origin 00:00 (the 24:00 of day 9) → day 10', basedOn: at(10, 0), from: at(10, 0) },
    { label: 'origin 23:00 → the next day', basedOn: at(10, 23), from: at(11, 0) },
  ])('$label', ({ basedOn, from }) => {
    expect(tomorrowWindow(basedOn)).toEqual({ from, to: from + 24 * HOUR_MS });
  });
});

describe('forecastHourlyAqi', () => {
  test('PM2.5 through NowCast over forecast and observed hours; O3 on the 1 h table', () => {
    // Steady 50 µg/m³ observed and forecast: NowCast 50 → AQI 100 (moderate).
    expect(forecastHourlyAqi('PM25', new Array(12).fill(50), [50, 50])).toEqual([
      { aqi: 100, category: 'moderate' },
      { aqi: 100, category: 'moderate' },
    ]);
    // O3 160 µg/m³ → 50 (good); 200 → 100.
    expect(forecastHourlyAqi('O3', [], [160, 200])).toEqual([
      { aqi: 50, category: 'good' },
      { aqi: 100, category: 'moderate' },
    ]);
  });
  test('PM needs 2 of the 3 newest hours: the first forecast hour after a gap still has its NowCast', () => {
    expect(forecastHourlyAqi('PM25', [null, null, null], [25])[0]).toBeNull();
    expect(forecastHourlyAqi('PM25', [25, null, null], [25])[0]).toEqual({ aqi: 50, category: 'good' });
  });
});

describe('tomorrowAqi', () => {
  const basedOn = at(10, 10);
  const hours = (n: number, value: (i: number) => number) =>
    Array.from({ length: n }, (_, i) => ({ time: basedOn + (i + 1) * HOUR_MS, value: value(i) }));
  test.each([
    { label: 'PM2.5 24 h mean 50 → 100 moderate', p: 'PM25' as const, items: hours(48, () => 50), aqi: 100, category: 'moderate' },
    { label: 'PM2.5 24 h mean 50.1 → 100 (rounded) moderate', p: 'PM25' as const, items: hours(48, () => 50.1), aqi: 100, category: 'moderate' },
    { label: 'PM10 24 h mean 151 → 101 poor', p: 'PM10' as const, items: hours(48, () => 151), aqi: 101, category: 'poor' },
    { label: 'O3: 8 h mean 120 (AQI 100) beats 1 h max 120 (AQI 37.5)', p: 'O3' as const, items: hours(48, () => 120), aqi: 100, category: 'moderate' },
  ])('$label', ({ p, items, aqi, category }) => {
    expect(tomorrowAqi(p, basedOn, items)).toEqual({ aqi, category, day: at(11, 0) });
  });
  test('a forecast that does not reach 24:00 tomorrow gives no category', () => {
    expect(tomorrowAqi('PM25', basedOn, hours(37, () => 50))).toBeNull();
    expect(tomorrowAqi('PM25', basedOn, hours(38, () => 50))).not.toBeNull();
  });
});
