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

describe('parseLimitImport (CSV): every rejection names its line', () => {
  it.each([
    ['empty file', '', null, 'empty'],
    ['only whitespace', ' \n \n', null, 'empty'],
    ['missing columns', 'standard,version\nX,1', 1, 'missing columns: effective_from'],
    ['no data rows', HEADER, null, 'no data rows'],
    ['not a number', csv(row({ max: 'abc' })), 2, 'max: not a number'],
    ['two decimal marks', csv(row({ max: '"1,2,3"' })), 2, 'not a number'],
    ['bad boolean', csv(row({ apply_coefficients: 'maybe' })), 2, 'apply_coefficients'],
    ['effective_from differs in a version', csv(row(), row({ parameter: 'TSS', effective_from: '2025-10-01' })), 3, 'effectiveFrom differs from line 2'],
    ['effective_to differs in a version', csv(row(), row({ parameter: 'TSS', effective_to: '2031-12-31' })), 3, 'effectiveTo differs'],
    ['kind differs in a version', csv(row(), row({ parameter: 'TSS', kind: 'emission' })), 3, 'kind differs'],
    ['malformed date', csv(row({ effective_from: '01/09/2025' })), 2, 'expected YYYY-MM-DD'],
    ['impossible date', csv(row({ effective_from: '2025-02-30' })), 2, 'not a calendar date'],
    ['end not after start', csv(row({ effective_to: '2025-09-01' })), 2, 'effectiveTo must be after effectiveFrom'],
    ['unknown kind', csv(row({ kind: 'groundwater' })), 2, 'kind'],
    ['neither min nor max', csv(row(), row({ parameter: 'TSS', max: '' })), 3, 'a value needs min or max'],
    ['min above max', csv(row(), row({ parameter: 'PH', min: '9', max: '6' })), 3, 'min must not exceed max'],
    ['unknown averaging', csv(row({ averaging: '2h' })), 2, 'values.0.averaging'],
    ['non-canonical parameter', csv(row({ parameter: 'C.O.D' })), 2, 'canonical parameter code'],
    ['duplicate value row', csv(row(), row()), 3, 'duplicate COD 24h in column A'],
    ['empty column', csv(row({ column: '' })), 2, 'values.0.column'],
    ['empty standard code', csv(row({ standard: '' })), 2, 'code'],
    ['empty version', csv(row({ version: '' })), 2, 'version'],
  ])('%s', (_label, text, line, message) => {
    const r = parseLimitImport('csv', text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]?.line).toBe(line);
    expect(r.errors[0]?.message).toContain(message);
  });

  it('reports every bad row of a file, not only the first', () => {
    const r = parseLimitImport('csv', csv(row({ max: 'x' }), row({ parameter: 'TSS' }), row({ parameter: 'NH4', apply_coefficients: '?' })));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.line)).toEqual([2, 4]);
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
    ['syntax error names its line', '{\n  "code": "X",\n}', 3, '', 'not valid JSON'],
    ['syntax error without a position', '{"code": }', null, '', 'not valid JSON'],
    ['empty array', '[]', null, '', 'no standard'],
    ['not an object', '42', null, '', 'expected object'],
    ['missing name', JSON.stringify({ ...standard, name: undefined }), null, 'QCVN40:2025 2025 › name', 'expected string'],
    ['bad date', JSON.stringify({ ...standard, effectiveFrom: '2025-13-01' }), null, 'QCVN40:2025 2025 › effectiveFrom', 'not a calendar date'],
    ['value row: min above max', JSON.stringify(withValue({ min: 100 })), null, 'QCVN40:2025 2025 › values[2] (COD)', 'min must not exceed max'],
    ['value row: string instead of number', JSON.stringify(withValue({ max: '75' })), null, 'QCVN40:2025 2025 › values[2] (COD) › max', 'expected number'],
    ['value row: unknown averaging', JSON.stringify(withValue({ averaging: 'day' })), null, 'values[2] (COD) › averaging', 'Invalid option'],
    ['same code and version twice', JSON.stringify([standard, standard]), null, 'QCVN40:2025 2025', 'appear twice'],
  ])('%s', (_label, text, line, path, message) => {
    const r = parseLimitImport('json', text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]?.line).toBe(line);
    expect(r.errors[0]?.path).toContain(path);
    expect(r.errors[0]?.message).toContain(message);
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
