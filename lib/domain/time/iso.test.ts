import { describe, expect, it } from 'vitest';
import { formatIsoLocal, formatIsoLocalOrNull, isoInstant, parseIsoInstant } from './index';

describe('formatIsoLocal: local time with +07:00', () => {
  it.each([
    ['UTC morning → +07:00', '2024-05-24T03:05:00Z', '2024-05-24T10:05:00+07:00'],
    ['local midnight = 17:00 UTC the day before', '2024-05-24T17:00:00Z', '2024-05-25T00:00:00+07:00'],
    ['crosses midnight into the next local day', '2024-05-24T17:30:00Z', '2024-05-25T00:30:00+07:00'],
    ['last ms of a local day', '2024-05-24T16:59:59.999Z', '2024-05-24T23:59:59.999+07:00'],
    ['milliseconds shown when not zero', '2024-05-24T03:05:00.120Z', '2024-05-24T10:05:00.120+07:00'],
    ['year end', '2023-12-31T17:00:00Z', '2024-01-01T00:00:00+07:00'],
    ['leap day', '2024-02-28T17:00:00Z', '2024-02-29T00:00:00+07:00'],
  ])('%s', (_label, input, expected) => {
    expect(formatIsoLocal(new Date(input))).toBe(expected);
    expect(parseIsoInstant(expected)?.toISOString()).toBe(new Date(input).toISOString());
  });

  it('rejects invalid dates, keeps nulls', () => {
    expect(() => formatIsoLocal(new Date('nope'))).toThrow(RangeError);
    expect(formatIsoLocalOrNull(null)).toBeNull();
    expect(formatIsoLocalOrNull(undefined)).toBeNull();
    expect(formatIsoLocalOrNull(new Date('2024-05-24T03:05:00Z'))).toBe('2024-05-24T10:05:00+07:00');
  });
});

describe('parseIsoInstant: any offset in, none = local time', () => {
  it.each([
    ['offset +07:00', '2024-05-24T10:05:00+07:00', '2024-05-24T03:05:00.000Z'],
    ['Z', '2024-05-24T03:05:00Z', '2024-05-24T03:05:00.000Z'],
    ['lowercase z and fraction', '2024-05-24T03:05:00.25z', '2024-05-24T03:05:00.250Z'],
    ['nanosecond fraction truncated to ms', '2024-05-24T03:05:00.123456789Z', '2024-05-24T03:05:00.123Z'],
    ['negative offset without colon', '2024-05-23T22:05:00-0500', '2024-05-24T03:05:00.000Z'],
    ['hour-only offset', '2024-05-24T10:05:00+07', '2024-05-24T03:05:00.000Z'],
    ['no seconds', '2024-05-24T10:05+07:00', '2024-05-24T03:05:00.000Z'],
    ['no offset = local time', '2024-05-24T10:05:00', '2024-05-24T03:05:00.000Z'],
    ['bare date = local midnight (17:00 UTC the day before)', '2024-05-24', '2024-05-23T17:00:00.000Z'],
    ['24:00 = 00:00 of the next day', '2024-05-24T24:00:00+07:00', '2024-05-24T17:00:00.000Z'],
    ['24:00 local without offset', '2024-05-24T24:00', '2024-05-24T17:00:00.000Z'],
    ['space separator', '2024-05-24 10:05:00+07:00', '2024-05-24T03:05:00.000Z'],
    ['surrounding whitespace', ' 2024-05-24T10:05:00+07:00\n', '2024-05-24T03:05:00.000Z'],
    ['leap day', '2024-02-29T00:00', '2024-02-28T17:00:00.000Z'],
  ])('%s', (_label, input, expected) => {
    expect(parseIsoInstant(input)?.toISOString()).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['garbage', 'yesterday'],
    ['file-name time', '20240524100500'],
    ['month 13', '2024-13-01'],
    ['Feb 30', '2024-02-30'],
    ['Feb 29 in a common year', '2023-02-29'],
    ['minute 60', '2024-05-24T10:60:00Z'],
    ['24:01', '2024-05-24T24:01:00Z'],
    ['24:00:00.001', '2024-05-24T24:00:00.001Z'],
    ['bad offset', '2024-05-24T10:00:00+25:00'],
    ['dd/MM/yyyy', '24/05/2024'],
  ])('rejects %s', (_label, input) => {
    expect(parseIsoInstant(input)).toBeNull();
  });

  it('isoInstant accepts text and Dates and explains a refusal', () => {
    expect(isoInstant.parse('2024-05-24T10:05:00+07:00').toISOString()).toBe('2024-05-24T03:05:00.000Z');
    const d = new Date('2024-05-24T03:05:00Z');
    expect(isoInstant.parse(d)).toBe(d);
    const r = isoInstant.safeParse('24/05/2024');
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error)).toContain('ISO 8601');
  });
});
