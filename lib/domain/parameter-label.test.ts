import { describe, expect, test } from 'vitest';
import { parameterLabel } from './parameters';

describe('parameterLabel', () => {
  test.each([
    { label: 'named parameter, Vietnamese', code: 'NH4', locale: 'vi' as const, want: 'Amoni (theo N) (NH4)' },
    { label: 'a name that is its code shows once', code: 'COD', locale: 'vi' as const, want: 'COD' },
    { label: 'unknown code as it is', code: 'XYZ', locale: 'vi' as const, want: 'XYZ' },
  ])('$label', ({ code, locale, want }) => {
    expect(parameterLabel(code, locale)).toBe(want);
  });
  test.each([{ code: 'PM25' }, { code: 'DUST' }])('$code: its name comes first, the code beside it', ({ code }) => {
    const text = parameterLabel(code, 'vi');
    expect(text.endsWith(`(${code})`)).toBe(true);
    expect(text.length).toBeGreaterThan(code.length + 3);
  });
});
