import { describe, expect, it } from 'vitest';
import { retryAfterMs, recentFailures, type ThrottlePolicy } from './throttle';

const policy: ThrottlePolicy = { maxFailures: 3, windowMs: 60_000 };
const now = 1_000_000;

describe('retryAfterMs', () => {
  it.each([
    { label: 'no failures → allowed', failures: [], expected: 0 },
    { label: 'one below the limit → allowed', failures: [now - 10_000, now - 5_000], expected: 0 },
    { label: 'at the limit → refused until the oldest ages out', failures: [now - 30_000, now - 20_000, now - 10_000], expected: 30_000 },
    { label: 'a failure exactly one window old no longer counts', failures: [now - 60_000, now - 20_000, now - 10_000], expected: 0 },
    { label: 'more than the limit → the newest three decide', failures: [now - 50_000, now - 40_000, now - 20_000, now - 10_000], expected: 20_000 },
  ])('$label', ({ failures, expected }) => {
    expect(retryAfterMs(failures, now, policy)).toBe(expected);
  });
});

describe('recentFailures', () => {
  it('drops failures outside the window', () => {
    expect(recentFailures([now - 70_000, now - 1], now, policy)).toEqual([now - 1]);
  });
});
