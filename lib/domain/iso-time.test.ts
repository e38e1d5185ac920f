import { describe, expect, it } from 'vitest';
import { formatIsoLocal, formatIsoLocalOrNull, formatLocalDate, parseIsoInstant } from './iso-time';

describe('formatIsoLocal', () => {
  it.each([
    ['UTC morning → +07:00', '2024-05-24T03:05:00Z', '2024-05-24T10:05:00+07:00'],
    ['crosses midnight into the next local day', '2024-05-24T17:30:00Z', '2024-05-25T00:30:00+07:00'],
    ['last ms of a local day', '2024-05-24T16:59:59.999Z', '2024-05-24T23:59:59.999+07:00'],
    ['milliseconds shown when not zero', '2024-05-24T03:05:00.120Z', '2024-05-24T10:05:00.120+07:00'],
    ['year end', '2023-12-31T17:00:00Z', '2024-01-01T00:00:00+07:00'],
    ['leap day', '2024-02-28T17:00:00Z', '2024-02-29T00:00:00+07:00'],
  ])('%s', (_label, input, expected) => {
    expect(formatIsoLocal(new Date(input))).toBe(expected);
  });

  it('uses other offsets when asked', () => {
    expect(formatIsoLocal(new Date('2024-05-24T03:05:00Z'), 0)).toBe('2024-05-24T03:05:00+00:00');
    expect(formatIsoLocal(new Date('2024-05-24T03:05:00Z'), -150)).toBe('2024-05-24T00:35:00-02:30');
  });

  it('round-trips through Date parsing', () => {
    const d = new Date('2024-05-24T03:05:07.5Z');
    expect(new Date(formatIsoLocal(d)).getTime()).toBe(d.getTime());
  });

  it('rejects invalid dates, keeps nulls', () => {
    expect(() => formatIsoLocal(new Date('nope'))).toThrow(RangeError);
    expect(formatIsoLocalOrNull(null)).toBeNull();
    expect(formatIsoLocalOrNull(undefined)).toBeNull();
  });

  it('local date', () => {
    expect(formatLocalDate(new Date('2024-05-24T16:59:59Z'))).toBe('2024-05-24');
    expect(formatLocalDate(new Date('2024-05-24T17:00:00Z'))).toBe('2024-05-25');
  });
});

describe('parseIsoInstant', () => {
  it.each([
    ['offset +07:00', '2024-05-24T10:05:00+07:00', '2024-05-24T03:05:00.000Z'],
    ['Z', '2024-05-24T03:05:00Z', '2024-05-24T03:05:00.000Z'],
    ['lowercase z and fraction', '2024-05-24T03:05:00.25z', '2024-05-24T03:05:00.250Z'],
    ['negative offset without colon', '2024-05-23T22:05:00-0500', '2024-05-24T03:05:00.000Z'],
    ['hour-only offset', '2024-05-24T10:05:00+07', '2024-05-24T03:05:00.000Z'],
    ['no seconds', '2024-05-24T10:05+07:00', '2024-05-24T03:05:00.000Z'],
    ['no offset = local time', '2024-05-24T10:05:00', '2024-05-24T03:05:00.000Z'],
    ['bare date = local midnight', '2024-05-24', '2024-05-23T17:00:00.000Z'],
    ['24:00 = next midnight', '2024-05-24T24:00:00+07:00', '2024-05-24T17:00:00.000Z'],
    ['space separator', '2024-05-24 10:05:00+07:00', '2024-05-24T03:05:00.000Z'],
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
    ['bad offset', '2024-05-24T10:00:00+25:00'],
  ])('rejects %s', (_label, input) => {
    expect(parseIsoInstant(input)).toBeNull();
  });
});
