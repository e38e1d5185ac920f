import { describe, expect, it } from 'vitest';
import { isClockAhead, isImpossibleTime } from './clock-ahead';

const received = new Date('2026-03-10T03:00:00.000Z'); // 10:00 local
const plus = (ms: number) => new Date(received.getTime() + ms);
const MIN = 60_000;

describe('isClockAhead: more than the tolerance (10 min) after receipt', () => {
  it.each([
    ['at receipt', plus(0), false],
    ['exactly 10 minutes ahead', plus(10 * MIN), false],
    ['10 minutes and 1 ms ahead', plus(10 * MIN + 1), true],
    ['tomorrow', plus(86_400_000), true],
    ['in the past', plus(-3_600_000), false],
  ] as const)('%s → %s', (_label, t, expected) => {
    expect(isClockAhead(t, received, 10)).toBe(expected);
  });
});

describe('isImpossibleTime: before 2000, before activeFrom or more than a day ahead', () => {
  const activeFrom = new Date('2025-01-01T00:00:00.000Z');
  it.each([
    ['now', plus(0), null, false],
    ['exactly one day ahead', plus(86_400_000), null, false],
    ['one day and 1 ms ahead', plus(86_400_001), null, true],
    ['2045', new Date('2045-01-01T00:00:00.000Z'), null, true],
    ['9999', new Date('9999-12-31T00:00:00.000Z'), null, true],
    ['1999-12-31 local', new Date('1999-12-31T10:00:00.000Z'), null, true],
    ['2000-01-01 00:00 local', new Date('1999-12-31T17:00:00.000Z'), null, false],
    ['before activeFrom', new Date('2024-12-31T23:59:59.999Z'), activeFrom, true],
    ['at activeFrom', activeFrom, activeFrom, false],
  ] as const)('%s → %s', (_label, t, from, expected) => {
    expect(isImpossibleTime(t, received, from)).toBe(expected);
  });
});
