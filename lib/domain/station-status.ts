/**
 * Station state (DOMAIN.md §7). For now only connectivity decides it: receiving (`good`), `offline`, `not_in_use`.
 * The full state machine (exceeding, device_error, approaching, calibrating) comes later and keeps these names.
 */
export const STATION_STATES = [
  'offline',
  'exceeding',
  'device_error',
  'approaching',
  'calibrating',
  'good',
  'not_in_use',
] as const;
export type StationState = (typeof STATION_STATES)[number];

/** Default colours (DOMAIN.md §7; user-configurable later). */
export const STATE_COLORS: Record<StationState, string> = {
  good: '#1DCE6C',
  approaching: '#F08432',
  exceeding: '#EA3223',
  offline: '#999999',
  calibrating: '#8E44AD',
  device_error: '#FF7E00',
  not_in_use: '#D0D0D0',
};

/** Worst first; used to sort lists so problems come to the top. */
export function stateSeverity(state: StationState): number {
  return STATION_STATES.indexOf(state);
}

export type ConnectivityInput = {
  enabled: boolean;
  lastFileAt: Date | null;
  intervalMinutes: number;
  graceMinutes: number;
  now: Date;
};

/**
 * A station is offline once `intervalMinutes + graceMinutes` have passed since its last file (exactly at that
 * boundary it is offline; one millisecond before it is still receiving), or if it never sent one.
 * A disabled station is `not_in_use` whatever it sends.
 */
export function computeConnectivityState(i: ConnectivityInput): 'good' | 'offline' | 'not_in_use' {
  if (!i.enabled) return 'not_in_use';
  if (!i.lastFileAt) return 'offline';
  const allowedMs = (i.intervalMinutes + i.graceMinutes) * 60_000;
  return i.now.getTime() - i.lastFileAt.getTime() >= allowedMs ? 'offline' : 'good';
}

/** Files a station should send in one day at its interval (288 at 5 minutes). */
export function expectedFilesPerDay(intervalMinutes: number): number {
  if (!(intervalMinutes > 0)) return 0;
  return Math.floor(1440 / intervalMinutes);
}
