import { describe, expect, it } from 'vitest';
import { formatBounds, formatCoefficients, formatLimitValue } from './format';

describe('limits admin display formats (dd/MM/yyyy, decimal comma)', () => {
  it.each([
    [7.5, 'vi', '7,5'],
    [148.5, 'en', '148.5'],
    [1000, 'vi', '1.000'],
    [0.12345, 'vi', '0,1235'],
    [null, 'vi', '—'],
  ] as const)('formatLimitValue(%s, %s) = %s', (v, locale, out) => expect(formatLimitValue(v, locale)).toBe(out));

  it.each([
    [6, 9, '6 – 9'],
    [null, 75, '≤ 75'],
    [4, null, '≥ 4'],
    [null, null, '—'],
  ])('formatBounds(%s, %s) = %s', (min, max, out) => expect(formatBounds(min, max, 'vi')).toBe(out));

  it('formats coefficients', () => {
    expect(formatCoefficients({ kq: 0.9, kf: 1.1 }, 'vi')).toBe('Kq 0,9 × Kf 1,1');
    expect(formatCoefficients({}, 'vi')).toBe('');
  });
});
