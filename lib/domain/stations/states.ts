import { codesOf } from '../registry';

/**
 * The one registry of station states (DOMAIN.md §7), worst first: offline > exceeding > device_error > approaching >
 * calibrating > good; not_in_use (disabled stations) last. Each with its default colour (deployments may override
 * them, see parseStateColors). Names come from messages (`states.<code>`); lib/domain/station-state.ts decides them.
 */
export const STATION_STATE_REGISTRY = [
  { code: 'offline', color: '#999999' },
  { code: 'exceeding', color: '#EA3223' },
  { code: 'device_error', color: '#FF7E00' },
  { code: 'approaching', color: '#F08432' },
  { code: 'calibrating', color: '#8E44AD' },
  { code: 'good', color: '#1DCE6C' },
  { code: 'not_in_use', color: '#D0D0D0' },
] as const;

export const STATION_STATES = codesOf(STATION_STATE_REGISTRY);
export type StationState = (typeof STATION_STATES)[number];

export type StateColors = Record<StationState, string>;

export const DEFAULT_STATE_COLORS: Readonly<StateColors> = Object.fromEntries(STATION_STATE_REGISTRY.map((s) => [s.code, s.color])) as StateColors;

export function isStationState(v: string): v is StationState {
  return (STATION_STATES as readonly string[]).includes(v);
}

const HEX = /^#[0-9a-fA-F]{6}$/;

/**
 * Merges user colours (e.g. `{"good":"#00AA00"}` from configuration) over the defaults; unknown states and values that
 * are not #RRGGBB are ignored, so a typo never blanks a marker.
 */
export function parseStateColors(overrides: Record<string, unknown> | null | undefined): StateColors {
  const out: StateColors = { ...DEFAULT_STATE_COLORS };
  if (!overrides) return out;
  for (const s of STATION_STATES) {
    const v = overrides[s];
    if (typeof v === 'string' && HEX.test(v)) out[s] = v.toUpperCase();
  }
  return out;
}

/** Severity rank: 0 = worst (offline), 6 = not_in_use; sorts lists so problems come to the top. */
export function stateRank(state: StationState): number {
  return STATION_STATES.indexOf(state);
}

/** The worst of several states (cluster colours, facility roll-ups); `null` for an empty list. */
export function worstState(states: Iterable<StationState>): StationState | null {
  let worst: StationState | null = null;
  for (const s of states) if (worst === null || stateRank(s) < stateRank(worst)) worst = s;
  return worst;
}

export type StateCounts = Record<StationState, number>;

export function countStates(states: Iterable<StationState>): StateCounts {
  const counts = Object.fromEntries(STATION_STATES.map((s) => [s, 0])) as StateCounts;
  for (const s of states) counts[s] += 1;
  return counts;
}
