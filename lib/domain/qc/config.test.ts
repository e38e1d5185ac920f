import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { qcConfigFor, qcConfigSchema, qcOverrideSchema } from './config';

describe('qcConfigFor: registry defaults', () => {
  it('PH in wastewater', () => {
    expect(qcConfigFor('wastewater', 'PH')).toEqual({
      failSpan: [0, 14],
      suspectSpan: [2, 12],
      flatTolerance: 0.001,
      flatSuspectMinutes: 60,
      flatFailMinutes: 180,
      spike: [1, 2],
      rateOfChangePerMinute: null,
      rateOfChangeFailPerMinute: null,
      zeroImplausible: false,
    });
  });

  it.each([
    ['FLOW: flat line and spike off', 'wastewater', 'FLOW', { flatTolerance: 0, spike: null }],
    ['COD: zero implausible', 'wastewater', 'COD', { zeroImplausible: true, spike: [100, 300] }],
    ['ambient CO (µg/m³)', 'ambient_air', 'CO', { failSpan: [0, 150000], flatTolerance: 1, spike: [10000, 30000] }],
    ['stack SO2 (mg/Nm³)', 'emission', 'SO2', { failSpan: [0, 10000], suspectSpan: [0, 5000] }],
  ] as const)('%s', (_label, kind, code, expected) => {
    expect(qcConfigFor(kind, code)).toMatchObject(expected);
  });
});

describe('qcConfigFor: per-station override', () => {
  it('merges a partial override', () => {
    const c = qcConfigFor('wastewater', 'COD', { suspectSpan: [0, 150], rateOfChangePerMinute: 10, flatSuspectMinutes: 30 });
    expect(c).toMatchObject({ failSpan: [0, 2000], suspectSpan: [0, 150], rateOfChangePerMinute: 10, flatSuspectMinutes: 30, flatFailMinutes: 180 });
  });

  it('null disables spike and the suspect span', () => {
    expect(qcConfigFor('wastewater', 'COD', { spike: null, suspectSpan: null })).toMatchObject({ spike: null, suspectSpan: null });
  });

  it.each([
    ['unknown key', { spikes: [1, 2] }],
    ['span min above max', { failSpan: [10, 0] }],
    ['suspect span outside fail span', { suspectSpan: [0, 3000] }],
    ['negative tolerance', { flatTolerance: -1 }],
    ['suspect window longer than fail window', { flatSuspectMinutes: 240 }],
    ['spike suspect above fail', { spike: [400, 300] }],
    ['rate of change 0 (use null to disable)', { rateOfChangePerMinute: 0 }],
    ['rate-of-change fail below suspect', { rateOfChangePerMinute: 10, rateOfChangeFailPerMinute: 5 }],
    ['not an object', 'strict'],
  ])('rejects %s with VALIDATION', (_label, override) => {
    expect(() => qcConfigFor('wastewater', 'COD', override)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('unknown parameter for the kind → NOT_FOUND', () => {
    expect(() => qcConfigFor('ambient_air', 'COD')).toThrow(AppError);
    expect(() => qcConfigFor('ambient_air', 'COD')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('schemas are usable at the API edge', () => {
    expect(qcOverrideSchema.safeParse({ spike: [5, 10] }).success).toBe(true);
    expect(qcConfigSchema.safeParse(qcConfigFor('wastewater', 'PH')).success).toBe(true);
  });
});
