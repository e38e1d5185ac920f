import { describe, expect, it } from 'vitest';
import { DAY_MS, fromLocalParts, HOUR_MS, LOCAL_OFFSET_MINUTES, localParts } from './index';

describe('the offset: fixed UTC+7', () => {
  it('is 420 minutes, whole hours', () => {
    expect(LOCAL_OFFSET_MINUTES).toBe(420);
    expect((LOCAL_OFFSET_MINUTES * 60_000) % HOUR_MS).toBe(0);
    expect(DAY_MS).toBe(86_400_000);
  });
});

describe('localParts ↔ fromLocalParts', () => {
  it.each([
    ['local midnight is 17:00 UTC the day before', '2024-05-23T17:00:00.000Z', { year: 2024, month: 5, day: 24, hour: 0, minute: 0, second: 0, millisecond: 0, weekday: 5 }],
    ['one ms before local midnight', '2024-05-23T16:59:59.999Z', { year: 2024, month: 5, day: 23, hour: 23, minute: 59, second: 59, millisecond: 999, weekday: 4 }],
    ['07:00 local is 00:00 UTC', '2024-05-24T00:00:00.000Z', { year: 2024, month: 5, day: 24, hour: 7, minute: 0, second: 0, millisecond: 0, weekday: 5 }],
    ['UTC new year evening is already 1 January', '2024-12-31T17:30:15.000Z', { year: 2025, month: 1, day: 1, hour: 0, minute: 30, second: 15, millisecond: 0, weekday: 3 }],
    ['leap day', '2024-02-29T05:00:00.000Z', { year: 2024, month: 2, day: 29, hour: 12, minute: 0, second: 0, millisecond: 0, weekday: 4 }],
  ])('%s', (_label, iso, parts) => {
    expect(localParts(new Date(iso))).toEqual(parts);
    expect(fromLocalParts(parts).toISOString()).toBe(iso);
  });

  it('optional fields default to 0 and overflow rolls over (24:00 = 00:00 of the next day)', () => {
    expect(fromLocalParts({ year: 2024, month: 5, day: 24 }).toISOString()).toBe('2024-05-23T17:00:00.000Z');
    expect(fromLocalParts({ year: 2024, month: 5, day: 24, hour: 24 }).toISOString()).toBe('2024-05-24T17:00:00.000Z');
  });
});
