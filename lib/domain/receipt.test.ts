import { describe, expect, test } from 'vitest';
import { buildSlotCalendar, classifySlot, expectedReadings, expectedSlots, isBelowThreshold, receiptRate, summariseSlots } from './receipt';

const MIN = 60_000;
const day0 = Date.parse('2024-05-23T17:00:00.000Z'); // 24/05/2024 00:00 in Vietnam

describe('expectedSlots', () => {
  test.each([
    { interval: 5, expected: 288 },
    { interval: 1, expected: 1440 },
    { interval: 60, expected: 24 },
    { interval: 7, expected: 206 },
  ])('a day at $interval min → $expected slots', ({ interval, expected }) => {
    expect(expectedSlots(day0, day0 + 1440 * MIN, interval)).toHaveLength(expected);
  });
});

describe('classifySlot (interval 5 + grace 15: allowance 20 min)', () => {
  const slot = day0 + 600 * MIN;
  test.each([
    { label: 'received at once', recv: slot + MIN, now: slot + 100 * MIN, expected: 'received' },
    { label: 'received exactly at the allowance', recv: slot + 20 * MIN, now: slot + 100 * MIN, expected: 'received' },
    { label: 'received 1 ms after the allowance', recv: slot + 20 * MIN + 1, now: slot + 100 * MIN, expected: 'late' },
    { label: 'nothing, allowance over', recv: null, now: slot + 20 * MIN, expected: 'missing' },
    { label: 'nothing, still within allowance', recv: null, now: slot + 19 * MIN, expected: 'future' },
    { label: 'slot in the future', recv: null, now: slot - MIN, expected: 'future' },
    { label: 'value with no arrival time (loaded history), long ago', recv: 'unrecorded' as const, now: slot + 10_000 * MIN, expected: 'received' },
    { label: 'value with no arrival time, within allowance', recv: 'unrecorded' as const, now: slot + MIN, expected: 'received' },
    { label: 'file received a week after its slot', recv: slot + 7 * 1440 * MIN, now: slot + 8 * 1440 * MIN, expected: 'late' },
  ])('$label → $expected', ({ recv, now, expected }) => {
    expect(classifySlot({ slot, firstReceivedAt: recv, intervalMinutes: 5, graceMinutes: 15, now })).toBe(expected);
  });
  test('before activeFrom nothing is expected', () => {
    expect(classifySlot({ slot, firstReceivedAt: null, intervalMinutes: 5, graceMinutes: 15, now: slot + 999 * MIN, activeFrom: slot + MIN })).toBe('future');
  });
});

describe('expectedReadings / receiptRate', () => {
  test.each([
    { label: 'a full day, 6 parameters', from: day0, to: day0 + 1440 * MIN, now: day0 + 2000 * MIN, active: 0, params: 6, expected: 1728 },
    { label: 'today until now (noon)', from: day0, to: day0 + 1440 * MIN, now: day0 + 720 * MIN, active: 0, params: 1, expected: 144 },
    { label: 'active from 18:00', from: day0, to: day0 + 1440 * MIN, now: day0 + 2000 * MIN, active: day0 + 1080 * MIN, params: 1, expected: 72 },
    { label: 'not active yet', from: day0, to: day0 + 1440 * MIN, now: day0 + 2000 * MIN, active: day0 + 3000 * MIN, params: 1, expected: 0 },
  ])('$label → $expected', ({ from, to, now, active, params, expected }) => {
    expect(expectedReadings({ from, to, now, activeFrom: active, intervalMinutes: 5, parameters: params })).toBe(expected);
  });
  test.each([
    { received: 0, expected: 0, rate: null },
    { received: 144, expected: 288, rate: 0.5 },
    { received: 300, expected: 288, rate: 1 },
  ])('$received / $expected → $rate', ({ received, expected, rate }) => {
    expect(receiptRate(received, expected)).toBe(rate);
  });
  test.each([
    { rate: 0.8, below: false },
    { rate: 0.7999, below: true },
    { rate: null, below: false },
  ])('threshold 80 %: $rate → $below', ({ rate, below }) => {
    expect(isBelowThreshold(rate)).toBe(below);
  });
});

describe('buildSlotCalendar', () => {
  test('classifies a day of slots', () => {
    const received = new Map<number, number>([
      [day0, day0 + MIN],
      [day0 + 5 * MIN, day0 + 60 * MIN],
    ]);
    const cal = buildSlotCalendar({ days: [{ day: '2024-05-24', start: day0 }], received, intervalMinutes: 5, graceMinutes: 15, now: day0 + 60 * MIN });
    expect(cal[0]?.slots).toHaveLength(288);
    expect(cal[0]?.slots.slice(0, 3)).toEqual(['received', 'late', 'missing']);
    expect(summariseSlots(cal)).toEqual({ received: 1, late: 1, missing: 7, future: 279 });
  });
  test('a day of history loaded at once (no files) is received, not late, beside the few live files', () => {
    const received = new Map<number, number | 'unrecorded'>();
    for (let k = 0; k < 280; k++) received.set(day0 + k * 5 * MIN, 'unrecorded');
    for (let k = 280; k < 288; k++) received.set(day0 + k * 5 * MIN, day0 + k * 5 * MIN + 30_000);
    const cal = buildSlotCalendar({ days: [{ day: '2024-05-24', start: day0 }], received, intervalMinutes: 5, graceMinutes: 15, now: day0 + 1500 * MIN });
    expect(summariseSlots(cal)).toEqual({ received: 288, late: 0, missing: 0, future: 0 });
  });
});
