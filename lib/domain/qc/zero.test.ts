import { describe, expect, it } from 'vitest';
import { series } from './series.test-support';
import type { DeviceStatus } from './types';
import { zeroTest } from './zero';

describe('zeroTest: an exact 0 where implausible is suspect', () => {
  it.each<[string, number | null, DeviceStatus, boolean, number]>([
    ['exact zero, implausible', 0, '00', true, 3],
    ['negative zero counts as zero', -0, '00', true, 3],
    ['tiny but not zero', 0.001, '00', true, 1],
    ['zero where plausible', 0, '00', false, 1],
    ['missing', null, '00', true, 9],
    ['calibrating zero: left out', 0, '01', true, 2],
  ])('%s', (_label, value, status, implausible, expected) => {
    expect(zeroTest(series([[value, status]]), implausible)).toEqual([expected]);
  });
});
