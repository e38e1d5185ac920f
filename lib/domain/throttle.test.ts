import { describe, expect, it } from 'vitest';
import { retryAfterMs, recentFailures, slowdownMs, type ThrottlePolicy } from './throttle';

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

describe('slowdownMs: waits grow, never a lock', () => {
  const p = { freeFailures: 3, baseDelayMs: 1_000, maxDelayMs: 8_000, windowMs: 60_000 };
  it.each([
    { label: 'no failures', failures: [], expected: 0 },
    { label: 'free failures only (at the boundary)', failures: [now - 3, now - 2, now - 1], expected: 0 },
    { label: 'one beyond: base delay after the latest', failures: [now - 4, now - 3, now - 2, now], expected: 1_000 },
    { label: 'two beyond: doubled', failures: [now - 5, now - 4, now - 3, now - 2, now], expected: 2_000 },
    { label: 'many beyond: capped', failures: Array.from({ length: 20 }, (_, i) => now - i), expected: 8_000 },
    { label: 'the wait has passed', failures: [now - 5_000, now - 4_000, now - 3_000, now - 2_000], expected: 0 },
    { label: 'part of the wait has passed', failures: [now - 900, now - 800, now - 700, now - 400], expected: 600 },
    { label: 'failures a window old no longer count', failures: [now - 60_000, now - 3, now - 2, now - 1], expected: 0 },
  ])('$label', ({ failures, expected }) => {
    expect(slowdownMs(failures, now, p)).toBe(expected);
  });
});
