import { describe, expect, it } from 'vitest';
import { affectedHourEnds, formatCompactLocalTime, hourEndingOf, localParts, parseCompactLocalTime, startOfLocalDay } from './time';

describe('parseCompactLocalTime (yyyyMMddHHmmss local UTC+7 → UTC)', () => {
  it.each([
    ['the circular example', '20240524100500', '2024-05-24T03:05:00.000Z'],
    ['local midnight is 17:00 UTC the day before', '20240101000000', '2023-12-31T17:00:00.000Z'],
    ['last second of a year', '20241231235959', '2024-12-31T16:59:59.000Z'],
    ['leap day', '20240229120000', '2024-02-29T05:00:00.000Z'],
    ['07:00 local is 00:00 UTC', '20240524070000', '2024-05-24T00:00:00.000Z'],
  ])('%s: %s → %s', (_label, text, iso) => {
    expect(parseCompactLocalTime(text)?.toISOString()).toBe(iso);
  });

  it.each([
    ['too short', '2024133'],
    ['13 digits', '2024052410050'],
    ['15 digits', '202405241005000'],
    ['month 13', '20241301000000'],
    ['month 00', '20240001000000'],
    ['day 00', '20240500000000'],
    ['30 February', '20240230000000'],
    ['29 February of a common year', '20230229000000'],
    ['hour 24', '20240524240000'],
    ['minute 60', '20240524106000'],
    ['second 60', '20240524100560'],
    ['letters', '2024O524100500'],
    ['before 1970', '19691231235959'],
    ['with separators', '2024-05-24 10:05'],
    ['empty', ''],
  ])('%s: %s → null', (_label, text) => {
    expect(parseCompactLocalTime(text)).toBeNull();
  });
});

describe('parseCompactLocalTime repeated (the last text is remembered)', () => {
  it('gives an equal but separate Date each time, and null again for the same bad text', () => {
    const a = parseCompactLocalTime('20240524103000')!;
    a.setTime(0); // a caller changing its Date must not change the next answer
    const b = parseCompactLocalTime('20240524103000')!;
    expect(b.toISOString()).toBe('2024-05-24T03:30:00.000Z');
    expect(b).not.toBe(parseCompactLocalTime('20240524103000'));
    expect(parseCompactLocalTime('20240230103000')).toBeNull();
    expect(parseCompactLocalTime('20240230103000')).toBeNull();
    expect(parseCompactLocalTime('20240524103500')!.toISOString()).toBe('2024-05-24T03:35:00.000Z');
  });
});

describe('formatCompactLocalTime and localParts', () => {
  it.each([
    ['morning', '2024-05-24T03:05:00Z', '20240524100500'],
    ['UTC evening is next local day', '2024-05-24T17:00:00Z', '20240525000000'],
    ['just before local midnight', '2024-05-24T16:59:59Z', '20240524235959'],
  ])('%s: %s → %s', (_label, iso, text) => {
    expect(formatCompactLocalTime(new Date(iso))).toBe(text);
    expect(parseCompactLocalTime(text)?.toISOString()).toBe(new Date(iso).toISOString());
  });

  it('localParts gives the Vietnamese wall clock', () => {
    expect(localParts(new Date('2024-05-24T17:30:15Z'))).toEqual({ year: 2024, month: 5, day: 25, hour: 0, minute: 30, second: 15 });
  });

  it.each([
    ['local morning', '2024-05-24T03:05:00Z', '2024-05-23T17:00:00.000Z'],
    ['exactly local midnight', '2024-05-23T17:00:00Z', '2024-05-23T17:00:00.000Z'],
    ['one ms before local midnight', '2024-05-23T16:59:59.999Z', '2024-05-22T17:00:00.000Z'],
  ])('startOfLocalDay %s', (_label, iso, expected) => {
    expect(startOfLocalDay(new Date(iso)).toISOString()).toBe(expected);
  });
});

describe('hourEndingOf: hour (h-1:00, h:00] labelled by its end', () => {
  it.each([
    ['on the hour belongs to the hour ending then', '2024-05-24T03:00:00.000Z', '2024-05-24T03:00:00.000Z'],
    ['one second past belongs to the next', '2024-05-24T03:00:01.000Z', '2024-05-24T04:00:00.000Z'],
    ['5 minutes past', '2024-05-24T03:05:00.000Z', '2024-05-24T04:00:00.000Z'],
    ['one ms before the hour', '2024-05-24T03:59:59.999Z', '2024-05-24T04:00:00.000Z'],
  ])('%s', (_label, iso, end) => {
    expect(hourEndingOf(new Date(iso)).toISOString()).toBe(end);
  });

  it('affectedHourEnds is distinct and ascending', () => {
    const ends = affectedHourEnds(['2024-05-24T05:10:00Z', '2024-05-24T03:05:00Z', '2024-05-24T03:55:00Z', '2024-05-24T04:00:00Z'].map((s) => new Date(s)));
    expect(ends.map((d) => d.toISOString())).toEqual(['2024-05-24T04:00:00.000Z', '2024-05-24T06:00:00.000Z']);
  });
});
