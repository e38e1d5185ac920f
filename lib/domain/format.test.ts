import { describe, expect, test } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatPercent, formatTime, localDayKey, minutesSince, startOfLocalDay } from './format';

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

describe('dates in Asia/Ho_Chi_Minh (UTC+7, no DST)', () => {
  test.each([
    { label: 'morning', iso: '2024-05-24T03:05:00Z', date: '24/05/2024', time: '10:05', dateTime: '24/05/2024 10:05', day: '2024-05-24' },
    { label: 'UTC evening is next local day', iso: '2024-05-24T17:00:00Z', date: '25/05/2024', time: '00:00', dateTime: '25/05/2024 00:00', day: '2024-05-25' },
    { label: 'one minute before local midnight', iso: '2024-05-24T16:59:00Z', date: '24/05/2024', time: '23:59', dateTime: '24/05/2024 23:59', day: '2024-05-24' },
    { label: 'year change', iso: '2023-12-31T17:30:00Z', date: '01/01/2024', time: '00:30', dateTime: '01/01/2024 00:30', day: '2024-01-01' },
  ])('$label', ({ iso, date, time, dateTime, day }) => {
    expect(formatDate(iso)).toBe(date);
    expect(formatTime(iso)).toBe(time);
    expect(formatDateTime(new Date(iso))).toBe(dateTime);
    expect(localDayKey(new Date(iso))).toBe(day);
  });

  test.each([
    { label: 'null', value: null },
    { label: 'undefined', value: undefined },
    { label: 'invalid string', value: 'not a date' },
  ])('$label → —', ({ value }) => {
    expect(formatDateTime(value)).toBe('—');
    expect(formatDate(value)).toBe('—');
  });

  test('another zone can be passed', () => {
    expect(formatDateTime('2024-05-24T03:05:00Z', 'UTC')).toBe('24/05/2024 03:05');
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

describe('minutesSince', () => {
  const now = new Date('2024-05-24T03:00:00Z');
  test.each([
    { label: 'exactly 20 minutes', from: '2024-05-24T02:40:00Z', expected: 20 },
    { label: 'floors partial minutes', from: '2024-05-24T02:40:30Z', expected: 19 },
    { label: 'future clamps to 0', from: '2024-05-24T03:05:00Z', expected: 0 },
    { label: 'missing', from: null, expected: null },
  ])('$label', ({ from, expected }) => {
    expect(minutesSince(from, now)).toBe(expected);
  });
});

describe('startOfLocalDay (Asia/Ho_Chi_Minh)', () => {
  test.each([
    { label: 'mid-morning', at: '2024-05-24T03:05:00Z', expected: '2024-05-23T17:00:00.000Z' },
    { label: 'exactly local midnight', at: '2024-05-23T17:00:00Z', expected: '2024-05-23T17:00:00.000Z' },
    { label: 'one ms before local midnight', at: '2024-05-23T16:59:59.999Z', expected: '2024-05-22T17:00:00.000Z' },
    { label: 'late UTC evening is the next local day', at: '2024-05-24T20:00:00Z', expected: '2024-05-24T17:00:00.000Z' },
  ])('$label', ({ at, expected }) => {
    expect(startOfLocalDay(new Date(at)).toISOString()).toBe(expected);
  });
});
