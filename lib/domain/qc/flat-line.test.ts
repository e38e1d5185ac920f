import { describe, expect, it } from 'vitest';
import { flatLineTest } from './flat-line';
import { at, series } from './series.test-support';
import type { QcReading } from './types';

// Product defaults: tolerance 0.001, suspect 60 min, fail 180 min, 5-minute interval, gap > 30 min ends a run.
const P = { tolerance: 0.001, suspectMinutes: 60, failMinutes: 180, intervalMinutes: 5, maxGapMinutes: 30 };
const flat = (n: number, v = 7): number[] => Array.from({ length: n }, () => v);
const last = (s: readonly QcReading[], params = P): number | undefined => flatLineTest(s, params).at(-1);

describe('flatLineTest: the run ending at a reading, by duration', () => {
  it.each([
    ['55 min run (12 readings) → good', flat(12), 1],
    ['60 min run (13 readings) → suspect', flat(13), 3],
    ['175 min run → suspect', flat(36), 3],
    ['180 min run (37 readings) → fail', flat(37), 4],
    ['values within tolerance (range 0.0009) still a run', [...flat(12), 7.0009], 3],
    ['range equal to tolerance breaks the run (strict <)', [7.001, ...flat(12)], 1],
    ['a jump 60 min back starts a new run', [9, ...flat(12)], 1],
  ])('%s', (_label, values, expected) => {
    expect(last(series(values))).toBe(expected);
  });

  it('flags every reading of a long run from the window on', () => {
    const flags = flatLineTest(series(flat(38)), P);
    expect(flags.indexOf(3)).toBe(12);
    expect(flags.indexOf(4)).toBe(36);
    expect(flags.slice(0, 12).every((f) => f === 1)).toBe(true);
  });

  it('tolerance 0 disables the test', () => {
    expect(flatLineTest(series(flat(40)), { ...P, tolerance: 0 }).every((f) => f === 1)).toBe(true);
  });
});

describe('flatLineTest: what ends a run and what does not', () => {
  const withHole = (hole: (number | null | readonly [number | null, '01'])[]): QcReading[] =>
    series([...flat(6), ...hole, ...flat(6)]);

  it.each([
    ['a missing value breaks no run', withHole([null]), 3],
    ['calibration readings (other values) break no run', withHole([[50, '01'], [50, '01']]), 3],
  ] as const)('%s', (_label, s, expected) => {
    const flags = flatLineTest(s, P);
    expect(flags.at(-1)).toBe(expected);
  });

  it.each([
    ['gap of exactly 30 min keeps the run', 30, 3],
    ['gap of 35 min ends the run', 35, 1],
  ])('%s', (_label, gap, expected) => {
    // 0, 5, 10, then the gap, then readings every 5 min to 60+ minutes after the first.
    const before: [number, number][] = [[0, 7], [5, 7], [10, 7]];
    const after: [number, number][] = Array.from({ length: 6 }, (_, k) => [10 + gap + 5 * k, 7]);
    const s = at([...before, ...after]);
    expect((s.at(-1)?.time ?? 0) - (s[0]?.time ?? 0)).toBeGreaterThanOrEqual(60 * 60_000);
    expect(last(s)).toBe(expected);
  });

  it.each([
    ['missing reading itself → missing', null, '00', 9],
    ['calibrating reading itself → not evaluated', 7, '01', 2],
  ] as const)('%s', (_label, value, status, expected) => {
    expect(last(series([...flat(20), [value, status]]))).toBe(expected);
  });
});
