import { describe, expect, it } from 'vitest';
import { detectLimitImportFormat, LIMIT_CSV_COLUMNS, parseLimitImport } from './import';
import { LIMIT_IMPORT_EXAMPLE_CSV, LIMIT_IMPORT_EXAMPLE_JSON } from './import-example';

/** The admin upload parser: every rejection carries a line (CSV, JSON syntax) or a readable path (JSON fields). */
const HEADER = LIMIT_CSV_COLUMNS.join(',');
const row = (patch: Partial<Record<(typeof LIMIT_CSV_COLUMNS)[number], string>> = {}) => {
  const base = {
    standard: 'QCVN40:2025',
    version: '2025',
    effective_from: '2025-09-01',
    effective_to: '',
    kind: 'wastewater',
    column: 'A',
    parameter: 'COD',
    min: '',
    max: '75',
    averaging: '24h',
    apply_coefficients: 'true',
    ...patch,
  };
  return LIMIT_CSV_COLUMNS.map((c) => base[c]).join(',');
};
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('parseLimitImport (CSV): accepted files', () => {
  it('the downloadable examples parse to the same standard', () => {
    const a = parseLimitImport('csv', LIMIT_IMPORT_EXAMPLE_CSV);
    const b = parseLimitImport('json', LIMIT_IMPORT_EXAMPLE_JSON);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.standards).toEqual(b.standards);
    expect(a.standards[0]?.values).toHaveLength(4);
  });

  it('accepts a Vietnamese spreadsheet export: ";" separator, decimal comma, BOM, CRLF', () => {
    const text = '\uFEFF' + [HEADER.replaceAll(',', ';'), 'QCVN19:2024;2024;2025-07-01;;emission;B;H2S;;7,5;1h;true'].join('\r\n');
    const r = parseLimitImport('csv', text);
    expect(r).toMatchObject({ ok: true, standards: [{ code: 'QCVN19:2024', values: [{ parameter: 'H2S', max: 7.5 }] }] });
  });

  it('accepts a quoted decimal comma with the "," separator, and an ambient "all" column', () => {
    const r = parseLimitImport('csv', csv(row({ kind: 'ambient_air', column: 'all', parameter: 'PM25', max: '"45,5"', averaging: '24h', apply_coefficients: 'false' })));
    expect(r).toMatchObject({ ok: true, standards: [{ kind: 'ambient_air', values: [{ column: 'all', max: 45.5, applyCoefficients: false }] }] });
  });
});

describe('parseLimitImport (CSV): every rejection names its line, a code and its parameters', () => {
  it.each([
    ['empty file', '', null, 'empty_file', {}],
    ['only whitespace', ' \n \n', null, 'empty_file', {}],
    ['missing columns', 'standard,version\nX,1', 1, 'missing_columns', { columns: 'effective_from, effective_to, kind, column, parameter, min, max, averaging, apply_coefficients' }],
    ['no data rows', HEADER, null, 'no_data_rows', {}],
    ['not a number', csv(row({ max: 'abc' })), 2, 'not_a_number', { field: 'max', value: 'abc' }],
    ['two decimal marks', csv(row({ max: '"1,2,3"' })), 2, 'not_a_number', { field: 'max', value: '1,2,3' }],
    ['bad boolean', csv(row({ apply_coefficients: 'Maybe' })), 2, 'not_a_boolean', { field: 'apply_coefficients', value: 'Maybe' }],
    [
      'effective_from differs in a version',
      csv(row(), row({ parameter: 'TSS', effective_from: '2025-10-01' })),
      3,
      'differs_in_version',
      { field: 'effective_from', firstLine: 2, standard: 'QCVN40:2025', version: '2025' },
    ],
    ['effective_to differs in a version', csv(row(), row({ parameter: 'TSS', effective_to: '2031-12-31' })), 3, 'differs_in_version', { field: 'effective_to' }],
    ['kind differs in a version', csv(row(), row({ parameter: 'TSS', kind: 'emission' })), 3, 'differs_in_version', { field: 'kind' }],
    ['malformed date', csv(row({ effective_from: '01/09/2025' })), 2, 'invalid_date_format', { field: 'effective_from', value: '01/09/2025' }],
    ['impossible date', csv(row({ effective_from: '2025-02-30' })), 2, 'not_calendar_date', { field: 'effective_from', value: '2025-02-30' }],
    ['end not after start', csv(row({ effective_to: '2025-09-01' })), 2, 'effective_to_not_after_from', { from: '2025-09-01', to: '2025-09-01' }],
    ['unknown kind', csv(row({ kind: 'groundwater' })), 2, 'invalid_option', { field: 'kind', value: 'groundwater', allowed: 'wastewater, emission, ambient_air, surface_water' }],
    ['empty kind', csv(row({ kind: '' })), 2, 'required', { field: 'kind' }],
    ['neither min nor max', csv(row(), row({ parameter: 'TSS', max: '' })), 3, 'min_or_max_required', { parameter: 'TSS' }],
    ['min above max', csv(row(), row({ parameter: 'PH', min: '9', max: '6' })), 3, 'min_above_max', { parameter: 'PH', min: 9, max: 6 }],
    ['unknown averaging', csv(row({ averaging: '2h' })), 2, 'invalid_option', { field: 'averaging', value: '2h', allowed: '5min, 1h, 8h, 24h, year' }],
    ['non-canonical parameter', csv(row({ parameter: 'C.O.D' })), 2, 'invalid_parameter_code', { field: 'parameter', value: 'C.O.D' }],
    ['duplicate value row', csv(row(), row()), 3, 'duplicate_value', { parameter: 'COD', averaging: '24h', column: 'A' }],
    ['empty column', csv(row({ column: '' })), 2, 'required', { field: 'column' }],
    ['too long column', csv(row({ column: 'x'.repeat(21) })), 2, 'too_big', { field: 'column', origin: 'string', maximum: 20 }],
    ['empty standard code', csv(row({ standard: '' })), 2, 'required', { field: 'standard' }],
    ['empty version', csv(row({ version: '' })), 2, 'required', { field: 'version' }],
  ] as const)('%s', (_label, text, line, code, params) => {
    const r = parseLimitImport('csv', text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ line, path: '', code, params });
    expect(r.errors[0]?.message).not.toBe('');
  });

  it('an empty standard code is reported once, not again as an empty name', () => {
    const r = parseLimitImport('csv', csv(row({ standard: '' })));
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(['required']);
  });

  it('keeps the English text for the API and the command line', () => {
    const r = parseLimitImport('csv', csv(row({ max: 'abc' }), row({ parameter: 'PH', min: '9', max: '6' })));
    expect(!r.ok && r.errors.map((e) => e.message)).toEqual(['max: not a number "abc"', 'QCVN40:2025 2025 values.1: min must not exceed max']);
  });

  it('reports every bad row of a file, not only the first', () => {
    const r = parseLimitImport('csv', csv(row({ max: 'x' }), row({ parameter: 'TSS' }), row({ parameter: 'NH4', apply_coefficients: '?' })));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'not_a_number'],
      [4, 'not_a_boolean'],
    ]);
  });
});

const standard = {
  code: 'QCVN40:2025',
  name: 'QCVN 40:2025/BTNMT',
  version: '2025',
  effectiveFrom: '2025-09-01',
  kind: 'wastewater',
  values: [
    { column: 'A', parameter: 'PH', min: 6, max: 9, averaging: '24h', applyCoefficients: false },
    { column: 'A', parameter: 'COD', max: 75, averaging: '24h', applyCoefficients: true },
  ],
};

describe('parseLimitImport (JSON)', () => {
  it('accepts one object or an array of them', () => {
    expect(parseLimitImport('json', JSON.stringify(standard))).toMatchObject({ ok: true, standards: [{ code: 'QCVN40:2025' }] });
    const two = parseLimitImport('json', JSON.stringify([standard, { ...standard, code: 'QCVN40:2025-B' }]));
    expect(two.ok && two.standards.map((s) => s.code)).toEqual(['QCVN40:2025', 'QCVN40:2025-B']);
  });

  const withValue = (patch: Record<string, unknown>) => ({ ...standard, values: [standard.values[0], { ...standard.values[1], ...patch }] });

  it.each([
    ['syntax error names its line', '{\n  "code": "X",\n}', 3, '', 'invalid_json', {}],
    ['syntax error without a position', '{"code": }', null, '', 'invalid_json', {}],
    ['empty array', '[]', null, '', 'no_standards', {}],
    ['not an object', '42', null, '#1', 'not_a_standard', {}],
    ['missing name', JSON.stringify({ ...standard, name: undefined }), null, 'QCVN40:2025 2025 › name', 'required', { field: 'name' }],
    ['bad date', JSON.stringify({ ...standard, effectiveFrom: '2025-13-01' }), null, 'QCVN40:2025 2025 › effectiveFrom', 'not_calendar_date', { field: 'effectiveFrom', value: '2025-13-01' }],
    ['no values', JSON.stringify({ ...standard, values: [] }), null, 'QCVN40:2025 2025 › values', 'too_small', { field: 'values', origin: 'array', minimum: 1 }],
    ['value row: min above max', JSON.stringify(withValue({ min: 100 })), null, 'QCVN40:2025 2025 › values[2] (COD)', 'min_above_max', { parameter: 'COD', min: 100, max: 75 }],
    ['value row: string instead of number', JSON.stringify(withValue({ max: '75' })), null, 'QCVN40:2025 2025 › values[2] (COD) › max', 'invalid_type', { field: 'max', expected: 'number' }],
    ['value row: unknown averaging', JSON.stringify(withValue({ averaging: 'day' })), null, 'values[2] (COD) › averaging', 'invalid_option', { field: 'averaging', value: 'day', allowed: '5min, 1h, 8h, 24h, year' }],
    ['same code and version twice', JSON.stringify([standard, standard]), null, 'QCVN40:2025 2025', 'duplicate_standard', { standard: 'QCVN40:2025', version: '2025' }],
  ] as const)('%s', (_label, text, line, path, code, params) => {
    const r = parseLimitImport('json', text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ line, code, params });
    expect(r.errors[0]?.path).toContain(path);
  });

  it('keeps the engine text of a syntax error as a parameter', () => {
    const r = parseLimitImport('json', '{"code": }');
    expect(!r.ok && r.errors[0]?.code === 'invalid_json' && r.errors[0].params.detail).toMatch(/JSON/);
    expect(!r.ok && r.errors[0]?.message).toMatch(/^not valid JSON: /);
  });

  it('numbers the standards of an array in the path', () => {
    const r = parseLimitImport('json', JSON.stringify([standard, { ...standard, code: 'Y', kind: 'lake' }]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]?.path).toBe('[2] Y 2025 › kind');
  });
});

describe('detectLimitImportFormat', () => {
  it.each([
    ['qcvn40.json', 'standard,version', 'json'],
    ['QCVN40.CSV', '{', 'csv'],
    ['bang.txt', '{', 'csv'],
    ['upload', ' [ {"code": 1} ]', 'json'],
    ['upload', '\uFEFF{}', 'json'],
    ['upload', 'standard,version', 'csv'],
  ] as const)('%s starting %j → %s', (name, content, format) => {
    expect(detectLimitImportFormat(name, content)).toBe(format);
  });
});
