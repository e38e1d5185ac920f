import { describe, expect, test } from 'vitest';
import { HOUR_MS, fromLocalParts, localParts } from '../time';
import { FORECAST_METHOD, PERSISTENCE_METHOD, forecastSeries, scoreForecasts, type ScoredForecast } from './index';

/** A deterministic pseudo-random generator (mulberry32), so the noisy tests are reproducible. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const gauss = (r: () => number): number => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());

const START = fromLocalParts({ year: 2026, month: 1, day: 1, hour: 1 }).getTime();
/** The true daily cycle: 40 µg/m³ with a peak of +20 at 08:00 and a trough of −20 at 20:00. */
const cycle = (t: number): number => 40 + 20 * Math.cos((2 * Math.PI * (localParts(new Date(t)).hour - 8)) / 24);

function synthetic(hours: number, noise: number, seed = 1): (number | null)[] {
  const r = rng(seed);
  return Array.from({ length: hours }, (_, i) => Math.max(0, cycle(START + i * HOUR_MS) + noise * gauss(r)));
}

describe('forecastSeries', () => {
  test('a daily cycle with noise is recovered: every hour of the next 3 days within 3 µg/m³ of the true cycle', () => {
    const values = synthetic(30 * 24, 4);
    const f = forecastSeries({ series: { start: START, values }, hours: 72 });
    expect(f?.method).toBe(FORECAST_METHOD);
    expect(f!.items).toHaveLength(72);
    for (const it of f!.items) expect(Math.abs(it.value - cycle(it.time))).toBeLessThan(3);
    // The peak and trough land on the right local hours.
    const day = f!.items.slice(0, 24);
    const peak = day.reduce((a, b) => (b.value > a.value ? b : a));
    const trough = day.reduce((a, b) => (b.value < a.value ? b : a));
    expect(Math.abs(localParts(new Date(peak.time)).hour - 8)).toBeLessThanOrEqual(1);
    expect(Math.abs(localParts(new Date(trough.time)).hour - 20)).toBeLessThanOrEqual(1);
  });

  test('the 80 % interval holds about 80 % of fresh noisy hours and contains the forecast', () => {
    const all = synthetic(33 * 24, 4, 7);
    const history = all.slice(0, 30 * 24);
    const f = forecastSeries({ series: { start: START, values: history }, hours: 72 })!;
    let inside = 0;
    f.items.forEach((it, k) => {
      expect(it.lower).toBeLessThanOrEqual(it.value);
      expect(it.upper).toBeGreaterThanOrEqual(it.value);
      const y = all[30 * 24 + k]!;
      if (y >= it.lower && y <= it.upper) inside++;
    });
    expect(inside / 72).toBeGreaterThan(0.6);
    expect(inside / 72).toBeLessThan(0.97);
  });

  test.each([
    { label: 'no value at all → null', values: [null, null], method: null, basedOn: null },
    { label: 'one value → persistence', values: [12], method: PERSISTENCE_METHOD, basedOn: 0 },
    { label: '14 days minus one hour → persistence', values: synthetic(14 * 24 - 1, 1), method: PERSISTENCE_METHOD, basedOn: 14 * 24 - 2 },
    { label: 'exactly 14 days → the model', values: synthetic(14 * 24, 1), method: FORECAST_METHOD, basedOn: 14 * 24 - 1 },
    { label: 'trailing empty hours: starts after the last value', values: [...synthetic(20 * 24, 1), null, null], method: FORECAST_METHOD, basedOn: 20 * 24 - 1 },
  ])('$label', ({ values, method, basedOn }) => {
    const f = forecastSeries({ series: { start: START, values }, hours: 6 });
    expect(f?.method ?? null).toBe(method);
    if (basedOn == null) return;
    expect(f!.basedOn).toBe(START + basedOn * HOUR_MS);
    expect(f!.items[0]!.time).toBe(START + (basedOn + 1) * HOUR_MS);
    expect(f!.items).toHaveLength(6);
  });

  test.each([
    { label: '0 hours → 1', hours: 0, expected: 1 },
    { label: '72 hours → 72', hours: 72, expected: 72 },
    { label: '73 hours → 72', hours: 73, expected: 72 },
  ])('horizon bounds: $label', ({ hours, expected }) => {
    expect(forecastSeries({ series: { start: START, values: synthetic(15 * 24, 1) }, hours })!.items).toHaveLength(expected);
  });

  test('a measured covariate that drives the series is used (wind sweeps the air clean)', () => {
    const r = rng(3);
    const n = 40 * 24;
    // Wind speed in slow regimes; PM follows the wind 0–6 h later.
    const ws: number[] = [];
    let w = 2;
    for (let i = 0; i < n; i++) {
      if (i % 36 === 0) w = 0.5 + 5 * r();
      ws.push(w);
    }
    const pm = ws.map((v, i) => 80 / (1 + (ws[Math.max(0, i - 3)] ?? v)) + 2 * gauss(r));
    const split = n - 48;
    const withWs = forecastSeries({ series: { start: START, values: pm.slice(0, split) }, covariates: { WS: ws.slice(0, split) }, hours: 6 })!;
    const without = forecastSeries({ series: { start: START, values: pm.slice(0, split) }, hours: 6 })!;
    const mae = (f: typeof withWs) => f.items.reduce((s, it, k) => s + Math.abs(it.value - pm[split + k]!), 0) / f.items.length;
    expect(mae(withWs)).toBeLessThanOrEqual(mae(without) + 0.5);
  });
});

describe('scoreForecasts', () => {
  const h = (i: number) => START + i * HOUR_MS;
  const observed = new Map<number, number>([
    [h(0), 10],
    [h(1), 20],
    [h(2), 30],
    [h(-23), 15],
    [h(-22), 40],
  ]);
  const f: ScoredForecast = {
    basedOn: h(0),
    items: [
      { time: h(1), value: 18, lower: 15, upper: 25 },
      { time: h(2), value: 25, lower: 20, upper: 28 },
      { time: h(3), value: 25, lower: 20, upper: 28 },
    ],
  };
  test('errors over the same observed hours for the model and both baselines', () => {
    const s = scoreForecasts([f], observed, 24);
    expect(s).toEqual({ horizonHours: 24, mae: (2 + 5) / 2, maePersistence: (10 + 20) / 2, maeSeasonal: (5 + 10) / 2, coverage: 0.5, origins: 1, pairs: 2 });
  });
  test.each([
    { label: 'lead beyond the horizon is not scored', horizon: 1, pairs: 1 },
    { label: 'no observed origin value → not scored', horizon: 24, pairs: 0, basedOn: h(-5) },
  ])('$label', ({ horizon, pairs, basedOn }) => {
    const s = scoreForecasts([{ ...f, basedOn: basedOn ?? f.basedOn }], observed, horizon);
    expect(s.pairs).toBe(pairs);
    if (pairs === 0) expect(s.mae).toBeNull();
  });
});
