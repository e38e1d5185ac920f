import { describe, expect, it } from 'vitest';
import { booleanArrayLiteral, numberArrayLiteral, textArrayLiteral } from './pg-arrays';

describe('numberArrayLiteral', () => {
  it.each([
    [[], '{}'],
    [[1], '{1}'],
    [[1, 2.5, -3], '{1,2.5,-3}'],
    [[1e-7, 1e21], '{1e-7,1e+21}'],
    [[null, undefined, 0], '{NULL,NULL,0}'],
    [[Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY], '{NaN,Infinity,-Infinity}'],
    [[1732780800000], '{1732780800000}'],
  ] as const)('%j → %s', (xs, literal) => {
    expect(numberArrayLiteral(xs)).toBe(literal);
  });
});

describe('booleanArrayLiteral', () => {
  it.each([
    [[], '{}'],
    [[true, false], '{t,f}'],
    [[null, true], '{NULL,t}'],
  ] as const)('%j → %s', (xs, literal) => {
    expect(booleanArrayLiteral(xs)).toBe(literal);
  });
});

describe('textArrayLiteral', () => {
  it.each([
    [[], '{}'],
    [['COD', 'PM2,5'], '{"COD","PM2,5"}'],
    [['', 'NULL', null], '{"","NULL",NULL}'],
    [['a"b', 'c\\d', '{x}', ' sp '], '{"a\\"b","c\\\\d","{x}"," sp "}'],
    [['Nhiệt độ'], '{"Nhiệt độ"}'],
  ] as const)('%j → %s', (xs, literal) => {
    expect(textArrayLiteral(xs)).toBe(literal);
  });
});
