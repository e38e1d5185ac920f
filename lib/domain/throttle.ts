/**
 * Login throttling rule: after `maxFailures` failed attempts within `windowMs`, further attempts for the same key are
 * refused until the oldest failure in the window has aged out. A success clears the key.
 */
export type ThrottlePolicy = { maxFailures: number; windowMs: number };

export const LOGIN_THROTTLE: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000 };

/** Failure times still inside the window at `now` (oldest first). */
export function recentFailures(failures: readonly number[], now: number, policy: ThrottlePolicy): number[] {
  return failures.filter((t) => now - t < policy.windowMs);
}

/** Milliseconds until another attempt is allowed; 0 when allowed now. */
export function retryAfterMs(failures: readonly number[], now: number, policy: ThrottlePolicy): number {
  const recent = recentFailures(failures, now, policy);
  if (recent.length < policy.maxFailures) return 0;
  const oldestCounted = recent[recent.length - policy.maxFailures] ?? now;
  return Math.max(0, oldestCounted + policy.windowMs - now);
}

/**
 * Slow-down rule (security round 2): the first `freeFailures` failures within `windowMs` cost nothing; each further
 * one makes the next attempt wait baseDelayMs·2^(extra−1) after the latest failure, never more than maxDelayMs. There is
 * no lock: whoever triggers it waits at most maxDelayMs, and keys are per (account, address) and per address only,
 * so a stranger's failures never slow the right user at their own address.
 */
export type SlowdownPolicy = { freeFailures: number; baseDelayMs: number; maxDelayMs: number; windowMs: number };

export const LOGIN_PAIR_SLOWDOWN: SlowdownPolicy = { freeFailures: 5, baseDelayMs: 2_000, maxDelayMs: 60_000, windowMs: 15 * 60_000 };
export const LOGIN_ADDRESS_SLOWDOWN: SlowdownPolicy = { freeFailures: 30, baseDelayMs: 1_000, maxDelayMs: 60_000, windowMs: 15 * 60_000 };

/** Milliseconds until another attempt is allowed under a slow-down policy; 0 when allowed now. */
export function slowdownMs(failures: readonly number[], now: number, policy: SlowdownPolicy): number {
  const recent = failures.filter((t) => now - t < policy.windowMs);
  const extra = recent.length - policy.freeFailures;
  if (extra <= 0) return 0;
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(extra - 1, 30));
  const latest = Math.max(...recent);
  return Math.max(0, latest + delay - now);
}
