import { describe, expect, it } from 'vitest';
import { affectedHourEnds, dayLabel, dayRange, hourLabel, localDayBounds, localDayKey, localDayWindows, minutesSince, parseIsoInstant, startOfLocalDay } from './index';

/** A local wall time written without offset → epoch ms. */
const vn = (local: string): number => parseIsoInstant(local)!.getTime();
const iso = (ms: number): string => new Date(ms).toISOString();

describe('startOfLocalDay and localDayKey: calendar day [00:00, 24:00) local', () => {
  it.each([
    ['local morning', '2024-05-24T03:05:00Z', '2024-05-23T17:00:00.000Z', '2024-05-24'],
    ['exactly local midnight (17:00 UTC the day before)', '2024-05-23T17:00:00Z', '2024-05-23T17:00:00.000Z', '2024-05-24'],
    ['one ms before local midnight', '2024-05-23T16:59:59.999Z', '2024-05-22T17:00:00.000Z', '2024-05-23'],
    ['late UTC evening is the next local day', '2024-05-24T20:00:00Z', '2024-05-24T17:00:00.000Z', '2024-05-25'],
    ['year change', '2023-12-31T17:30:00Z', '2023-12-31T17:00:00.000Z', '2024-01-01'],
    ['leap day', '2024-02-29T16:59:59.999Z', '2024-02-28T17:00:00.000Z', '2024-02-29'],
  ])('%s', (_label, at, start, key) => {
    expect(startOfLocalDay(new Date(at)).toISOString()).toBe(start);
    expect(localDayKey(new Date(at))).toBe(key);
  });

  it.each([
    ['today', 0, '2024-05-23T17:00:00.000Z'],
    ['29 days back', -29, '2024-04-24T17:00:00.000Z'],
    ['tomorrow', 1, '2024-05-24T17:00:00.000Z'],
  ])('addDays: %s', (_label, addDays, start) => {
    expect(startOfLocalDay(new Date('2024-05-24T03:05:00Z'), addDays).toISOString()).toBe(start);
  });
});

describe('localDayBounds: yyyy-MM-dd → [start, end)', () => {
  it.each([
    ['an ordinary day', '2024-05-24', '2024-05-23T17:00:00.000Z', '2024-05-24T17:00:00.000Z'],
    ['29 February of a leap year', '2024-02-29', '2024-02-28T17:00:00.000Z', '2024-02-29T17:00:00.000Z'],
    ['first day of 1970', '1970-01-01', '1969-12-31T17:00:00.000Z', '1970-01-01T17:00:00.000Z'],
  ])('%s', (_label, day, start, end) => {
    const b = localDayBounds(day);
    expect([b.start.toISOString(), b.end.toISOString()]).toEqual([start, end]);
    expect(localDayKey(b.start)).toBe(day);
    expect(localDayKey(new Date(b.end.getTime() - 1))).toBe(day);
  });

  it.each([['29/02/2025 as a key', '2025-02-29'], ['31 February', '2026-02-31'], ['dd/MM/yyyy', '24/05/2024'], ['no leading zero', '2024-5-24'], ['empty', '']])(
    'RangeError for %s',
    (_label, day) => {
      expect(() => localDayBounds(day)).toThrow(RangeError);
    },
  );
});

describe('localDayWindows: local days overlapping [from, to), clipped', () => {
  it('two local days, clipped at both ends', () => {
    const w = localDayWindows(new Date(vn('2024-05-24T10:00')), new Date(vn('2024-05-25T01:00')));
    expect(w.map((d) => [d.day, d.from.toISOString(), d.to.toISOString()])).toEqual([
      ['2024-05-24', '2024-05-24T03:00:00.000Z', '2024-05-24T17:00:00.000Z'],
      ['2024-05-25', '2024-05-24T17:00:00.000Z', '2024-05-24T18:00:00.000Z'],
    ]);
  });
  it.each([
    ['exactly one local day', '2024-05-24T00:00', '2024-05-25T00:00', ['2024-05-24']],
    ['an empty range', '2024-05-24T00:00', '2024-05-24T00:00', []],
    ['a range ending 1 ms into the next day', '2024-05-24T00:00', '2024-05-25T00:00:00.001', ['2024-05-24', '2024-05-25']],
  ])('%s', (_label, from, to, days) => {
    expect(localDayWindows(new Date(vn(from)), new Date(vn(to))).map((d) => d.day)).toEqual(days);
  });
});

describe('DOMAIN §5 hour labels: (h−1:00, h:00] labelled by its end', () => {
  it.each([
    ['exactly 10:00 belongs to hour 10:00', '2024-05-24T10:00', '2024-05-24T10:00'],
    ['10:00:00.001 belongs to hour 11:00', '2024-05-24T10:00:00.001', '2024-05-24T11:00'],
    ['10:05 belongs to hour 11:00', '2024-05-24T10:05', '2024-05-24T11:00'],
    ['10:59:59.999 belongs to hour 11:00', '2024-05-24T10:59:59.999', '2024-05-24T11:00'],
    ['23:55 belongs to hour 24:00 = 00:00 of the next day', '2024-05-24T23:55', '2024-05-25T00:00'],
    ['00:00 is hour 24:00 of the day before', '2024-05-25T00:00', '2024-05-24T24:00'],
  ])('%s', (_label, at, end) => {
    expect(iso(hourLabel(vn(at)))).toBe(iso(vn(end)));
  });

  it('affectedHourEnds: distinct and ascending', () => {
    const times = ['2024-05-24T12:10', '2024-05-24T10:05', '2024-05-24T10:55', '2024-05-24T11:00'].map((t) => new Date(vn(t)));
    expect(affectedHourEnds(times).map((d) => d.getTime())).toEqual([vn('2024-05-24T11:00'), vn('2024-05-24T13:00')]);
  });
});

describe('DOMAIN §5 days: day D holds (D 00:00, D+1 00:00], its hours 01:00 … 24:00', () => {
  it.each([
    ['00:00 belongs to the previous day (its 24:00)', '2024-05-25T00:00', '2024-05-24'],
    ['00:00:00.001 belongs to the new day', '2024-05-25T00:00:00.001', '2024-05-25'],
    ['00:05 local (still the previous UTC day)', '2024-05-25T00:05', '2024-05-25'],
    ['07:00 local = 00:00 UTC', '2024-05-25T07:00', '2024-05-25'],
    ['23:59 local', '2024-05-25T23:59', '2024-05-25'],
    ['new-year midnight belongs to 31 December', '2025-01-01T00:00', '2024-12-31'],
    ['leap day noon', '2024-02-29T12:00', '2024-02-29'],
  ])('%s', (_label, at, day) => {
    expect(dayLabel(vn(at))).toBe(day);
  });

  it('dayRange: after = D 00:00, through = D+1 00:00, matching dayLabel at both ends', () => {
    const r = dayRange('2024-05-24');
    expect(r).toEqual({ after: vn('2024-05-24T00:00'), through: vn('2024-05-25T00:00') });
    expect(dayLabel(r.through)).toBe('2024-05-24');
    expect(dayLabel(r.after)).toBe('2024-05-23');
    expect(dayLabel(r.after + 1)).toBe('2024-05-24');
    expect(() => dayRange('24/05/2024')).toThrow(RangeError);
  });
});

describe('minutesSince', () => {
  const now = new Date('2024-05-24T03:00:00Z');
  it.each([
    ['exactly 20 minutes', '2024-05-24T02:40:00Z', 20],
    ['floors partial minutes', '2024-05-24T02:40:30Z', 19],
    ['a Date', new Date('2024-05-24T02:00:00Z'), 60],
    ['future clamps to 0', '2024-05-24T03:05:00Z', 0],
    ['missing', null, null],
    ['not a time', 'soon', null],
  ] as const)('%s', (_label, from, expected) => {
    expect(minutesSince(from, now)).toBe(expected);
  });
});
