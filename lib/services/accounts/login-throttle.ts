import { LOGIN_THROTTLE, recentFailures, retryAfterMs } from '../../domain/throttle';

/**
 * Failed-login memory per key (e-mail and client address), kept in the web process: enough for one web instance;
 * several instances behind a balancer each throttle on their own (documented in the README).
 */
const failures = new Map<string, number[]>();

export function loginRetryAfterMs(keys: string[], now: number): number {
  return Math.max(0, ...keys.map((k) => retryAfterMs(failures.get(k) ?? [], now, LOGIN_THROTTLE)));
}

export function recordLoginFailure(keys: string[], now: number): void {
  for (const k of keys) {
    const kept = recentFailures(failures.get(k) ?? [], now, LOGIN_THROTTLE);
    kept.push(now);
    failures.set(k, kept);
  }
  // Bound memory under a spray of distinct keys.
  if (failures.size > 50_000) {
    for (const [k, v] of failures) if (recentFailures(v, now, LOGIN_THROTTLE).length === 0) failures.delete(k);
  }
}

export function clearLoginFailures(keys: string[]): void {
  for (const k of keys) failures.delete(k);
}
