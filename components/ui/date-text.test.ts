import { describe, expect, test } from 'vitest';
import { DAY_TEXT_PATTERN, DAY_TIME_TEXT_PATTERN, formValueToText, textToFormValue } from './date-text';

describe('textToFormValue', () => {
  test.each([
    { label: 'day', text: '07/12/2026', time: false, want: '2026-12-07' },
    { label: 'day without zeros', text: '7/1/2026', time: false, want: '2026-01-07' },
    { label: 'day, spaces around', text: ' 07/12/2026 ', time: false, want: '2026-12-07' },
    { label: '29 February of a leap year', text: '29/02/2028', time: false, want: '2028-02-29' },
    { label: '29 February of another year', text: '29/02/2026', time: false, want: null },
    { label: 'month 13', text: '01/13/2026', time: false, want: null },
    { label: 'US order is not read as dd/MM', text: '12/31/2026', time: false, want: null },
    { label: 'ISO text is not dd/MM/yyyy', text: '2026-12-07', time: false, want: null },
    { label: 'day and time', text: '02/01/2030 08:00', time: true, want: '2030-01-02T08:00' },
    { label: 'day, comma, time', text: '2/1/2030, 8:05', time: true, want: '2030-01-02T08:05' },
    { label: 'hour 24', text: '02/01/2030 24:00', time: true, want: null },
    { label: 'time missing', text: '02/01/2030', time: true, want: null },
    { label: 'empty', text: '', time: false, want: null },
  ])('$label', ({ text, time, want }) => {
    expect(textToFormValue(text, time)).toBe(want);
  });
});

describe('formValueToText', () => {
  test.each([
    { label: 'day', value: '2026-12-07', want: '07/12/2026' },
    { label: 'day and time', value: '2030-01-02T08:00', want: '02/01/2030 08:00' },
    { label: 'empty', value: '', want: '' },
    { label: 'undefined', value: undefined, want: '' },
    { label: 'not a date', value: 'abc', want: '' },
  ])('$label', ({ value, want }) => {
    expect(formValueToText(value)).toBe(want);
  });
});

describe('patterns (the browser check) accept what the parser reads', () => {
  test.each([
    { text: '07/12/2026', time: false, ok: true },
    { text: '12/31/2026x', time: false, ok: false },
    { text: '02/01/2030 08:00', time: true, ok: true },
    { text: '02/01/2030', time: true, ok: false },
  ])('$text', ({ text, time, ok }) => {
    expect(new RegExp(`^(?:${time ? DAY_TIME_TEXT_PATTERN : DAY_TEXT_PATTERN})$`).test(text)).toBe(ok);
  });
});
