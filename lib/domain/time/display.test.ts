import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDayKey, formatTime, parseLocalDate } from './index';

describe('display in local time (dd/MM/yyyy, 24 h)', () => {
  it.each([
    ['morning', '2024-05-24T03:05:09Z', '24/05/2024', '10:05', '24/05/2024 10:05', '24/05/2024 10:05:09'],
    ['local midnight = 17:00 UTC the day before', '2024-05-24T17:00:00Z', '25/05/2024', '00:00', '25/05/2024 00:00', '25/05/2024 00:00:00'],
    ['one minute before local midnight', '2024-05-24T16:59:00Z', '24/05/2024', '23:59', '24/05/2024 23:59', '24/05/2024 23:59:00'],
    ['year change', '2023-12-31T17:30:00Z', '01/01/2024', '00:30', '01/01/2024 00:30', '01/01/2024 00:30:00'],
  ])('%s', (_label, at, date, time, dateTime, withSeconds) => {
    for (const value of [at, new Date(at), Date.parse(at)]) {
      expect(formatDate(value)).toBe(date);
      expect(formatTime(value)).toBe(time);
      expect(formatDateTime(value)).toBe(dateTime);
      expect(formatDateTime(value, { seconds: true })).toBe(withSeconds);
    }
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['invalid text', 'not a date'],
    ['invalid Date', new Date(Number.NaN)],
  ])('%s → —', (_label, value) => {
    expect([formatDate(value), formatTime(value), formatDateTime(value)]).toEqual(['—', '—', '—']);
  });

  it.each([
    ['a day key', '2024-05-24', '24/05/2024'],
    ['null', null, '—'],
    ['not a key', '24/05/2024', '—'],
  ])('formatDayKey: %s', (_label, day, expected) => {
    expect(formatDayKey(day)).toBe(expected);
  });
});

describe('parseLocalDate: typed dates → start of the local day', () => {
  it.each([
    ['dd/MM/yyyy', '24/05/2024', '2024-05-23T17:00:00.000Z'],
    ['without leading zeros', '1/5/2024', '2024-04-30T17:00:00.000Z'],
    ['with leading zeros', '01/05/2024', '2024-04-30T17:00:00.000Z'],
    ['yyyy-MM-dd', '2024-05-24', '2024-05-23T17:00:00.000Z'],
    ['surrounding spaces', '  24/05/2024 ', '2024-05-23T17:00:00.000Z'],
    ['surrounding tab and newline', '\t2024-05-24\n', '2024-05-23T17:00:00.000Z'],
    ['29/02 of a leap year', '29/02/2024', '2024-02-28T17:00:00.000Z'],
    ['first day of the range', '01/01/1970', '1969-12-31T17:00:00.000Z'],
    ['last day of the range', '31/12/9999', '9999-12-30T17:00:00.000Z'],
    ['31 December', '31/12/2025', '2025-12-30T17:00:00.000Z'],
  ])('%s: %s', (_label, text, expected) => {
    expect(parseLocalDate(text)?.toISOString()).toBe(expected);
  });

  it.each([
    ['31 February', '31/02/2026'],
    ['29/02 of a common year', '29/02/2025'],
    ['29/02 of 2100 (not a leap year)', '29/02/2100'],
    ['31 April', '31/04/2026'],
    ['day 0', '00/05/2026'],
    ['month 0', '01/00/2026'],
    ['month 13', '01/13/2026'],
    ['three-digit day', '001/05/2026'],
    ['two-digit year', '01/05/26'],
    ['five-digit year', '01/05/20260'],
    ['before 1970', '31/12/1969'],
    ['yyyy-MM-dd without leading zeros', '2026-5-1'],
    ['yyyy-MM-dd impossible', '2025-02-29'],
    ['dashes in dd-MM-yyyy', '24-05-2024'],
    ['with a time', '24/05/2024 10:00'],
    ['inner space', '24/ 05/2024'],
    ['empty', ''],
    ['blank', '   '],
    ['null', null],
    ['undefined', undefined],
  ])('%s: %s → null', (_label, text) => {
    expect(parseLocalDate(text)).toBeNull();
  });

  it('round-trips with formatDate and formatDayKey', () => {
    for (const text of ['01/01/2024', '29/02/2024', '31/12/2025']) expect(formatDate(parseLocalDate(text))).toBe(text);
    expect(formatDayKey('2024-02-29')).toBe(formatDate(parseLocalDate('2024-02-29')));
  });
});
