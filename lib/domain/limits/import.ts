import { z } from 'zod';
import { STATION_KINDS } from '../parameters';
import { localDateToEpochMs } from './resolve';
import { LIMIT_AVERAGINGS, type LimitStandard } from './types';

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((d) => {
    const ms = localDateToEpochMs(d);
    return Number.isFinite(ms) && new Date(ms + 7 * 3_600_000).toISOString().startsWith(d);
  }, 'not a calendar date');

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
  .refine((v) => v.min !== undefined || v.max !== undefined, 'a value needs min or max')
  .refine((v) => v.min === undefined || v.max === undefined || v.min <= v.max, 'min must not exceed max');

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
  .refine((s) => s.effectiveTo === undefined || s.effectiveTo > s.effectiveFrom, {
    message: 'effectiveTo must be after effectiveFrom',
    path: ['effectiveTo'],
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.values.forEach((v, i) => {
      const key = `${v.column}|${v.parameter}|${v.averaging}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          message: `duplicate ${v.parameter} ${v.averaging} in column ${v.column}`,
          path: ['values', i],
        });
      seen.add(key);
    });
  });

export type LimitStandardImport = z.infer<typeof limitStandardImportSchema>;

export type LimitCsvResult =
  { ok: true; standards: LimitStandard[] } | { ok: false; errors: { line: number; message: string }[] };

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
    return { ok: false, errors: [{ line: 1, message: `missing columns: ${missing.join(', ')}` }] };

  const errors: { line: number; message: string }[] = [];
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
      if (!Number.isFinite(n)) errors.push({ line, message: `${name}: not a number "${s}"` });
      return n;
    };
    const applyWord = get('apply_coefficients').toLowerCase();
    const apply = BOOLEAN_WORDS[applyWord];
    if (apply === undefined)
      errors.push({ line, message: `apply_coefficients: expected true/false, got "${applyWord}"` });

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
        errors.push({ line, message: `${field} differs from line ${group.line} for ${head.code} ${head.version}` });
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
  if (groups.size === 0 && errors.length === 0) errors.push({ line: 0, message: 'no data rows' });

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
        errors.push({
          line: row ?? line,
          message: `${standard.code} ${standard.version} ${issue.path.join('.')}: ${issue.message}`,
        });
      }
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, standards };
}

export type LimitImportFormat = 'json' | 'csv';

/** One reason a file is refused: the 1-based line when known (CSV rows, JSON syntax), and the field path. */
export type LimitImportError = { line: number | null; path: string; message: string };

export type LimitImportResult = { ok: true; standards: LimitStandard[] } | { ok: false; errors: LimitImportError[] };

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
  if (text.trim() === '') return { ok: false, errors: [{ line: null, path: '', message: 'the file is empty' }] };
  if (format === 'csv') {
    const r = parseLimitCsv(text);
    return r.ok ? r : { ok: false, errors: r.errors.map((e) => ({ line: e.line === 0 ? null : e.line, path: '', message: e.message })) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ line: jsonSyntaxLine(text, message), path: '', message: `not valid JSON: ${message}` }] };
  }
  const items = Array.isArray(json) ? json : [json];
  if (items.length === 0) return { ok: false, errors: [{ line: null, path: '', message: 'the array holds no standard' }] };
  const errors: LimitImportError[] = [];
  const standards: LimitStandard[] = [];
  items.forEach((item, i) => {
    const r = limitStandardImportSchema.safeParse(item);
    if (r.success) standards.push(r.data);
    else for (const issue of r.error.issues) errors.push({ line: null, path: describeJsonPath(items, [i, ...issue.path]), message: issue.message });
  });
  const seen = new Set<string>();
  standards.forEach((s) => {
    const key = `${s.code}\u0000${s.version}`;
    if (seen.has(key)) errors.push({ line: null, path: `${s.code} ${s.version}`, message: 'the same code and version appear twice in the file' });
    seen.add(key);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, standards };
}
