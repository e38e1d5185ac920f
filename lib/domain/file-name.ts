import { parseCompactLocalTime } from './time';

/**
 * Data file names (Circular 10/2021 Annex 15): `<PROVINCE>_<FACILITY>_<STATION>_<yyyyMMddHHmmss>.txt`. The province
 * is any run of letters (old and new province codes both occur since the 2025 mergers); everything between the first
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

export type FileNameResult = { ok: true; value: ParsedFileName } | { ok: false; reason: string };

export const FILE_NAME_PATTERN = '<PROVINCE>_<FACILITY>_<STATION>_<yyyyMMddHHmmss>.txt';
const NO_MATCH = `name does not match the pattern ${FILE_NAME_PATTERN}`;

/** Names that could address another folder (path separators, `..`) or that contain control characters. */
export function unsafeFileNameReason(name: string): string | null {
  if (name.length === 0) return 'empty file name';
  if (/[/\\]/.test(name) || name.includes('..')) return "invalid file name: path separators or '..' are not allowed";
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'invalid file name: control characters are not allowed';
  if (name.length > 255) return 'invalid file name: longer than 255 characters';
  return null;
}

const CODE_PART = /^[A-Za-z0-9-]+$/;

export function parseFileName(name: string): FileNameResult {
  const unsafe = unsafeFileNameReason(name);
  if (unsafe) return { ok: false, reason: unsafe };
  const m = /^(.*)\.txt$/i.exec(name);
  if (!m) return { ok: false, reason: `${NO_MATCH}: the extension must be .txt` };
  const tokens = m[1]!.split('_');
  if (tokens.length < 4) {
    return { ok: false, reason: `${NO_MATCH}: expected at least 4 parts separated by '_', found ${tokens.length}` };
  }
  const province = tokens[0]!;
  const timeText = tokens[tokens.length - 1]!;
  const middle = tokens.slice(1, -1);
  if (!/^[A-Za-z]+$/.test(province)) return { ok: false, reason: `${NO_MATCH}: province code '${province}' must be letters` };
  if (middle.some((t) => !CODE_PART.test(t))) {
    return { ok: false, reason: `${NO_MATCH}: facility and station codes must be letters, digits or '-'` };
  }
  if (!/^\d{14}$/.test(timeText)) return { ok: false, reason: `${NO_MATCH}: time '${timeText}' is not yyyyMMddHHmmss` };
  const time = parseCompactLocalTime(timeText);
  if (!time) return { ok: false, reason: `${NO_MATCH}: time '${timeText}' is not a valid date and time` };
  return { ok: true, value: { province, fileCode: middle.join('_'), timeText, time } };
}
