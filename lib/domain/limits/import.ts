import { z } from 'zod';
import { STATION_KINDS } from '../parameters';
import { parseLocalDate } from '../time';
import { LIMIT_AVERAGINGS, type LimitStandard } from './types';

/**
 * Why an import is refused, as a stable code plus parameters: the interface renders each code from messages
 * (limitsAdmin.import.issues.<code>, ICU parameters); `message` keeps an English text for the API and logs.
 */
export type LimitImportParams = {
  empty_file: Record<string, never>;
  missing_columns: { columns: string };
  no_data_rows: Record<string, never>;
  not_a_number: { field: string; value: string };
  not_a_boolean: { field: string; value: string };
  differs_in_version: { field: string; firstLine: number; standard: string; version: string };
  invalid_json: { detail: string };
  no_standards: Record<string, never>;
  not_a_standard: Record<string, never>;
  required: { field: string };
  invalid_type: { field: string; expected: string };
  too_small: { field: string; origin: string; minimum: number };
  too_big: { field: string; origin: string; maximum: number };
  invalid_option: { field: string; value: string; allowed: string };
  invalid_date_format: { field: string; value: string };
  not_calendar_date: { field: string; value: string };
  invalid_parameter_code: { field: string; value: string };
  min_or_max_required: { parameter: string };
  min_above_max: { parameter: string; min: number; max: number };
  effective_to_not_after_from: { from: string; to: string };
  duplicate_value: { parameter: string; averaging: string; column: string };
  duplicate_standard: { standard: string; version: string };
  version_exists: { standard: string; version: string };
  invalid: { field: string };
};
export type LimitImportErrorCode = keyof LimitImportParams;

const CODES: Record<LimitImportErrorCode, true> = {
  empty_file: true,
  missing_columns: true,
  no_data_rows: true,
  not_a_number: true,
  not_a_boolean: true,
  differs_in_version: true,
  invalid_json: true,
  no_standards: true,
  not_a_standard: true,
  required: true,
  invalid_type: true,
  too_small: true,
  too_big: true,
  invalid_option: true,
  invalid_date_format: true,
  not_calendar_date: true,
  invalid_parameter_code: true,
  min_or_max_required: true,
  min_above_max: true,
  effective_to_not_after_from: true,
  duplicate_value: true,
  duplicate_standard: true,
  version_exists: true,
  invalid: true,
};
export const LIMIT_IMPORT_ERROR_CODES = Object.keys(CODES) as LimitImportErrorCode[];

/** A code with its own parameters and the English text. */
export type LimitImportProblem = {
  [C in LimitImportErrorCode]: { code: C; params: LimitImportParams[C]; message: string };
}[LimitImportErrorCode];

export function limitImportProblem<C extends LimitImportErrorCode>(code: C, params: LimitImportParams[C], message: string): LimitImportProblem {
  return { code, params, message } as LimitImportProblem;
}

/** Custom zod issues carry their problem in `params`, so the mapping below needs no text matching. */
function addProblem<C extends LimitImportErrorCode>(
  ctx: z.RefinementCtx,
  path: PropertyKey[],
  code: C,
  params: LimitImportParams[C],
  message: string,
): void {
  ctx.addIssue({ code: 'custom', path, message, params: { problem: code, values: params } });
}

const DATE_FORMAT = /^\d{4}-\d{2}-\d{2}$/;

const localDate = z
  .string()
  .regex(DATE_FORMAT, 'expected YYYY-MM-DD')
  .superRefine((d, ctx) => {
    // A malformed text is already reported by the regex.
    if (!DATE_FORMAT.test(d)) return;
    if (parseLocalDate(d) === null)
      addProblem(ctx, [], 'not_calendar_date', { field: '', value: d }, 'not a calendar date');
  });

const limitValueSchema = z
  .object({
    column: z.string().trim().min(1).max(20),
    parameter: z
      .string()
      .trim()
      .regex(/^[A-Z][A-Z0-9_]*$/, 'canonical parameter code, e.g. COD, NH4, PM25'),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    averaging: z.enum(LIMIT_AVERAGINGS),
    applyCoefficients: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.min === undefined && v.max === undefined)
      addProblem(ctx, [], 'min_or_max_required', { parameter: v.parameter }, 'a value needs min or max');
    if (v.min !== undefined && v.max !== undefined && v.min > v.max)
      addProblem(ctx, [], 'min_above_max', { parameter: v.parameter, min: v.min, max: v.max }, 'min must not exceed max');
  });

/** One version of a standard as an admin imports it (QCVN 40:2025, QCVN 19:2024 …) from JSON. */
export const limitStandardImportSchema = z
  .object({
    code: z.string().trim().min(1).max(40),
    name: z.string().trim().min(1).max(300),
    version: z.string().trim().min(1).max(40),
    effectiveFrom: localDate,
    effectiveTo: localDate.optional(),
    kind: z.enum(STATION_KINDS),
    values: z.array(limitValueSchema).min(1),
  })
  .superRefine((s, ctx) => {
    if (s.effectiveTo !== undefined && s.effectiveTo <= s.effectiveFrom)
      addProblem(ctx, ['effectiveTo'], 'effective_to_not_after_from', { from: s.effectiveFrom, to: s.effectiveTo }, 'effectiveTo must be after effectiveFrom');
    const seen = new Set<string>();
    s.values.forEach((v, i) => {
      const key = `${v.column}|${v.parameter}|${v.averaging}`;
      if (seen.has(key))
        addProblem(
          ctx,
          ['values', i],
          'duplicate_value',
          { parameter: v.parameter, averaging: v.averaging, column: v.column },
          `duplicate ${v.parameter} ${v.averaging} in column ${v.column}`,
        );
      seen.add(key);
    });
  });

export type LimitStandardImport = z.infer<typeof limitStandardImportSchema>;

/** The value at a zod issue's path in the parsed input, for the parameters of a problem. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const shown = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : (JSON.stringify(v) ?? String(v)));

/**
 * A zod issue of limitStandardImportSchema as a problem: `fieldName` turns the schema key into the name the file
 * uses (CSV column or JSON key); `message` is the English text the parser reported before codes.
 */
function problemOfIssue(issue: z.core.$ZodIssue, input: unknown, fieldName: (key: string) => string, message: string): LimitImportProblem {
  const key = [...issue.path].reverse().find((p): p is string => typeof p === 'string');
  const field = key === undefined ? '' : fieldName(key);
  const raw = valueAt(input, issue.path);
  const value = shown(raw);
  switch (issue.code) {
    case 'custom': {
      const p = issue.params as { problem?: unknown; values?: unknown } | undefined;
      if (typeof p?.problem === 'string' && p.problem in CODES) {
        const values = p.values as Record<string, unknown>;
        // Field-level refinements (dates) are declared without knowing their field.
        const params = 'field' in values ? { ...values, field } : values;
        return { code: p.problem, params, message } as LimitImportProblem;
      }
      return limitImportProblem('invalid', { field }, message);
    }
    case 'invalid_type':
      if (issue.path.length === 0) return limitImportProblem('not_a_standard', {}, message);
      if (raw === undefined) return limitImportProblem('required', { field }, message);
      return limitImportProblem('invalid_type', { field, expected: issue.expected }, message);
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return limitImportProblem('required', { field }, message);
      return limitImportProblem('too_small', { field, origin: issue.origin, minimum: Number(issue.minimum) }, message);
    case 'too_big':
      return limitImportProblem('too_big', { field, origin: issue.origin, maximum: Number(issue.maximum) }, message);
    case 'invalid_value':
      if (value.trim() === '') return limitImportProblem('required', { field }, message);
      return limitImportProblem('invalid_option', { field, value, allowed: issue.values.map(String).join(', ') }, message);
    case 'invalid_format':
      if (value.trim() === '') return limitImportProblem('required', { field }, message);
      if (key === 'parameter') return limitImportProblem('invalid_parameter_code', { field, value }, message);
      if (key === 'effectiveFrom' || key === 'effectiveTo') return limitImportProblem('invalid_date_format', { field, value }, message);
      return limitImportProblem('invalid', { field }, message);
    default:
      return limitImportProblem('invalid', { field }, message);
  }
}

/** A CSV error: the 1-based line, or 0 for the whole file. */
export type LimitCsvError = LimitImportProblem & { line: number };

export type LimitCsvResult = { ok: true; standards: LimitStandard[] } | { ok: false; errors: LimitCsvError[] };

/** Schema keys under the names of LIMIT_CSV_COLUMNS. */
const CSV_FIELD: Record<string, string> = {
  code: 'standard',
  effectiveFrom: 'effective_from',
  effectiveTo: 'effective_to',
  applyCoefficients: 'apply_coefficients',
};
const csvField = (key: string): string => CSV_FIELD[key] ?? key;

export const LIMIT_CSV_COLUMNS = [
  'standard',
  'version',
  'effective_from',
  'effective_to',
  'kind',
  'column',
  'parameter',
  'min',
  'max',
  'averaging',
  'apply_coefficients',
] as const;

/** Splits one CSV line; fields may be double-quoted with "" for a quote inside. */
function splitCsvLine(line: string, delimiter = ','): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}

const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  '1': true,
  '0': false,
  x: true,
  '': false,
};

/**
 * CSV (header row with LIMIT_CSV_COLUMNS in any order, plus an optional `name`) → standards grouped by (standard,
 * version), each validated by limitStandardImportSchema. Rows of one version must agree on dates and kind.
 * Any error rejects the whole file; errors carry the 1-based line (a version's first line for whole-version errors).
 */
export function parseLimitCsv(text: string): LimitCsvResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  // Spreadsheets set to Vietnamese save CSV with ';' between fields and a decimal comma: accept both forms.
  const first = lines[0] ?? '';
  const delimiter = !first.includes(',') && first.includes(';') ? ';' : ',';
  const header = splitCsvLine(first, delimiter).map((h) => h.toLowerCase());
  const missing = LIMIT_CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0)
    return {
      ok: false,
      errors: [{ line: 1, ...limitImportProblem('missing_columns', { columns: missing.join(', ') }, `missing columns: ${missing.join(', ')}`) }],
    };

  const errors: LimitCsvError[] = [];
  const groups = new Map<
    string,
    { line: number; valueLines: number[]; standard: Record<string, unknown> & { values: Record<string, unknown>[] } }
  >();
  lines.slice(1).forEach((raw, index) => {
    const line = index + 2;
    if (raw.trim() === '') return;
    const fields = splitCsvLine(raw, delimiter);
    const get = (name: string): string => fields[header.indexOf(name)] ?? '';
    const number = (name: string): number | undefined => {
      const s = get(name);
      if (s === '') return undefined;
      const n = Number(/^[+-]?\d+,\d+$/.test(s) ? s.replace(',', '.') : s);
      if (!Number.isFinite(n))
        errors.push({ line, ...limitImportProblem('not_a_number', { field: name, value: s }, `${name}: not a number "${s}"`) });
      return n;
    };
    const applyWord = get('apply_coefficients').toLowerCase();
    const apply = BOOLEAN_WORDS[applyWord];
    if (apply === undefined)
      errors.push({
        line,
        ...limitImportProblem(
          'not_a_boolean',
          { field: 'apply_coefficients', value: get('apply_coefficients') },
          `apply_coefficients: expected true/false, got "${applyWord}"`,
        ),
      });

    const head = {
      code: get('standard'),
      name: get('name') || get('standard'),
      version: get('version'),
      effectiveFrom: get('effective_from'),
      ...(get('effective_to') !== '' && { effectiveTo: get('effective_to') }),
      kind: get('kind'),
    };
    const key = `${head.code}\u0000${head.version}`;
    const group = groups.get(key) ?? { line, valueLines: [], standard: { ...head, values: [] } };
    groups.set(key, group);
    for (const field of ['effectiveFrom', 'effectiveTo', 'kind'] as const) {
      if (group.standard[field] !== head[field as keyof typeof head]) {
        errors.push({
          line,
          ...limitImportProblem(
            'differs_in_version',
            { field: csvField(field), firstLine: group.line, standard: head.code, version: head.version },
            `${field} differs from line ${group.line} for ${head.code} ${head.version}`,
          ),
        });
      }
    }
    const min = number('min');
    const max = number('max');
    group.valueLines.push(line);
    group.standard.values.push({
      column: get('column'),
      parameter: get('parameter').toUpperCase(),
      ...(min !== undefined && { min }),
      ...(max !== undefined && { max }),
      averaging: get('averaging'),
      applyCoefficients: apply ?? false,
    });
  });
  if (groups.size === 0 && errors.length === 0) errors.push({ line: 0, ...limitImportProblem('no_data_rows', {}, 'no data rows') });

  const standards: LimitStandard[] = [];
  // A row already reported (bad number, bad boolean) is not reported again by the schema.
  const reported = new Set(errors.map((e) => e.line));
  for (const { line, valueLines, standard } of groups.values()) {
    const parsed = limitStandardImportSchema.safeParse(standard);
    if (parsed.success) standards.push(parsed.data);
    else {
      for (const issue of parsed.error.issues) {
        const row =
          issue.path[0] === 'values' && typeof issue.path[1] === 'number' ? valueLines[issue.path[1]] : undefined;
        if (row !== undefined && reported.has(row)) continue;
        // An empty name fell back to the empty standard code, which is reported already.
        if (issue.path[0] === 'name' && standard.code === '') continue;
        const message = `${standard.code} ${standard.version} ${issue.path.join('.')}: ${issue.message}`;
        errors.push({ line: row ?? line, ...problemOfIssue(issue, standard, csvField, message) });
      }
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, standards };
}

export type LimitImportFormat = 'json' | 'csv';

/** One reason a file is refused: the 1-based line when known (CSV rows, JSON syntax), the field path, the problem. */
export type LimitImportIssue = LimitImportProblem & { line: number | null; path: string };

/**
 * What the interface receives: a coded issue, or only an English text from a path that does not carry the code
 * (server/actions/limits-admin.ts rebuilds the errors of a refused save from AppError details as line/path/message).
 */
export type LimitImportError = LimitImportIssue | { line: number | null; path: string; message: string; code?: undefined; params?: undefined };

export type LimitImportResult = { ok: true; standards: LimitStandard[] } | { ok: false; errors: LimitImportIssue[] };

/** The format of an uploaded file: by its extension, else by its first character ({ or [ is JSON). */
export function detectLimitImportFormat(fileName: string, content: string): LimitImportFormat {
  const name = fileName.toLowerCase();
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'csv';
  return /^\uFEFF?\s*[[{]/.test(content) ? 'json' : 'csv';
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text[i] === '\n') line += 1;
  return line;
}

/** JSON.parse's message names a position (and in newer engines a line); turn either into a line number. */
function jsonSyntaxLine(text: string, message: string): number | null {
  const l = /line (\d+)/.exec(message);
  if (l) return Number(l[1]);
  const p = /position (\d+)/.exec(message);
  return p ? lineAt(text, Number(p[1])) : null;
}

type JsonStandardLike = { code?: unknown; version?: unknown; values?: unknown };

/** A readable path: "QCVN40:2025 2025 › values[3] (COD) › max" rather than "0.values.2.max". */
function describeJsonPath(items: readonly unknown[], path: readonly PropertyKey[]): string {
  const [index, ...rest] = path;
  if (typeof index !== 'number') return path.map(String).join('.');
  const s = (items[index] ?? {}) as JsonStandardLike;
  const head = [typeof s.code === 'string' ? s.code : `#${index + 1}`, typeof s.version === 'string' ? s.version : ''].filter(Boolean).join(' ');
  const parts = [items.length > 1 ? `[${index + 1}] ${head}` : head];
  if (rest[0] === 'values' && typeof rest[1] === 'number') {
    const v = Array.isArray(s.values) ? (s.values[rest[1]] as { parameter?: unknown } | undefined) : undefined;
    parts.push(`values[${rest[1] + 1}]${typeof v?.parameter === 'string' ? ` (${v.parameter})` : ''}`);
    if (rest.length > 2) parts.push(rest.slice(2).map(String).join('.'));
  } else if (rest.length > 0) parts.push(rest.map(String).join('.'));
  return parts.join(' › ');
}

/**
 * Parses an uploaded standard file without storing anything: JSON (one standard object or an array of them) or CSV
 * (LIMIT_CSV_COLUMNS). Every problem is reported, each with its line (CSV, JSON syntax) or field path (JSON values).
 */
export function parseLimitImport(format: LimitImportFormat, content: string): LimitImportResult {
  const text = content.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, errors: [{ line: null, path: '', ...limitImportProblem('empty_file', {}, 'the file is empty') }] };
  if (format === 'csv') {
    const r = parseLimitCsv(text);
    return r.ok ? r : { ok: false, errors: r.errors.map((e) => ({ ...e, line: e.line === 0 ? null : e.line, path: '' })) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const line = jsonSyntaxLine(text, message);
    return { ok: false, errors: [{ line, path: '', ...limitImportProblem('invalid_json', { detail: message }, `not valid JSON: ${message}`) }] };
  }
  const items: unknown[] = Array.isArray(json) ? json : [json];
  if (items.length === 0)
    return { ok: false, errors: [{ line: null, path: '', ...limitImportProblem('no_standards', {}, 'the array holds no standard') }] };
  const errors: LimitImportIssue[] = [];
  const standards: LimitStandard[] = [];
  items.forEach((item, i) => {
    const r = limitStandardImportSchema.safeParse(item);
    if (r.success) standards.push(r.data);
    else
      for (const issue of r.error.issues)
        errors.push({ line: null, path: describeJsonPath(items, [i, ...issue.path]), ...problemOfIssue(issue, item, (k) => k, issue.message) });
  });
  const seen = new Set<string>();
  standards.forEach((s) => {
    const key = `${s.code}\u0000${s.version}`;
    if (seen.has(key))
      errors.push({
        line: null,
        path: `${s.code} ${s.version}`,
        ...limitImportProblem('duplicate_standard', { standard: s.code, version: s.version }, 'the same code and version appear twice in the file'),
      });
    seen.add(key);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, standards };
}
