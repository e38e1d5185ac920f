import { describe, expect, it } from 'vitest';
import { grossRangeTest } from './gross-range';
import { series } from './series.test-support';
import type { DeviceStatus } from './types';

const PH = { failSpan: [0, 14], suspectSpan: [2, 12] } as const;

describe('grossRangeTest (pH: fail 0–14, suspect 2–12)', () => {
  it.each<[string, number | null, DeviceStatus, number]>([
    ['below the fail span', -0.01, '00', 4],
    ['fail minimum (boundary passes fail)', 0, '00', 3],
    ['between fail and suspect minimum', 1.99, '00', 3],
    ['suspect minimum (boundary passes)', 2, '00', 1],
    ['inside', 7, '00', 1],
    ['suspect maximum (boundary passes)', 12, '00', 1],
    ['just above suspect maximum', 12.01, '00', 3],
    ['fail maximum', 14, '00', 3],
    ['just above fail maximum', 14.01, '00', 4],
    ['missing value', null, '00', 9],
    ['not a number', Number.NaN, '00', 9],
    ['calibrating: left out', 99, '01', 2],
    ['device error: left out', 7, '02', 2],
    ['maintenance: left out', 7, '03', 2],
  ])('%s (%s, status %s) → %i', (_label, value, status, expected) => {
    expect(grossRangeTest(series([[value, status]]), PH)).toEqual([expected]);
  });

  it.each([
    ['no suspect span: inside fail span passes', 14, 1],
    ['no suspect span: outside fails', 14.5, 4],
  ])('%s', (_label, value, expected) => {
    expect(grossRangeTest(series([value]), { failSpan: [0, 14], suspectSpan: null })).toEqual([expected]);
  });

  it('rejects an unsorted series', () => {
    expect(() => grossRangeTest([...series([1, 2])].reverse(), PH)).toThrow(RangeError);
  });
});
