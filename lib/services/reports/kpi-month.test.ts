import { describe, expect, it } from 'vitest';
import { dueReportMonth, formatMonthKey, monthOf, monthWindow, parseMonthInput, previousMonth } from './kpi-month';

describe('parseMonthInput', () => {
  it.each([
    ['2024-05', '2024-05'],
    ['05/2024', '2024-05'],
    ['5/2024', '2024-05'],
    [' 2024-5 ', '2024-05'],
    ['12/2024', '2024-12'],
    ['13/2024', null],
    ['00/2024', null],
    ['2024-13', null],
    ['1999-12', null],
    ['2024/05', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(parseMonthInput(input)).toBe(expected);
  });
});

describe('month windows (+07:00)', () => {
  it.each([
    ['2024-05', '2024-04-30T17:00:00.000Z', '2024-05-31T17:00:00.000Z', '2024-06-01', 31],
    ['2024-02', '2024-01-31T17:00:00.000Z', '2024-02-29T17:00:00.000Z', '2024-03-01', 29],
    ['2024-12', '2024-11-30T17:00:00.000Z', '2024-12-31T17:00:00.000Z', '2025-01-01', 31],
  ])('%s', (month, from, to, toDay, days) => {
    const w = monthWindow(month);
    expect(w.from.toISOString()).toBe(from);
    expect(w.to.toISOString()).toBe(to);
    expect(w.fromDay).toBe(`${month}-01`);
    expect(w.toDay).toBe(toDay);
    expect(w.days).toBe(days);
  });

  it('monthOf uses local time; previousMonth wraps the year; formatMonthKey is MM/yyyy', () => {
    expect(monthOf(new Date('2024-05-31T16:59:59Z'))).toBe('2024-05');
    expect(monthOf(new Date('2024-05-31T17:00:00Z'))).toBe('2024-06');
    expect(previousMonth('2024-01')).toBe('2023-12');
    expect(previousMonth('2024-10')).toBe('2024-09');
    expect(formatMonthKey('2024-05')).toBe('05/2024');
  });
});

describe('dueReportMonth (day 1, 07:00 local by default)', () => {
  it.each([
    ['06:59 local on the 1st', '2024-05-31T23:59:00Z', 1, 7, null],
    ['exactly 07:00 local on the 1st', '2024-06-01T00:00:00Z', 1, 7, '2024-05'],
    ['later in the month', '2024-06-20T10:00:00Z', 1, 7, '2024-05'],
    ['January sends December', '2024-01-01T03:00:00Z', 1, 7, '2023-12'],
    ['configured day 5, on the 4th', '2024-06-04T12:00:00Z', 5, 7, null],
    ['configured day 5, on the 5th at 08:00 local', '2024-06-05T01:00:00Z', 5, 8, '2024-05'],
    ['configured day 5, on the 5th at 07:59 local', '2024-06-05T00:59:00Z', 5, 8, null],
    ['last day of the month at 23:30 UTC is already next month locally', '2024-05-31T23:30:00Z', 1, 0, '2024-05'],
  ])('%s', (_label, now, day, hour, expected) => {
    expect(dueReportMonth(new Date(now), day, hour)).toBe(expected);
  });
});
