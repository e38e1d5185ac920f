import { describe, expect, it } from 'vitest';
import { BUILT_IN_LIMIT_STANDARDS } from './catalogue';
import { limitStandardImportSchema, parseLimitCsv } from './import';

const qcvn40_2025 = {
  code: 'QCVN40:2025',
  name: 'QCVN 40:2025/BTNMT – Nước thải công nghiệp',
  version: '2025',
  effectiveFrom: '2025-09-01',
  kind: 'wastewater',
  values: [
    { column: 'A', parameter: 'COD', max: 50, averaging: '24h', applyCoefficients: false },
    { column: 'A', parameter: 'PH', min: 6, max: 9, averaging: '24h', applyCoefficients: false },
  ],
};

describe('limitStandardImportSchema: a new version imports as data', () => {
  it('accepts QCVN 40:2025 as JSON, and every built-in standard', () => {
    expect(limitStandardImportSchema.safeParse(qcvn40_2025).success).toBe(true);
    for (const s of BUILT_IN_LIMIT_STANDARDS) expect(limitStandardImportSchema.safeParse(s).success).toBe(true);
  });

  it.each([
    ['bad date', { effectiveFrom: '2025-9-1' }],
    ['impossible date', { effectiveFrom: '2025-02-30' }],
    ['effectiveTo not after effectiveFrom', { effectiveTo: '2025-09-01' }],
    ['unknown kind', { kind: 'groundwater' }],
    ['no values', { values: [] }],
    [
      'value without min or max',
      { values: [{ column: 'A', parameter: 'COD', averaging: '24h', applyCoefficients: false }] },
    ],
    [
      'min above max',
      { values: [{ column: 'A', parameter: 'PH', min: 9, max: 6, averaging: '24h', applyCoefficients: false }] },
    ],
    [
      'unknown averaging',
      { values: [{ column: 'A', parameter: 'COD', max: 1, averaging: '2h', applyCoefficients: false }] },
    ],
    [
      'lower-case parameter',
      { values: [{ column: 'A', parameter: 'cod', max: 1, averaging: '24h', applyCoefficients: false }] },
    ],
    ['duplicate row', { values: [qcvn40_2025.values[0], qcvn40_2025.values[0]] }],
    ['empty code', { code: ' ' }],
  ])('rejects %s', (_label, patch) => {
    expect(limitStandardImportSchema.safeParse({ ...qcvn40_2025, ...patch }).success).toBe(false);
  });
});

const HEADER =
  'standard,version,effective_from,effective_to,kind,column,parameter,min,max,averaging,apply_coefficients';

describe('parseLimitCsv: rows grouped by (standard, version) and validated by the same schema', () => {
  it('parses two standards, BOM, CRLF, blank lines, empty min/max, quoted names', () => {
    const csv = [
      `\uFEFF${HEADER},name`,
      'QCVN19:2024,2024,2025-07-01,,emission,B,DUST,,50,1h,true,"QCVN 19:2024/BTNMT, khí thải"',
      'QCVN40:2025,2025,2025-09-01,2031-12-31,wastewater,A,PH,6,9,24h,false,',
      '',
      'QCVN19:2024,2024,2025-07-01,,emission,B,sO2,,250,1h,1,"QCVN 19:2024/BTNMT, khí thải"',
    ].join('\r\n');
    const r = parseLimitCsv(csv);
    expect(r).toEqual({
      ok: true,
      standards: [
        {
          code: 'QCVN19:2024',
          name: 'QCVN 19:2024/BTNMT, khí thải',
          version: '2024',
          effectiveFrom: '2025-07-01',
          kind: 'emission',
          values: [
            { column: 'B', parameter: 'DUST', max: 50, averaging: '1h', applyCoefficients: true },
            { column: 'B', parameter: 'SO2', max: 250, averaging: '1h', applyCoefficients: true },
          ],
        },
        {
          code: 'QCVN40:2025',
          name: 'QCVN40:2025',
          version: '2025',
          effectiveFrom: '2025-09-01',
          effectiveTo: '2031-12-31',
          kind: 'wastewater',
          values: [{ column: 'A', parameter: 'PH', min: 6, max: 9, averaging: '24h', applyCoefficients: false }],
        },
      ],
    });
  });

  it.each([
    ['missing column', 'standard,version\nX,1', 1, 'missing_columns'],
    ['not a number', `${HEADER}\nQ,1,2025-01-01,,wastewater,A,COD,,abc,24h,false`, 2, 'not_a_number'],
    ['bad boolean', `${HEADER}\nQ,1,2025-01-01,,wastewater,A,COD,,10,24h,maybe`, 2, 'not_a_boolean'],
    [
      'kind differs within a version',
      `${HEADER}\nQ,1,2025-01-01,,wastewater,A,COD,,10,24h,false\nQ,1,2025-01-01,,emission,A,TSS,,10,24h,false`,
      3,
      'differs_in_version',
    ],
    [
      'schema error points at its row',
      `${HEADER}\nQ,1,2025-01-01,,wastewater,A,COD,,10,24h,false\nP,1,2025-01-01,,wastewater,A,COD,,1,24h,false\nQ,1,2025-01-01,,wastewater,A,TSS,9,1,24h,false`,
      4,
      'min_above_max',
    ],
    ['no rows', HEADER, 0, 'no_data_rows'],
  ])('%s → error on line %d', (_label, csv, line, code) => {
    const r = parseLimitCsv(csv);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]?.line).toBe(line);
    expect(r.errors[0]?.code).toBe(code);
  });
});
