/**
 * Connectivity (DOMAIN.md §7): whether a station is receiving (`good`), `offline` or `not_in_use`, from its last file
 * alone. The states themselves are listed in lib/domain/stations/states.ts; station-state.ts adds the value-driven ones.
 */
export type ConnectivityInput = {
  enabled: boolean;
  lastFileAt: Date | null;
  intervalMinutes: number;
  graceMinutes: number;
  now: Date;
};

/**
 * A station is offline when last file + interval + grace < now (DOMAIN.md §7: exactly at that boundary it is still
 * receiving; one millisecond later it is offline), or if it never sent one.
 * A disabled station is `not_in_use` whatever it sends.
 */
export function computeConnectivityState(i: ConnectivityInput): 'good' | 'offline' | 'not_in_use' {
  if (!i.enabled) return 'not_in_use';
  if (!i.lastFileAt) return 'offline';
  const allowedMs = (i.intervalMinutes + i.graceMinutes) * 60_000;
  return i.now.getTime() - i.lastFileAt.getTime() > allowedMs ? 'offline' : 'good';
}

/** Files a station should send in one day at its interval (288 at 5 minutes). */
export function expectedFilesPerDay(intervalMinutes: number): number {
  if (!(intervalMinutes > 0)) return 0;
  return Math.floor(1440 / intervalMinutes);
}
