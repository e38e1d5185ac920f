import { describe, expect, it } from 'vitest';
import { correctToReferenceO2 } from './oxygen-correction';

describe('correctToReferenceO2: corrected below 20 % O2; at or above 20 % or invalid O2 the measured value is kept, marked', () => {
  it.each([
    ['DOMAIN example: 100 at 12 % → 6 %', 100, 12, 6, 166.67],
    ['same O2 as reference: unchanged', 100, 6, 6, 100],
    ['O2 below the reference lowers the value', 100, 3, 6, 83.33],
    ['gas turbine reference 15 %', 50, 16, 15, 60],
    ['O2 19.99 %: still corrected', 100, 19.99, 6, 1485.15],
    ['O2 0 %', 100, 0, 6, 71.43],
    ['zero concentration stays zero', 0, 12, 6, 0],
  ] as const)('%s', (_label, c, o2, ref, expected) => {
    const r = correctToReferenceO2(c, o2, ref);
    expect(r.corrected).toBe(true);
    expect(r.reason).toBeUndefined();
    expect(r.value).toBeCloseTo(expected, 2);
  });

  it.each([
    ['O2 exactly 20 %', 20, 'o2_too_high'],
    ['O2 20.5 %', 20.5, 'o2_too_high'],
    ['O2 21 % (air)', 21, 'o2_too_high'],
    ['O2 above 21 %', 21.5, 'o2_invalid'],
    ['O2 negative', -0.1, 'o2_invalid'],
    ['O2 missing (null)', null, 'o2_invalid'],
    ['O2 undefined', undefined, 'o2_invalid'],
    ['O2 NaN', Number.NaN, 'o2_invalid'],
  ] as const)('%s → measured value, %s', (_label, o2, reason) => {
    expect(correctToReferenceO2(123.4, o2, 6)).toEqual({ value: 123.4, corrected: false, reason });
  });

  it.each([
    ['reference 21 %', 21],
    ['reference negative', -1],
    ['reference NaN', Number.NaN],
  ])('%s → throws (configuration error)', (_label, ref) => {
    expect(() => correctToReferenceO2(100, 12, ref)).toThrow(RangeError);
  });
});
