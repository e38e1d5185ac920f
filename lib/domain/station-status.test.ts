import { describe, expect, test } from 'vitest';
import { computeConnectivityState, expectedFilesPerDay } from './station-status';

const now = new Date('2024-05-24T03:00:00.000Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe('computeConnectivityState (interval 5 + grace 15 = 20 minutes)', () => {
  test.each([
    { label: 'file just now', enabled: true, lastFileAt: minutesAgo(0), expected: 'good' },
    { label: 'within interval', enabled: true, lastFileAt: minutesAgo(5), expected: 'good' },
    { label: '1 ms before the boundary', enabled: true, lastFileAt: new Date(minutesAgo(20).getTime() + 1), expected: 'good' },
    { label: 'exactly at interval + grace: not yet (last + interval + grace < now)', enabled: true, lastFileAt: minutesAgo(20), expected: 'good' },
    { label: '1 ms past interval + grace', enabled: true, lastFileAt: new Date(minutesAgo(20).getTime() - 1), expected: 'offline' },
    { label: 'long ago', enabled: true, lastFileAt: minutesAgo(600), expected: 'offline' },
    { label: 'never sent a file', enabled: true, lastFileAt: null, expected: 'offline' },
    { label: 'file time ahead of now (logger clock)', enabled: true, lastFileAt: minutesAgo(-3), expected: 'good' },
    { label: 'disabled, receiving', enabled: false, lastFileAt: minutesAgo(1), expected: 'not_in_use' },
    { label: 'disabled, never sent', enabled: false, lastFileAt: null, expected: 'not_in_use' },
  ] as const)('$label → $expected', ({ enabled, lastFileAt, expected }) => {
    expect(computeConnectivityState({ enabled, lastFileAt, intervalMinutes: 5, graceMinutes: 15, now })).toBe(expected);
  });

  test('uses the station interval and grace', () => {
    const base = { enabled: true, lastFileAt: minutesAgo(50), now };
    expect(computeConnectivityState({ ...base, intervalMinutes: 60, graceMinutes: 0 })).toBe('good');
    expect(computeConnectivityState({ ...base, intervalMinutes: 30, graceMinutes: 20 })).toBe('good');
    expect(computeConnectivityState({ ...base, intervalMinutes: 30, graceMinutes: 19 })).toBe('offline');
  });
});

describe('expectedFilesPerDay', () => {
  test.each([
    { interval: 5, expected: 288 },
    { interval: 1, expected: 1440 },
    { interval: 60, expected: 24 },
    { interval: 7, expected: 205 },
    { interval: 0, expected: 0 },
  ])('every $interval min → $expected', ({ interval, expected }) => {
    expect(expectedFilesPerDay(interval)).toBe(expected);
  });
});
