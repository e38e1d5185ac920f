import { describe, expect, it } from 'vitest';
import { QC_FLAGS, qcFlagCode, qcFlagName, worstFlag, type QcFlagCode } from './flags';

const { good, not_evaluated: ne, suspect, fail, missing } = QC_FLAGS;

describe('QC_FLAGS', () => {
  it('uses the QARTOD codes', () => {
    expect(QC_FLAGS).toEqual({ good: 1, not_evaluated: 2, suspect: 3, fail: 4, missing: 9 });
  });

  it.each([
    ['good', 1],
    ['not_evaluated', 2],
    ['suspect', 3],
    ['fail', 4],
    ['missing', 9],
  ] as const)('%s ↔ %i', (name, code) => {
    expect(qcFlagCode(name)).toBe(code);
    expect(qcFlagName(code)).toBe(name);
  });
});

describe('worstFlag: fail > suspect > good > not_evaluated > missing', () => {
  it.each<[string, QcFlagCode[], QcFlagCode]>([
    ['no tests → missing', [], missing],
    ['missing only', [missing], missing],
    ['not_evaluated beats missing', [missing, ne], ne],
    ['good beats not_evaluated (pending spike does not lower good)', [good, ne], good],
    ['suspect beats good', [good, suspect, ne], suspect],
    ['fail beats suspect', [suspect, fail, good], fail],
    ['order does not matter', [fail, good, suspect], fail],
  ])('%s', (_label, flags, expected) => {
    expect(worstFlag(flags)).toBe(expected);
  });
});
