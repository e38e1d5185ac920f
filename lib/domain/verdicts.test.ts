import { describe, expect, it } from 'vitest';
import { complianceVerdict, earlyWarningLevel, instantExceedance, violatedBound } from './verdicts';

describe('complianceVerdict: a complete mean above max or below min exceeds; equal complies; incomplete decides nothing', () => {
  it.each([
    ['just below max', 74.99, true, { max: 75 }, 'compliant'],
    ['equal to max', 75, true, { max: 75 }, 'compliant'],
    ['just above max', 75.01, true, { max: 75 }, 'exceeding'],
    ['above max but incomplete', 200, false, { max: 75 }, 'insufficient_data'],
    ['no mean', null, true, { max: 75 }, 'insufficient_data'],
    ['NaN mean', Number.NaN, true, { max: 75 }, 'insufficient_data'],
    ['no bounds', 10, true, {}, 'insufficient_data'],
    ['pH equal to min 6', 6, true, { min: 6, max: 9 }, 'compliant'],
    ['pH 5.99 below min', 5.99, true, { min: 6, max: 9 }, 'exceeding'],
    ['pH 9.01 above max', 9.01, true, { min: 6, max: 9 }, 'exceeding'],
    ['DO 3.9 below min only', 3.9, true, { min: 4 }, 'exceeding'],
    ['DO 4 equal to min', 4, true, { min: 4, max: null }, 'compliant'],
  ] as const)('%s → %s', (_label, mean, complete, bounds, expected) => {
    expect(complianceVerdict({ mean, complete, bounds })).toBe(expected);
  });
});

describe('earlyWarningLevel: ≥ 80 % of max approaches; ranges approach within 20 % of the width of either edge', () => {
  it.each([
    ['79.9 % of max', 79.9, true, { max: 100 }, 'good'],
    ['exactly 80 % of max', 80, true, { max: 100 }, 'approaching'],
    ['equal to max', 100, true, { max: 100 }, 'approaching'],
    ['above max', 100.01, true, { max: 100 }, 'exceeding'],
    ['invalid value', 500, false, { max: 100 }, null],
    ['no limit', 500, true, {}, 'good'],
    ['max 0 never approaches', 0, true, { max: 0 }, 'good'],
    ['pH 7.5 in 6–9', 7.5, true, { min: 6, max: 9 }, 'good'],
    ['pH 8.4 in 6–9 (edge of the margin)', 8.4, true, { min: 6, max: 9 }, 'approaching'],
    ['pH 8.39 in 6–9', 8.39, true, { min: 6, max: 9 }, 'good'],
    ['pH 6.6 in 6–9', 6.6, true, { min: 6, max: 9 }, 'approaching'],
    ['pH 6.61 in 6–9', 6.61, true, { min: 6, max: 9 }, 'good'],
    ['pH 5.9 below min', 5.9, true, { min: 6, max: 9 }, 'exceeding'],
    ['DO 7.5 with min 6 (min = 80 % of value)', 7.5, true, { min: 6 }, 'approaching'],
    ['DO 7.6 with min 6', 7.6, true, { min: 6 }, 'good'],
    ['DO 5.9 below min 6', 5.9, true, { min: 6 }, 'exceeding'],
  ] as const)('%s → %s', (_label, value, valid, bounds, expected) => {
    expect(earlyWarningLevel({ value, valid, bounds })).toBe(expected);
  });

  it('the ratio is configurable', () => {
    expect(earlyWarningLevel({ value: 89, valid: true, bounds: { max: 100 }, ratio: 0.9 })).toBe('good');
    expect(earlyWarningLevel({ value: 90, valid: true, bounds: { max: 100 }, ratio: 0.9 })).toBe('approaching');
  });
});

const v = (value: number, valid = true) => ({ value, valid });

describe('instantExceedance: the last N valid values all exceed (default 3); invalid values are skipped', () => {
  it.each([
    ['three above', [v(101), v(102), v(103)], 3, true],
    ['two above only', [v(50), v(101), v(102)], 3, false],
    ['third equal to the limit', [v(101), v(102), v(100)], 3, false],
    ['invalid in between is skipped', [v(101), v(500, false), v(102), v(103)], 3, true],
    ['newest invalid → cannot tell', [v(101), v(102), v(103), v(500, false)], 3, null],
    ['fewer than N valid, newest above → cannot tell yet', [v(101), v(102)], 3, null],
    ['fewer than N valid, newest within → false', [v(101), v(99)], 3, false],
    ['N = 1', [v(101)], 1, true],
    ['N = 5 with four above', [v(50), v(101), v(101), v(101), v(101)], 5, false],
    ['empty', [], 3, null],
  ] as const)('%s → %s', (_label, values, n, expected) => {
    expect(instantExceedance(values, { max: 100 }, n)).toBe(expected);
  });

  it('a lower bound counts too (DO below min)', () => {
    expect(instantExceedance([v(3), v(3.5), v(3.9)], { min: 4 }, 3)).toBe(true);
  });
});

describe('violatedBound: max first, then min', () => {
  it.each([
    [10, { max: 9, min: 6 }, 9],
    [5, { max: 9, min: 6 }, 6],
    [7, { max: 9, min: 6 }, null],
  ] as const)('%s → %s', (value, bounds, expected) => {
    expect(violatedBound(value, bounds)).toBe(expected);
  });
});
