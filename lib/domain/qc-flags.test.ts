import { describe, expect, it } from 'vitest';
import { QC_FLAGS, isQcFlagName, isValidReading, qcFlagCode, qcFlagName, worstQcFlag } from './qc-flags';

describe('qc flag codes', () => {
  it.each([
    [1, 'good'],
    [2, 'not_evaluated'],
    [3, 'suspect'],
    [4, 'fail'],
    [9, 'missing'],
  ] as const)('%i ↔ %s', (code, name) => {
    expect(qcFlagName(code)).toBe(name);
    expect(qcFlagCode(name)).toBe(code);
  });

  it('unknown codes read as not_evaluated', () => {
    expect(qcFlagName(7)).toBe('not_evaluated');
  });

  it('recognises names', () => {
    expect(isQcFlagName('suspect')).toBe(true);
    expect(isQcFlagName('toString')).toBe(false);
    expect(Object.keys(QC_FLAGS)).toEqual(['good', 'not_evaluated', 'suspect', 'fail', 'missing']);
  });

  it('worst flag: fail > suspect > good > not_evaluated > missing', () => {
    expect(worstQcFlag(['good', 'suspect', 'not_evaluated'])).toBe('suspect');
    expect(worstQcFlag(['good', 'fail', 'suspect'])).toBe('fail');
    expect(worstQcFlag(['missing', 'not_evaluated'])).toBe('not_evaluated');
    expect(worstQcFlag([])).toBe('missing');
  });
});

describe('isValidReading', () => {
  it.each([
    ['measuring, good', '00', 1, true],
    ['measuring, suspect', '00', 3, true],
    ['measuring, not evaluated', '00', 2, false],
    ['measuring, fail', '00', 4, false],
    ['measuring, missing', '00', 9, false],
    ['calibrating, good', '01', 1, false],
    ['device error, good', '02', 1, false],
    ['maintenance, good', '03', 1, false],
  ])('%s → %s', (_label, status, flag, valid) => {
    expect(isValidReading(status, flag)).toBe(valid);
  });
});
