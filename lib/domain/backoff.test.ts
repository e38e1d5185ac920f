import { describe, expect, it } from 'vitest';
import { forwardRetryDelayMs, nextTryAt } from './backoff';

describe('forwardRetryDelayMs: 30 s × 2^(n−1), capped at 1 h', () => {
  it.each([
    ['first failure', 1, 30_000],
    ['second', 2, 60_000],
    ['third', 3, 120_000],
    ['seventh (32 min)', 7, 1_920_000],
    ['eighth reaches the cap (64 min > 60 min)', 8, 3_600_000],
    ['far beyond stays at the cap', 500, 3_600_000],
    ['zero attempts counts as one', 0, 30_000],
    ['negative counts as one', -3, 30_000],
    ['fractional rounds down', 2.9, 60_000],
    ['NaN counts as one', Number.NaN, 30_000],
  ])('%s: attempts %d → %d ms', (_label, attempts, expected) => {
    expect(forwardRetryDelayMs(attempts)).toBe(expected);
  });

  it.each([
    ['custom base', 3, 100, 10_000, 400],
    ['custom cap reached exactly', 4, 1000, 8000, 8000],
    ['just below the custom cap', 3, 1000, 4001, 4000],
  ])('%s', (_label, attempts, base, cap, expected) => {
    expect(forwardRetryDelayMs(attempts, base, cap)).toBe(expected);
  });

  it('nextTryAt adds the delay to the failure time', () => {
    expect(nextTryAt(new Date('2024-05-24T03:00:00Z'), 2).toISOString()).toBe('2024-05-24T03:01:00.000Z');
  });
});
