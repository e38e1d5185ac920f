import { describe, expect, test } from 'vitest';
import {
  approachingBands,
  computeStationState,
  readingLevel,
  planOutage,
  type StateReading,
} from './station-state';

const now = new Date('2024-05-24T03:00:00.000Z');
const ago = (m: number) => new Date(now.getTime() - m * 60_000);
const r = (o: Partial<StateReading> = {}): StateReading => ({
  time: ago(2),
  value: 10,
  deviceStatus: '00',
  qcFlag: 1,
  limitMin: null,
  limitMax: 100,
  ...o,
});
const base = { enabled: true, lastFileAt: ago(2), intervalMinutes: 5, graceMinutes: 15, now };

describe('computeStationState', () => {
  test.each([
    { label: 'disabled, even exceeding', input: { enabled: false, latest: [r({ value: 500 })] }, expected: 'not_in_use' },
    { label: 'never sent a file', input: { lastFileAt: null, latest: [] }, expected: 'offline' },
    { label: 'exactly interval + grace since the last file: not yet offline', input: { lastFileAt: ago(20), latest: [r({ value: 500 })] }, expected: 'exceeding' },
    { label: '1 ms past interval + grace', input: { lastFileAt: new Date(ago(20).getTime() - 1), latest: [r({ value: 500 })] }, expected: 'offline' },
    { label: '1 ms before interval + grace', input: { lastFileAt: new Date(ago(20).getTime() + 1), latest: [r()] }, expected: 'good' },
    { label: 'no readings but receiving', input: { latest: [] }, expected: 'good' },
    { label: 'all good', input: { latest: [r(), r({ value: 79.99 })] }, expected: 'good' },
    { label: 'exactly 80 % of max', input: { latest: [r({ value: 80 })] }, expected: 'approaching' },
    { label: 'equal to max is not above it', input: { latest: [r({ value: 100 })] }, expected: 'approaching' },
    { label: 'just above max', input: { latest: [r({ value: 100.01 })] }, expected: 'exceeding' },
    { label: 'below min', input: { latest: [r({ value: 5, limitMin: 6, limitMax: 9 })] }, expected: 'exceeding' },
    { label: 'exceeding beats device error', input: { latest: [r({ value: 500 }), r({ deviceStatus: '02' })] }, expected: 'exceeding' },
    { label: 'device error beats approaching', input: { latest: [r({ value: 90 }), r({ deviceStatus: '02' })] }, expected: 'device_error' },
    { label: 'approaching beats calibrating', input: { latest: [r({ value: 90 }), r({ deviceStatus: '01' })] }, expected: 'approaching' },
    { label: 'calibrating (01)', input: { latest: [r({ deviceStatus: '01', value: 500 })] }, expected: 'calibrating' },
    { label: 'maintenance (03) reads as calibrating', input: { latest: [r({ deviceStatus: '03' })] }, expected: 'calibrating' },
    { label: 'QC fail never counts as exceeding', input: { latest: [r({ value: 500, qcFlag: 4 })] }, expected: 'good' },
    { label: 'suspect still counts', input: { latest: [r({ value: 500, qcFlag: 3 })] }, expected: 'exceeding' },
    { label: 'not evaluated yet counts (newest value)', input: { latest: [r({ value: 500, qcFlag: 2 })] }, expected: 'exceeding' },
    { label: 'an old exceeding value of a silent parameter is ignored', input: { latest: [r({ time: ago(2) }), r({ time: ago(180), value: 500 })] }, expected: 'good' },
    { label: 'no limits → good', input: { latest: [r({ value: 1e6, limitMax: null })] }, expected: 'good' },
    { label: 'pH 6–9 at 7.5 is good', input: { latest: [r({ value: 7.5, limitMin: 6, limitMax: 9 })] }, expected: 'good' },
    { label: 'pH 6–9 at 8.4 (within 20 % of the range of the max) approaches', input: { latest: [r({ value: 8.4, limitMin: 6, limitMax: 9 })] }, expected: 'approaching' },
    { label: 'pH 6–9 at 6.6 (within 20 % of the range of the min) approaches', input: { latest: [r({ value: 6.6, limitMin: 6, limitMax: 9 })] }, expected: 'approaching' },
    { label: 'pH 6–9 at 7.2 is not 80 % of max in a range', input: { latest: [r({ value: 7.2, limitMin: 6, limitMax: 9 })] }, expected: 'good' },
    { label: 'DO ≥ 6 at 7 approaches (6 ≥ 80 % of 7)', input: { latest: [r({ value: 7, limitMin: 6, limitMax: null })] }, expected: 'approaching' },
    { label: 'DO ≥ 6 at 8 is good', input: { latest: [r({ value: 8, limitMin: 6, limitMax: null })] }, expected: 'good' },
  ] as const)('$label → $expected', ({ input, expected }) => {
    expect(computeStationState({ ...base, ...input })).toBe(expected);
  });

  test('the approaching ratio is configurable', () => {
    expect(computeStationState({ ...base, latest: [r({ value: 85 })], approachingRatio: 0.9 })).toBe('good');
  });
});

describe('planOutage', () => {
  const o = { lastFileAt: ago(60), activeFrom: ago(10_000), intervalMinutes: 5, graceMinutes: 15, now };
  test('offline without an open outage opens one at last file + interval + grace', () => {
    expect(planOutage({ ...o, state: 'offline', hasOpenOutage: false })).toEqual({ open: true, startedAt: ago(40), close: false, endedAt: null });
  });
  test('never sent: starts at activeFrom', () => {
    expect(planOutage({ ...o, lastFileAt: null, state: 'offline', hasOpenOutage: false }).startedAt).toEqual(ago(10_000));
  });
  test('offline with an open outage: nothing to do', () => {
    expect(planOutage({ ...o, state: 'offline', hasOpenOutage: true })).toEqual({ open: false, startedAt: null, close: false, endedAt: null });
  });
  test('back online closes at the file that ended it', () => {
    expect(planOutage({ ...o, lastFileAt: ago(1), state: 'good', hasOpenOutage: true })).toEqual({ open: false, startedAt: null, close: true, endedAt: ago(1) });
  });
  test('disabled closes at now', () => {
    expect(planOutage({ ...o, state: 'not_in_use', hasOpenOutage: true }).endedAt).toEqual(now);
  });
  test('good and no outage: nothing', () => {
    expect(planOutage({ ...o, state: 'good', hasOpenOutage: false }).open).toBe(false);
  });
});

describe('readingLevel agrees with the alert engine (verdicts.earlyWarningLevel)', () => {
  test.each([
    { label: 'invalid status has no level', reading: r({ deviceStatus: '01', value: 500 }), expected: null },
    { label: 'failed QC has no level', reading: r({ qcFlag: 4, value: 500 }), expected: null },
    { label: 'equal to max', reading: r({ value: 100 }), expected: 'approaching' },
    { label: 'just below 80 %', reading: r({ value: 79.9 }), expected: 'good' },
    { label: 'below the min of a range', reading: r({ value: 5.9, limitMin: 6, limitMax: 9 }), expected: 'exceeding' },
  ] as const)('$label → $expected', ({ reading, expected }) => {
    expect(readingLevel(reading)).toBe(expected);
  });
});

describe('approachingBands (chart shading)', () => {
  test.each([
    { label: 'max only', min: null, max: 100, expected: [{ from: 80, to: 100 }] },
    { label: 'pH 6–9: both edges', min: 6, max: 9, expected: [{ from: 6, to: 6.6 }, { from: 8.4, to: 9 }] },
    { label: 'min only (DO ≥ 6)', min: 6, max: null, expected: [{ from: 6, to: 7.5 }] },
    { label: 'no limits', min: null, max: null, expected: [] },
    { label: 'max ≤ 0', min: null, max: 0, expected: [] },
  ] as const)('$label', ({ min, max, expected }) => {
    const bands = approachingBands(min, max);
    expect(bands).toHaveLength(expected.length);
    bands.forEach((b, i) => {
      expect(b.from).toBeCloseTo(expected[i]?.from ?? Number.NaN, 9);
      expect(b.to).toBeCloseTo(expected[i]?.to ?? Number.NaN, 9);
    });
  });
});
