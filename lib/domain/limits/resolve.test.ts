import { describe, expect, it } from 'vitest';
import { BUILT_IN_LIMIT_STANDARDS } from './catalogue';
import { parseIsoInstant } from '../time';
import { isInForce, judgedAt, resolveLimit, type ResolveLimitInput } from './resolve';

const at = (isoLocal: string): number => parseIsoInstant(isoLocal)!.getTime();
const base = { standards: BUILT_IN_LIMIT_STANDARDS, at: at('2024-05-24T10:00:00') } as const;
/** COD of a wastewater station bound to column B, the case most rules are shown on; `input` adds or overrides. */
const codColumnB = (input: Partial<ResolveLimitInput> = {}) =>
  resolveLimit({ ...base, stationKind: 'wastewater', parameter: 'COD', column: 'B', ...input });

describe('isInForce: [from, to) in Vietnam local dates', () => {
  it('a malformed date is never in force', () => {
    expect(isInForce({ effectiveFrom: '2023-1-1' }, at('2024-05-24T10:00:00'))).toBe(false);
  });
  it.each([
    ['one ms before from', '2023-07-14T23:59:59.999', false],
    ['exactly from', '2023-07-15T00:00:00', true],
    ['one ms before to', '2025-12-31T23:59:59.999', true],
    ['exactly to', '2026-01-01T00:00:00', false],
  ] as const)('%s → %s', (_label, t, expected) => {
    expect(isInForce({ effectiveFrom: '2023-07-15', effectiveTo: '2026-01-01' }, at(t))).toBe(expected);
  });
});

describe('resolveLimit: permit wins; else the standard in force; coefficients multiply the max only where allowed', () => {
  it('QCVN 40 column B COD with Kq 0.9 × Kf 1.1 → 148.5, derivation kept', () => {
    const r = codColumnB({ coefficients: { kq: 0.9, kf: 1.1, kv: 1.4 } });
    expect(r).toEqual({
      max: 148.5,
      averaging: '24h',
      derivation: {
        standard: 'QCVN40:2011',
        version: '2011',
        column: 'B',
        coefficients: { kq: 0.9, kf: 1.1 },
        base: { max: 150 },
      },
    });
  });

  it.each([
    ['column A NH4 × 1.2 × 1.2', 'NH4', 'A', { kq: 1.2, kf: 1.2 }, undefined, 7.2],
    ['no coefficients given → base', 'TSS', 'A', {}, undefined, 50],
    ['TEMP ignores coefficients', 'TEMP', 'B', { kq: 1.2, kf: 1.2 }, undefined, 40],
    ['COLOR ignores coefficients', 'COLOR', 'B', { kq: 0.9, kf: 0.9 }, undefined, 150],
    ['pH keeps min and max', 'PH', 'B', { kq: 0.9 }, 5.5, 9],
  ] as const)('%s → max %d', (_label, parameter, column, coefficients, min, max) => {
    const r = resolveLimit({ ...base, stationKind: 'wastewater', parameter, column, coefficients });
    expect(r?.max).toBe(max);
    expect(r?.min).toBe(min);
  });

  it('QCVN 19 column B NOX × Kp 0.9 × Kv 0.6 = 459 mg/Nm³ (Kq/Kf ignored for emissions), hourly', () => {
    const r = resolveLimit({
      ...base,
      stationKind: 'emission',
      parameter: 'NOX',
      column: 'B',
      coefficients: { kp: 0.9, kv: 0.6, kq: 2 },
    });
    expect(r?.max).toBe(459);
    expect(r?.averaging).toBe('1h');
    expect(r?.derivation.coefficients).toEqual({ kp: 0.9, kv: 0.6 });
  });

  it.each([
    ['PM2.5 24 h on 2025-12-31 23:59 → 50', 'PM25', '24h', '2025-12-31T23:59:00', 50, '2023-09-12'],
    ['PM2.5 24 h on 2026-01-01 00:00 → 45', 'PM25', '24h', '2026-01-01T00:00:00', 45, '2026-01-01'],
    ['PM2.5 year stays 25 in 2026', 'PM25', 'year', '2026-06-01T00:00:00', 25, '2026-01-01'],
    ['SO2 without averaging → shortest (1 h, 350)', 'SO2', undefined, '2024-01-01T00:00:00', 350, '2023-09-12'],
    ['CO 8 h', 'CO', '8h', '2024-01-01T00:00:00', 10000, '2023-09-12'],
  ] as const)('QCVN 05: %s', (_label, parameter, averaging, t, max, version) => {
    const r = resolveLimit({
      standards: BUILT_IN_LIMIT_STANDARDS,
      stationKind: 'ambient_air',
      parameter,
      at: at(t),
      coefficients: { kq: 2 },
      ...(averaging && { averaging }),
    });
    expect(r?.max).toBe(max);
    expect(r?.derivation.version).toBe(version);
    expect(r?.derivation.coefficients).toEqual({});
  });

  it.each([
    ['QCVN 05 one ms before 2023-09-12 → none', 'ambient_air', 'SO2', '2023-09-11T23:59:59.999', null],
    ['QCVN 05 from 2023-09-12 00:00 → 350', 'ambient_air', 'SO2', '2023-09-12T00:00:00', 350],
    ['QCVN 08 one ms before 2023-09-12 → none', 'surface_water', 'NH4', '2023-09-11T23:59:59.999', null],
    ['QCVN 08 from 2023-09-12 00:00 → 0.3', 'surface_water', 'NH4', '2023-09-12T00:00:00', 0.3],
  ] as const)('in force from 2023-09-12 (Circular 01/2023/TT-BTNMT): %s', (_label, stationKind, parameter, t, max) => {
    const r = resolveLimit({ standards: BUILT_IN_LIMIT_STANDARDS, stationKind, parameter, column: 'B', at: at(t) });
    expect(r?.max ?? null).toBe(max);
  });

  it.each([
    ['day 31/12/2025 (start 31/12 00:00) → 50, not the 45 in force at its end', '2025-12-31T00:00:00', '2026-01-01T00:00:00', 50],
    ['day 01/01/2026 → 45', '2026-01-01T00:00:00', '2026-01-02T00:00:00', 45],
    ['day 30/12/2025 → 50', '2025-12-30T00:00:00', '2025-12-31T00:00:00', 50],
  ] as const)('a period is judged by the version in force at its start: %s', (_label, start, end, max) => {
    const period = { start: at(start), end: at(end) };
    const r = resolveLimit({ standards: BUILT_IN_LIMIT_STANDARDS, stationKind: 'ambient_air', parameter: 'PM25', averaging: '24h', at: judgedAt(period) });
    expect(r?.max).toBe(max);
  });

  it.each([
    ['QCVN 08 DO class B is a minimum', 'DO', 'B', { min: 5 }],
    ['QCVN 08 NH4 applies to every class', 'NH4', 'C', { max: 0.3 }],
    ['QCVN 08 pH class A', 'PH', 'A', { min: 6.5, max: 8.5 }],
  ] as const)('%s', (_label, parameter, column, bounds) => {
    const r = resolveLimit({ ...base, stationKind: 'surface_water', parameter, column });
    expect({ min: r?.min, max: r?.max }).toEqual({ min: undefined, max: undefined, ...bounds });
  });

  it.each<[string, Partial<ResolveLimitInput>]>([
    ['unknown parameter', { stationKind: 'wastewater', parameter: 'XYZ', column: 'B' }],
    ['column not in the standard', { stationKind: 'wastewater', parameter: 'COD', column: 'C' }],
    ['column missing for a columned standard', { stationKind: 'wastewater', parameter: 'COD' }],
    ['wrong kind', { stationKind: 'emission', parameter: 'COD', column: 'B' }],
    [
      'before the standard was in force',
      { stationKind: 'ambient_air', parameter: 'PM25', at: at('2020-01-01T00:00:00') },
    ],
    [
      'other standard code requested',
      { stationKind: 'wastewater', parameter: 'COD', column: 'B', standardCode: 'QCVN40:2025' },
    ],
    ['QCVN 08 TSS has no class C', { stationKind: 'surface_water', parameter: 'TSS', column: 'C' }],
  ])('%s → null', (_label, input) => {
    expect(resolveLimit({ ...base, stationKind: 'wastewater', parameter: 'COD', ...input })).toBeNull();
  });

  it('a permit override wins over the standard, without coefficients', () => {
    const r = codColumnB({
      coefficients: { kq: 0.9, kf: 1.1 },
      permitOverride: { reference: 'GP 123/GP-UBND', max: 100, averaging: '24h' },
    });
    expect(r).toEqual({
      max: 100,
      averaging: '24h',
      derivation: { standard: 'permit', version: 'GP 123/GP-UBND', column: 'B', coefficients: {}, base: { max: 100 } },
    });
  });

  it('a newer imported version in force wins over the older one for the same parameter', () => {
    const newer = {
      code: 'QCVN40:2025',
      name: 'QCVN 40:2025/BTNMT',
      version: '2025',
      effectiveFrom: '2025-09-01',
      kind: 'wastewater',
      values: [{ column: 'B', parameter: 'COD', max: 120, averaging: '24h', applyCoefficients: false }],
    } as const;
    const standards = [...BUILT_IN_LIMIT_STANDARDS, newer];
    const before = codColumnB({ standards, at: at('2025-08-31T23:59:59') });
    const after = codColumnB({ standards, at: at('2025-09-01T00:00:00') });
    const bound = codColumnB({ standards, at: at('2025-09-01T00:00:00'), standardCode: 'QCVN40:2011' });
    expect([before?.max, after?.max, bound?.max]).toEqual([150, 120, 150]);
  });
});
