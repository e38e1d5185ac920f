import { describe, expect, it } from 'vitest';
import { computeLevel } from './level';

describe('computeLevel: > max or < min exceeds; ≥ 80 % of max approaches; invalid never counts', () => {
  it.each([
    ['well below max', 10, 100, null, 'good'],
    ['just below 80 %', 79.99, 100, null, 'good'],
    ['exactly 80 %', 80, 100, null, 'approaching'],
    ['between 80 % and max', 95, 100, null, 'approaching'],
    ['equal to max', 100, 100, null, 'approaching'],
    ['just above max', 100.01, 100, null, 'exceeding'],
    ['far above max', 1000, 100, null, 'exceeding'],
    ['pH inside 6–9', 7, 9, 6, 'good'],
    ['pH at min', 6, 9, 6, 'good'],
    ['pH just below min', 5.99, 9, 6, 'exceeding'],
    ['pH at 80 % of max is approaching', 7.2, 9, 6, 'approaching'],
    ['pH above max', 9.01, 9, 6, 'exceeding'],
    ['only a min (DO ≥ 5), above', 6, null, 5, 'good'],
    ['only a min (DO ≥ 5), below', 4.9, null, 5, 'exceeding'],
    ['no limits', 1e6, null, null, 'good'],
    ['zero max: zero is not approaching', 0, 0, null, 'good'],
  ] as const)('%s: %d (max %s, min %s) → %s', (_label, value, max, min, expected) => {
    expect(computeLevel({ value, valid: true, limitMax: max, limitMin: min })).toBe(expected);
  });

  it.each([
    ['invalid above max', 500, false],
    ['invalid within limits', 10, false],
  ])('%s → null', (_label, value, valid) => {
    expect(computeLevel({ value, valid, limitMax: 100, limitMin: null })).toBeNull();
  });

  it('non-finite values get no level', () => {
    expect(computeLevel({ value: Number.NaN, valid: true, limitMax: 100, limitMin: null })).toBeNull();
  });
});
