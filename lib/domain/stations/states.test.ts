import { describe, expect, test } from 'vitest';
import { countStates, DEFAULT_STATE_COLORS, isStationState, parseStateColors, stateRank, STATION_STATES, worstState } from './states';

describe('station state registry (DOMAIN.md §7)', () => {
  test('worst first: offline > exceeding > device_error > approaching > calibrating > good; not_in_use last', () => {
    expect(STATION_STATES).toEqual(['offline', 'exceeding', 'device_error', 'approaching', 'calibrating', 'good', 'not_in_use']);
    expect(stateRank('offline')).toBe(0);
    expect(stateRank('good')).toBeLessThan(stateRank('not_in_use'));
  });

  test('isStationState', () => {
    expect(isStationState('calibrating')).toBe(true);
    expect(isStationState('online')).toBe(false);
  });
});

describe('colours', () => {
  test('defaults are DOMAIN.md §7', () => {
    expect(DEFAULT_STATE_COLORS).toEqual({
      good: '#1DCE6C',
      approaching: '#F08432',
      exceeding: '#EA3223',
      offline: '#999999',
      calibrating: '#8E44AD',
      device_error: '#FF7E00',
      not_in_use: '#D0D0D0',
    });
  });
  test('overrides merge; invalid values and unknown states are ignored', () => {
    const c = parseStateColors({ good: '#00aa00', offline: 'grey', bogus: '#123456' });
    expect(c.good).toBe('#00AA00');
    expect(c.offline).toBe('#999999');
    expect(Object.keys(c)).toHaveLength(7);
  });
});

describe('worstState / countStates', () => {
  test.each([
    { states: ['good', 'approaching'], expected: 'approaching' },
    { states: ['calibrating', 'device_error', 'good'], expected: 'device_error' },
    { states: ['not_in_use', 'good'], expected: 'good' },
    { states: ['exceeding', 'offline'], expected: 'offline' },
    { states: [], expected: null },
  ] as const)('$states → $expected', ({ states, expected }) => {
    expect(worstState(states)).toBe(expected);
  });
  test('counts every state, zeros included', () => {
    const c = countStates(['good', 'good', 'offline']);
    expect(c).toEqual({ offline: 1, exceeding: 0, device_error: 0, approaching: 0, calibrating: 0, good: 2, not_in_use: 0 });
  });
});
