import { describe, expect, it } from 'vitest';
import { rateOfChangeTest } from './rate-of-change';
import { at, series } from './series.test-support';

// 1 unit/min suspect, 2 units/min fail; at 5-minute steps: suspect above a change of 5, fail from 10.
const P = { suspectPerMinute: 1, failPerMinute: 2, maxGapMinutes: 30 };

describe('rateOfChangeTest on the later point of each pair', () => {
  it.each([
    ['no change', 0, 1],
    ['equal to suspect rate (strict >)', 5, 1],
    ['just above suspect rate', 5.01, 3],
    ['just below fail rate', 9.99, 3],
    ['equal to fail rate (≥, vector U7)', 10, 4],
    ['falling fast', -12, 4],
  ])('%s (Δ = %d in 5 min) → %i', (_label, delta, expected) => {
    expect(rateOfChangeTest(series([100, 100 + delta]), P)).toEqual([1, expected]);
  });

  it.each([
    ['first reading has no predecessor: good', series([100]), [1]],
    ['after a missing value: not flagged', series([100, null, 200]), [1, 9, 1]],
    ['after a calibration value: not flagged', series([100, [500, '01'], 100]), [1, 2, 1]],
    ['predecessor more than 30 min earlier: not flagged', at([[0, 100], [31, 200]]), [1, 1]],
    ['predecessor exactly 30 min earlier: rate over 30 min', at([[0, 100], [30, 131]]), [1, 3]],
  ] as const)('%s', (_label, s, expected) => {
    expect(rateOfChangeTest(s, P)).toEqual(expected);
  });

  it.each([
    ['suspect only', { suspectPerMinute: 1, failPerMinute: null }, [1, 3]],
    ['fail only', { suspectPerMinute: null, failPerMinute: 2 }, [1, 4]],
    ['both off', { suspectPerMinute: null, failPerMinute: null }, [1, 1]],
  ])('%s (Δ = 20 in 5 min)', (_label, t, expected) => {
    expect(rateOfChangeTest(series([100, 120]), { ...t, maxGapMinutes: 30 })).toEqual(expected);
  });
});
