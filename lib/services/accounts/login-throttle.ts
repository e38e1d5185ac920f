import { LOGIN_ADDRESS_SLOWDOWN, LOGIN_PAIR_SLOWDOWN, slowdownMs, type SlowdownPolicy } from '../../domain/throttle';

/**
 * Failed-login memory, kept in the process: enough for one web instance (and one FTP receiver); several instances
 * behind a balancer each throttle on their own (documented in the README). Keys are per (account, address) and per
 * address, never per account alone: failures from elsewhere cannot slow the right user down (security round 2).
 * `realm` keeps the web login and the FTP login apart.
 */
const failures = new Map<string, number[]>();

type Keyed = { key: string; policy: SlowdownPolicy };

function keysFor(realm: 'web' | 'ftp', account: string, address: string): Keyed[] {
  const who = account.trim().toLowerCase();
  return [
    { key: `${realm}:pair:${who}|${address}`, policy: LOGIN_PAIR_SLOWDOWN },
    { key: `${realm}:addr:${address}`, policy: LOGIN_ADDRESS_SLOWDOWN },
  ];
}

/** Milliseconds before this account may be tried again from this address; 0 = now. */
export function loginRetryAfterMs(account: string, address: string, now: number, realm: 'web' | 'ftp' = 'web'): number {
  return Math.max(0, ...keysFor(realm, account, address).map((k) => slowdownMs(failures.get(k.key) ?? [], now, k.policy)));
}

export function recordLoginFailure(account: string, address: string, now: number, realm: 'web' | 'ftp' = 'web'): void {
  for (const k of keysFor(realm, account, address)) {
    const kept = (failures.get(k.key) ?? []).filter((t) => now - t < k.policy.windowMs);
    kept.push(now);
    // Only the newest failures matter for the delay; keep memory bounded per key.
    failures.set(k.key, kept.slice(-64));
  }
  // Bound memory under a spray of distinct keys.
  if (failures.size > 50_000) {
    for (const [key, v] of failures) if (v.every((t) => now - t >= LOGIN_PAIR_SLOWDOWN.windowMs)) failures.delete(key);
  }
}

/** A success clears the (account, address) pair only: one valid account must not wipe an address's failures. */
export function clearLoginFailures(account: string, address: string, realm: 'web' | 'ftp' = 'web'): void {
  failures.delete(keysFor(realm, account, address)[0]!.key);
}
