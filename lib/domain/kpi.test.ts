import { describe, expect, test } from 'vitest';
import { expectedSlots, kpiRates, sumCounts } from './kpi';

const day0 = new Date('2024-05-23T17:00:00.000Z'); // 24/05/2024 00:00 in Vietnam
const at = (min: number) => new Date(day0.getTime() + min * 60_000);

describe('expectedSlots', () => {
  test.each([
    { label: 'a day at 5 min', from: 0, to: 1440, active: -100, interval: 5, expected: 288 },
    { label: 'a day at 60 min', from: 0, to: 1440, active: -100, interval: 60, expected: 24 },
    { label: 'active from 18:00', from: 0, to: 1440, active: 1080, interval: 5, expected: 72 },
    { label: 'active after the range', from: 0, to: 1440, active: 2000, interval: 5, expected: 0 },
    { label: 'active exactly at from', from: 0, to: 60, active: 0, interval: 5, expected: 12 },
    { label: 'partial slot is not expected', from: 0, to: 64, active: 0, interval: 5, expected: 12 },
    { label: 'empty range', from: 60, to: 60, active: 0, interval: 5, expected: 0 },
  ])('$label → $expected', ({ from, to, active, interval, expected }) => {
    expect(expectedSlots({ from: at(from), to: at(to), activeFrom: at(active), intervalMinutes: interval })).toBe(expected);
  });
});

describe('kpiRates (threshold 0.8)', () => {
  test.each([
    { label: 'complete', c: { expected: 288, received: 288, valid: 288 }, receipt: 1, valid: 1, below: false },
    { label: 'exactly 80 % valid is not below', c: { expected: 10, received: 10, valid: 8 }, receipt: 1, valid: 0.8, below: false },
    { label: 'just below 80 % valid', c: { expected: 1000, received: 1000, valid: 799 }, receipt: 1, valid: 0.799, below: true },
    { label: 'low receipt', c: { expected: 10, received: 5, valid: 5 }, receipt: 0.5, valid: 0.5, below: true },
    { label: 'received above expected is capped', c: { expected: 10, received: 12, valid: 12 }, receipt: 1, valid: 1, below: false },
    { label: 'nothing expected', c: { expected: 0, received: 0, valid: 0 }, receipt: null, valid: null, below: false },
  ])('$label', ({ c, receipt, valid, below }) => {
    const r = kpiRates(c, 0.8);
    expect(r.receiptRate).toBe(receipt);
    expect(r.validRate).toBe(valid);
    expect(r.belowThreshold).toBe(below);
  });
  test('configurable threshold', () => {
    expect(kpiRates({ expected: 10, received: 10, valid: 9 }, 0.95).belowThreshold).toBe(true);
  });
});

describe('sumCounts', () => {
  test('a station with 6 full parameters expects 1,728 a day', () => {
    const full = { expected: 288, received: 288, valid: 288 };
    expect(sumCounts(Array.from({ length: 6 }, () => full))).toEqual({ expected: 1728, received: 1728, valid: 1728 });
  });
  test('weights by expected and caps each member', () => {
    expect(sumCounts([{ expected: 10, received: 15, valid: 15 }, { expected: 30, received: 6, valid: 3 }])).toEqual({ expected: 40, received: 16, valid: 13 });
  });
});
