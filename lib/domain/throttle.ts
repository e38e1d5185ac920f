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
