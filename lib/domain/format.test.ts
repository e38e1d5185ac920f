import { describe, expect, test } from 'vitest';
import { formatNumber, formatPercent } from './format';

describe('formatNumber', () => {
  test.each([
    { label: 'decimal comma (vi)', value: 45.3, decimals: 2, locale: 'vi', expected: '45,30' },
    { label: 'thousands dot (vi)', value: 1234567.891, decimals: 1, locale: 'vi', expected: '1.234.567,9' },
    { label: 'english separators', value: 1234567.891, decimals: 1, locale: 'en', expected: '1,234,567.9' },
    { label: 'no decimals', value: 288, decimals: 0, locale: 'vi', expected: '288' },
    { label: 'rounds to nearest', value: 7.125, decimals: 1, locale: 'vi', expected: '7,1' },
    { label: 'negative', value: -12.5, decimals: 1, locale: 'vi', expected: '-12,5' },
    { label: 'negative rounding to zero', value: -0.04, decimals: 1, locale: 'vi', expected: '0,0' },
    { label: 'zero', value: 0, decimals: 2, locale: 'vi', expected: '0,00' },
    { label: 'exactly 1000', value: 1000, decimals: 0, locale: 'vi', expected: '1.000' },
    { label: '999 has no separator', value: 999, decimals: 0, locale: 'vi', expected: '999' },
    { label: 'null', value: null, decimals: 2, locale: 'vi', expected: '—' },
    { label: 'NaN', value: Number.NaN, decimals: 2, locale: 'vi', expected: '—' },
    { label: 'infinity', value: Number.POSITIVE_INFINITY, decimals: 2, locale: 'vi', expected: '—' },
  ] as const)('$label: $value → $expected', ({ value, decimals, locale, expected }) => {
    expect(formatNumber(value, decimals, locale)).toBe(expected);
  });
});

describe('formatPercent', () => {
  test.each([
    { ratio: 0.875, locale: 'vi', expected: '87,5 %' },
    { ratio: 1, locale: 'en', expected: '100.0 %' },
    { ratio: 0, locale: 'vi', expected: '0,0 %' },
    { ratio: null, locale: 'vi', expected: '—' },
  ] as const)('$ratio → $expected', ({ ratio, locale, expected }) => {
    expect(formatPercent(ratio, locale)).toBe(expected);
  });
});
