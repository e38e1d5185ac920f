import { describe, expect, it } from 'vitest';
import { isValid } from './validity';

describe('isValid: status 00, flag good or suspect, no invalidating overlay', () => {
  it.each([
    ['measuring, good', '00', 1, false, true],
    ['measuring, suspect', '00', 3, false, true],
    ['measuring, not evaluated', '00', 2, false, false],
    ['measuring, fail', '00', 4, false, false],
    ['measuring, missing', '00', 9, false, false],
    ['measuring, good, invalidated by an operator', '00', 1, true, false],
    ['measuring, suspect, invalidated by an operator', '00', 3, true, false],
    ['calibrating, good', '01', 1, false, false],
    ['device error, good', '02', 1, false, false],
    ['maintenance, good', '03', 1, false, false],
    ['unknown status', '', 1, false, false],
  ])('%s → %s', (_label, deviceStatus, qcFlag, invalidatedByOverlay, expected) => {
    expect(isValid({ deviceStatus, qcFlag, invalidatedByOverlay })).toBe(expected);
  });
});
