import { describe, expect, it } from 'vitest';
import { formatCompactLocalTime, parseCompactLocalTime } from './index';

describe('parseCompactLocalTime (yyyyMMddHHmmss local UTC+7 → UTC)', () => {
  it.each([
    ['the circular example', '20240524100500', '2024-05-24T03:05:00.000Z'],
    ['local midnight is 17:00 UTC the day before', '20240101000000', '2023-12-31T17:00:00.000Z'],
    ['last second of a year', '20241231235959', '2024-12-31T16:59:59.000Z'],
    ['leap day', '20240229120000', '2024-02-29T05:00:00.000Z'],
    ['07:00 local is 00:00 UTC', '20240524070000', '2024-05-24T00:00:00.000Z'],
    ['first second of 1970', '19700101000000', '1969-12-31T17:00:00.000Z'],
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
    ['surrounding space', ' 20240524100500'],
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

describe('formatCompactLocalTime', () => {
  it.each([
    ['morning', '2024-05-24T03:05:00Z', '20240524100500'],
    ['UTC evening is next local day', '2024-05-24T17:00:00Z', '20240525000000'],
    ['just before local midnight', '2024-05-24T16:59:59Z', '20240524235959'],
    ['milliseconds dropped', '2024-05-24T16:59:59.999Z', '20240524235959'],
  ])('%s: %s → %s', (_label, iso, text) => {
    expect(formatCompactLocalTime(new Date(iso))).toBe(text);
    expect(parseCompactLocalTime(text)?.toISOString()).toBe(new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString());
  });
});
