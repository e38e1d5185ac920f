import { ingestReason, type IngestReason } from './ingest/reasons';
import { parseCompactLocalTime } from './time';

/**
 * Data file names (Circular 10/2021 Annex 15): `<PROVINCE>_<FACILITY>_<STATION>_<yyyyMMddHHmmss>.txt`. The province
 * is any run of letters or digits (old and new codes, and numeric ones such as `24`, all occur in the field); everything between the first
 * and the last `_` is the station's file code; the extension is case-insensitive.
 */
export type ParsedFileName = {
  province: string;
  /** `<FACILITY>_<STATION>` as written (match case-insensitively). */
  fileCode: string;
  timeText: string;
  /** The name's time as a UTC instant. */
  time: Date;
};

export type FileNameResult = { ok: true; value: ParsedFileName } | { ok: false; reason: IngestReason };

export const FILE_NAME_PATTERN = '<PROVINCE>_<FACILITY>_<STATION>_<yyyyMMddHHmmss>.txt';
const MAX_NAME_LENGTH = 255;
const pattern = FILE_NAME_PATTERN;

/** Names that could address another folder (path separators, `..`) or that contain control characters. */
export function unsafeFileNameReason(name: string): IngestReason | null {
  if (name.length === 0) return ingestReason('empty_file_name');
  if (/[/\\]/.test(name) || name.includes('..')) return ingestReason('name_path_separators');
  if (/[\u0000-\u001f\u007f]/.test(name)) return ingestReason('name_control_characters');
  if (name.length > MAX_NAME_LENGTH) return ingestReason('name_too_long', { maxLength: MAX_NAME_LENGTH });
  return null;
}

const CODE_PART = /^[A-Za-z0-9-]+$/;

export function parseFileName(name: string): FileNameResult {
  const unsafe = unsafeFileNameReason(name);
  if (unsafe) return { ok: false, reason: unsafe };
  const m = /^(.*)\.txt$/i.exec(name);
  if (!m) return { ok: false, reason: ingestReason('name_extension', { pattern }) };
  const tokens = m[1]!.split('_');
  if (tokens.length < 4) return { ok: false, reason: ingestReason('name_parts', { pattern, found: tokens.length }) };
  const province = tokens[0]!;
  const timeText = tokens[tokens.length - 1]!;
  const middle = tokens.slice(1, -1);
  if (!/^[A-Za-z0-9]+$/.test(province)) return { ok: false, reason: ingestReason('name_province', { pattern, province }) };
  if (middle.some((t) => !CODE_PART.test(t))) return { ok: false, reason: ingestReason('name_codes', { pattern }) };
  if (!/^\d{14}$/.test(timeText)) return { ok: false, reason: ingestReason('name_time_format', { pattern, time: timeText }) };
  const time = parseCompactLocalTime(timeText);
  if (!time) return { ok: false, reason: ingestReason('name_time_value', { pattern, time: timeText }) };
  return { ok: true, value: { province, fileCode: middle.join('_'), timeText, time } };
}
