import { describe, expect, it } from 'vitest';
import { at, series } from './series.test-support';
import { spikeTest } from './spike';

// COD defaults: suspect 100, fail 300 (value units); neighbours 50 and 50, so diff = |x − 50|.
const COD = { suspectThreshold: 100, failThreshold: 300, maxGapMinutes: 30 };

describe('spikeTest ("average" method), middle point of [50, x, 50]', () => {
  it.each([
    ['no change', 50, 1],
    ['diff equals suspect threshold (strict >)', 150, 1],
    ['diff just above suspect', 150.01, 3],
    ['diff equals fail threshold', 350, 3],
    ['diff just above fail', 350.01, 4],
    ['negative spike above fail', -250.01, 4],
  ])('%s (x = %d) → %i', (_label, x, expected) => {
    expect(spikeTest(series([50, x, 50]), COD)).toEqual([2, expected, 2]);
  });
});

describe('spikeTest: what is not evaluated', () => {
  it.each([
    ['first and newest reading await neighbours (a spike also disturbs its neighbour)', series([50, 500, 50, 50]), [2, 4, 3, 2]],
    ['single reading', series([50]), [2]],
    ['missing value is missing; its neighbours not evaluated', series([50, 50, null, 50, 50]), [2, 2, 9, 2, 2]],
    ['calibration value is left out and counts as a missing neighbour', series([50, 50, [900, '01'], 50, 50]), [2, 2, 2, 2, 2]],
    ['neighbour 35 min away counts as missing', at([[0, 50], [5, 50], [40, 50], [45, 50]]), [2, 2, 2, 2]],
    ['neighbour exactly 30 min away is used', at([[0, 50], [30, 500], [60, 50]]), [2, 4, 2]],
  ] as const)('%s', (_label, s, expected) => {
    expect(spikeTest(s, COD)).toEqual(expected);
  });

  it.each([
    ['suspect 0 disables suspect only', { suspectThreshold: 0, failThreshold: 300 }, [2, 1, 2]],
    ['fail 0 disables fail only', { suspectThreshold: 100, failThreshold: 0 }, [2, 3, 2]],
    ['both 0: every evaluated point passes', { suspectThreshold: 0, failThreshold: 0 }, [2, 1, 2]],
  ])('%s', (_label, t, expected) => {
    expect(spikeTest(series([50, 200, 50]), { ...t, maxGapMinutes: 30 })).toEqual(expected);
  });
});
