import { describe, expect, test } from 'vitest';
import { downsampleMinMax, MAX_CHART_POINTS, pickMarks } from './downsample';

const series = (n: number, f: (i: number) => number = (i) => Math.sin(i / 50)) => Array.from({ length: n }, (_, i) => ({ t: i * 300_000, v: f(i) }));

describe('downsampleMinMax', () => {
  test.each([
    { label: 'empty', n: 0, max: 2000, expected: 0 },
    { label: 'shorter than the cap passes unchanged', n: 1999, max: 2000, expected: 1999 },
    { label: 'exactly the cap passes unchanged', n: 2000, max: 2000, expected: 2000 },
  ])('$label', ({ n, max, expected }) => {
    expect(downsampleMinMax(series(n), max)).toHaveLength(expected);
  });

  test.each([2001, 8640, 105_120])('%i points → at most 2,000, sorted by time', (n) => {
    const out = downsampleMinMax(series(n));
    expect(out.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(out.length).toBeGreaterThan(MAX_CHART_POINTS / 2);
    for (let i = 1; i < out.length; i++) expect(out[i]!.t).toBeGreaterThanOrEqual(out[i - 1]!.t);
  });

  test('a single spike survives downsampling', () => {
    const data = series(100_000, () => 1);
    data[54_321] = { t: data[54_321]!.t, v: 999 };
    data[77_777] = { t: data[77_777]!.t, v: -5 };
    const out = downsampleMinMax(data);
    expect(Math.max(...out.map((p) => p.v))).toBe(999);
    expect(Math.min(...out.map((p) => p.v))).toBe(-5);
  });

  test('keeps extra fields of the points', () => {
    const out = downsampleMinMax(series(5000).map((p) => ({ ...p, f: 1 })), 100);
    expect(out.every((p) => p.f === 1)).toBe(true);
    expect(out.length).toBeLessThanOrEqual(100);
  });
});

describe('pickMarks', () => {
  test('keeps flagged points only, capped', () => {
    const data = series(10_000).map((p, i) => ({ ...p, flag: i % 2 === 0 ? 3 : 1 }));
    expect(pickMarks(data, (p) => p.flag === 3, 10_000)).toHaveLength(5000);
    expect(pickMarks(data, (p) => p.flag === 3).length).toBeLessThanOrEqual(2000);
  });
});
