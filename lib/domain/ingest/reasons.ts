/**
 * The one registry of ingest reasons (DOMAIN.md §2): why a file, a line or a reading was not (fully) taken. The
 * pipeline records `{ code, params }` together with the English text rendered from `en` (what the ledger and the API
 * have always shown); screens, exports and messages translate the code (messages: `ingestReasons.<code>`). Nothing
 * parses the text back.
 */

/** `integer`: a count or size; `string`: text as found (shortened); `localTime`: `yyyyMMddHHmmss` in local time. */
export type ReasonParamType = 'string' | 'integer' | 'localTime';

type ReasonSpec = {
  /** `file`: the whole file; `line`: one line of it; `reading`: kept, but flagged (a QC reason of the reading). */
  level: 'file' | 'line' | 'reading';
  params: Readonly<Record<string, ReasonParamType>>;
  /** English text; `{name}` is replaced by the parameter's value. */
  en: string;
};

const NAME = 'name does not match the pattern {pattern}';

export const INGEST_REASONS = {
  // The file as a whole, before its lines are read.
  file_too_large: { level: 'file', params: { maxBytes: 'integer' }, en: 'file larger than {maxBytes} bytes' },
  empty_file_name: { level: 'file', params: {}, en: 'empty file name' },
  name_path_separators: { level: 'file', params: {}, en: "invalid file name: path separators or '..' are not allowed" },
  name_control_characters: { level: 'file', params: {}, en: 'invalid file name: control characters are not allowed' },
  name_too_long: { level: 'file', params: { maxLength: 'integer' }, en: 'invalid file name: longer than {maxLength} characters' },
  name_extension: { level: 'file', params: { pattern: 'string' }, en: `${NAME}: the extension must be .txt` },
  name_parts: {
    level: 'file',
    params: { pattern: 'string', found: 'integer' },
    en: `${NAME}: expected at least 4 parts separated by '_', found {found}`,
  },
  name_province: { level: 'file', params: { pattern: 'string', province: 'string' }, en: `${NAME}: province code '{province}' must be letters or digits` },
  name_codes: { level: 'file', params: { pattern: 'string' }, en: `${NAME}: facility and station codes must be letters, digits or '-'` },
  name_time_format: { level: 'file', params: { pattern: 'string', time: 'string' }, en: `${NAME}: time '{time}' is not yyyyMMddHHmmss` },
  name_time_value: { level: 'file', params: { pattern: 'string', time: 'string' }, en: `${NAME}: time '{time}' is not a valid date and time` },
  empty_file: { level: 'file', params: {}, en: 'empty file' },
  not_text_nul: { level: 'file', params: {}, en: 'not a text file (contains NUL bytes)' },
  not_text_binary: { level: 'file', params: {}, en: 'not a text file (binary content)' },
  unknown_station: { level: 'file', params: { fileCode: 'string' }, en: "unknown station '{fileCode}'" },
  not_owned: { level: 'file', params: {}, en: 'station not owned by the uploading account' },
  no_data_lines: { level: 'file', params: {}, en: 'no data lines' },
  not_an_image: { level: 'file', params: {}, en: 'not a JPEG or PNG image, or its content does not match its name' },
  // One line; the rest of the file is kept.
  wrong_field_count: {
    level: 'line',
    params: { found: 'integer' },
    en: "wrong number of fields: expected 'symbol value unit time status' (3 to 5 fields), found {found}",
  },
  unknown_parameter: { level: 'line', params: { symbol: 'string' }, en: "unknown parameter '{symbol}' for this station" },
  not_a_number: { level: 'line', params: { value: 'string' }, en: "not a number: '{value}'" },
  unknown_unit: { level: 'line', params: { unit: 'string', parameter: 'string' }, en: "unknown unit '{unit}' for {parameter}" },
  unit_mismatch: {
    level: 'line',
    params: { unit: 'string', parameter: 'string', expected: 'string' },
    en: "unit '{unit}' does not fit {parameter} (expected {expected})",
  },
  bad_time: { level: 'line', params: { value: 'string' }, en: "bad time: '{value}' (expected yyyyMMddHHmmss)" },
  bad_device_status: { level: 'line', params: { value: 'string' }, en: "bad device status: '{value}' (expected 00, 01, 02 or 03)" },
  conflict: {
    level: 'line',
    params: { parameter: 'string', time: 'localTime' },
    en: 'conflict: a different value is already stored for {parameter} at {time}; the stored value was kept',
  },
  // The file's outcome, from what happened to its lines.
  lines_rejected: { level: 'file', params: { rejected: 'integer', total: 'integer' }, en: '{rejected} of {total} lines rejected' },
  all_duplicate: { level: 'file', params: {}, en: 'every reading was already stored with the same value' },
  same_content: { level: 'file', params: { fileId: 'integer' }, en: 'same content as file #{fileId}, already stored' },
  all_conflict: { level: 'file', params: {}, en: 'every value conflicts with a value already stored; the stored values were kept' },
  no_valid_lines: { level: 'file', params: {}, en: 'no valid data lines' },
  internal_error: { level: 'file', params: { message: 'string' }, en: 'internal error while storing: {message}' },
  // A reading kept as evidence but never valid (stored in the reading's QC reasons as the bare code).
  clock_ahead: { level: 'reading', params: {}, en: 'clock_ahead' },
} as const satisfies Record<string, ReasonSpec>;

type Registry = typeof INGEST_REASONS;
export type IngestReasonCode = keyof Registry;
type ValueOf<T> = T extends 'integer' ? number : string;
export type IngestReasonParams<C extends IngestReasonCode> = { -readonly [K in keyof Registry[C]['params']]: ValueOf<Registry[C]['params'][K]> };
/** A reason as the pipeline produces it: a code with exactly its parameters. */
export type IngestReason<C extends IngestReasonCode = IngestReasonCode> = { [K in C]: { code: K; params: IngestReasonParams<K> } }[C];

/** A reason as stored (the ledger may hold codes this version does not know): validate with `toIngestReason`. */
export type ReasonParams = Readonly<Record<string, string | number>>;
export type StoredReason = { code: string; params: ReasonParams };

export const INGEST_REASON_CODES = Object.keys(INGEST_REASONS) as IngestReasonCode[];

export function isIngestReasonCode(code: string): code is IngestReasonCode {
  return Object.hasOwn(INGEST_REASONS, code);
}

type ParamsArg<C extends IngestReasonCode> = keyof IngestReasonParams<C> extends never ? [] : [IngestReasonParams<C>];

/** `ingestReason('unknown_station', { fileCode })`; a code without parameters takes none. */
export function ingestReason<C extends IngestReasonCode>(code: C, ...params: ParamsArg<C>): IngestReason<C> {
  return { code, params: params[0] ?? {} } as IngestReason<C>;
}

const LOCAL_TIME = /^\d{14}$/;

function fits(type: ReasonParamType, v: unknown): boolean {
  if (type === 'integer') return typeof v === 'number' && Number.isInteger(v);
  if (type === 'localTime') return typeof v === 'string' && LOCAL_TIME.test(v);
  return typeof v === 'string';
}

/** The typed reason of a stored one; null for a code this version does not know or parameters that do not fit it. */
export function toIngestReason(r: StoredReason): IngestReason | null {
  if (!isIngestReasonCode(r.code)) return null;
  const spec: Readonly<Record<string, ReasonParamType>> = INGEST_REASONS[r.code].params;
  for (const [name, type] of Object.entries(spec)) if (!fits(type, r.params[name])) return null;
  return r as IngestReason;
}

/** The English text of a reason (the wording the ledger and the API carry). */
export function renderIngestReason(r: IngestReason): string {
  const params: ReasonParams = r.params;
  return INGEST_REASONS[r.code].en.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** Longest field text quoted in a reason, so a garbage line cannot flood the ledger. */
export const MAX_QUOTED_CHARS = 40;

/** A field as quoted in a reason: shortened with `…` beyond MAX_QUOTED_CHARS. */
export function quotedField(token: string): string {
  return token.length > MAX_QUOTED_CHARS ? `${token.slice(0, MAX_QUOTED_CHARS)}…` : token;
}
