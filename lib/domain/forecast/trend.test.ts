import { describe, expect, test } from 'vitest';
import { decideTrendEpisode, evaluateTrend, type TrendPoint } from './trend';

const T0 = Date.UTC(2026, 11, 1, 3, 0);
const MIN = 60_000;
/** 13 readings every 5 minutes ending at T0 + 60 min, value = start + slopePerHour × hours. */
const line = (start: number, slopePerHour: number, n = 13, noise: (i: number) => number = () => 0): TrendPoint[] =>
  Array.from({ length: n }, (_, i) => ({ time: T0 + i * 5 * MIN, value: start + (slopePerHour * i * 5) / 60 + noise(i) }));

describe('evaluateTrend', () => {
  const limit = { min: null, max: 100 };
  test.each([
    { label: 'rising 10/h from 80 (ends 90): reaches 100 in 60 min → heading', pts: line(80, 10), state: 'heading', minutes: 60 },
    { label: 'rising 5/h from 80 (ends 85): 180 min > 120 → none', pts: line(80, 5), state: 'none' },
    { label: 'exactly at the horizon: ends 90 at 5/h → 120 min → heading', pts: line(85, 5), state: 'heading', minutes: 120 },
    { label: 'falling → none', pts: line(95, -10), state: 'none' },
    { label: 'newest exactly at the limit → heading, 0 min (not beyond)', pts: line(90, 10), state: 'heading', minutes: 0 },
    { label: 'newest above the limit → beyond (an exceedance, no trend warning)', pts: line(95, 10), state: 'beyond' },
    { label: 'five readings (< 6) → none', pts: line(80, 10).slice(-5), state: 'none' },
    { label: 'six readings → heading', pts: line(80, 10).slice(-6), state: 'heading', minutes: 60 },
    { label: 'noise without a trend (R² < 0.6) → none', pts: line(90, 0.5, 13, (i) => (i % 2 ? 4 : -4)), state: 'none' },
    { label: 'flat → none', pts: line(90, 0), state: 'none' },
    { label: 'no readings → none', pts: [], state: 'none' },
  ])('$label', ({ pts, state, minutes }) => {
    const r = evaluateTrend(pts, limit);
    expect(r.state).toBe(state);
    if (minutes !== undefined && r.state === 'heading') expect(r.minutesToLimit).toBeCloseTo(minutes, 6);
  });

  test.each([
    { label: 'pH falling towards its minimum 5.5 → heading to min', pts: line(6.5, -0.5), side: 'min' },
    { label: 'pH rising towards its maximum 9 → heading to max', pts: line(8, 0.5), side: 'max' },
  ])('$label', ({ pts, side }) => {
    const r = evaluateTrend(pts, { min: 5.5, max: 9 });
    expect(r).toMatchObject({ state: 'heading', side });
  });

  test('readings older than the window are left out', () => {
    const old = [{ time: T0 - 3 * 60 * MIN, value: 0 }];
    expect(evaluateTrend([...old, ...line(80, 10)], limit)).toMatchObject({ state: 'heading', minutesToLimit: expect.closeTo(60, 6) });
  });

  test('a configurable horizon: 30 min', () => {
    expect(evaluateTrend(line(80, 10), limit, { horizonMinutes: 30 }).state).toBe('none');
  });
});

describe('decideTrendEpisode (DOMAIN §8 episode)', () => {
  const heading = evaluateTrend(line(80, 10), { min: null, max: 100 });
  const none = { state: 'none' } as const;
  const beyond = { state: 'beyond', value: 120 } as const;
  test.each([
    { label: 'heading, no open alert → open', active: null, result: heading, at: T0, action: 'open' },
    { label: 'heading, open alert → repeat', active: { lastSeenAt: T0 }, result: heading, at: T0 + 5 * MIN, action: 'repeat' },
    { label: 'beyond the limit, no alert → none (never opened)', active: null, result: beyond, at: T0, action: 'none' },
    { label: 'clear for 29 min → stays open', active: { lastSeenAt: T0 }, result: none, at: T0 + 29 * MIN, action: 'none' },
    { label: 'clear for 30 min → resolve', active: { lastSeenAt: T0 }, result: none, at: T0 + 30 * MIN, action: 'resolve' },
    { label: 'beyond for 30 min → resolve (the exceedance alert takes over)', active: { lastSeenAt: T0 }, result: beyond, at: T0 + 30 * MIN, action: 'resolve' },
  ])('$label', ({ active, result, at, action }) => {
    expect(decideTrendEpisode({ active, result, at, clearMinutes: 30 })).toBe(action);
  });
});
