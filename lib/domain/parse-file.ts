import { ingestReason, quotedField, type IngestReason } from './ingest/reasons';
import { resolveSymbol } from './symbols';
import { parseCompactLocalTime } from './time';
import { convertToUnit } from './units';

/**
 * Data file content (Circular 10/2021 Annex 15): one line per parameter, `symbol value unit time status`, TAB
 * separated. Tolerated (DOMAIN.md §2): any run of tabs/spaces, CRLF/LF, a UTF-8 BOM, blank lines, a missing status
 * (= 00), the legacy layouts `time symbol value unit`, `time symbol value`, `symbol value time [status]` (found by the
 * position of the 14-digit time), symbol and unit spellings. Anything else rejects that line with a reason; the rest
 * of the file is kept, and an unreadable value never becomes 0.
 */
export type DeviceStatus = '00' | '01' | '02' | '03';

export type ParseContext = {
  /** The station's parameters with the unit values must be stored in (the registry's unit). */
  parameters: readonly { code: string; unit: string }[];
  /** Per-station symbol aliases: field symbol → canonical code. */
  symbolAliases?: Readonly<Record<string, string>>;
};

export type ParsedReading = {
  /** 1-based line number in the file. */
  line: number;
  symbol: string;
  parameter: string;
  time: Date;
  value: number;
  /** The unit `value` is in (converted when the file used another unit). */
  unit: string;
  deviceStatus: DeviceStatus;
};

export type RejectedLine = { line: number; reason: IngestReason };
export type ParseResult = { readings: ParsedReading[]; rejectedLines: RejectedLine[]; dataLines: number };

export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'latin1' | 'utf-16le' | 'utf-16be' }
  | { ok: false; reason: IngestReason };

/** Share of control bytes (other than tab, CR, LF, FF, VT, DOS end-of-file) above which a file is not text. */
const MAX_CONTROL_SHARE = 0.01;

/**
 * Bytes → text: UTF-16 when the file starts with its byte-order mark (some Windows loggers write UTF-16LE), else UTF-8
 * when valid, else Latin-1 (old loggers), never a crash; NUL or many control bytes = not text.
 */
export function decodeFileText(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: ingestReason('empty_file') };
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    if (bytes.length % 2 !== 0) return { ok: false, reason: ingestReason('not_text_binary') };
    let text: string;
    try {
      text = new TextDecoder(utf16, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
    } catch {
      return { ok: false, reason: ingestReason('not_text_binary') };
    }
    if (text.length === 0) return { ok: false, reason: ingestReason('empty_file') };
    if (text.includes('\u0000')) return { ok: false, reason: ingestReason('not_text_nul') };
    return { ok: true, text, encoding: utf16 };
  }
  let controls = 0;
  for (const b of bytes) {
    if (b === 0) return { ok: false, reason: ingestReason('not_text_nul') };
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1a) || b === 0x7f) {
      controls++;
    }
  }
  if (controls > Math.max(1, bytes.length * MAX_CONTROL_SHARE)) {
    return { ok: false, reason: ingestReason('not_text_binary') };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { ok: true, text: new TextDecoder('latin1').decode(bytes), encoding: 'latin1' };
  }
}

const TIME_RE = /^\d{14}$/;
const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const STATUS_RE = /^0?[0-3]$/;
const ALL_DIGITS = /^\d+$/;

type Fields = { symbol: string; value: string; unit: string | null; time: string; status: string | null };

// The layouts, at module level: closures made per line cost more than the parsing itself on the ingest hot path.
type Tokens = readonly string[];
const isTime = (t: Tokens, i: number) => TIME_RE.test(t[i]!);
const std5 = (t: Tokens): Fields => ({ symbol: t[0]!, value: t[1]!, unit: t[2]!, time: t[3]!, status: t[4]! });
const std4 = (t: Tokens): Fields => ({ symbol: t[0]!, value: t[1]!, unit: t[2]!, time: t[3]!, status: null });
const timeFirst4 = (t: Tokens): Fields => ({ time: t[0]!, symbol: t[1]!, value: t[2]!, unit: t[3]!, status: null });
const timeFirst5 = (t: Tokens): Fields => ({ time: t[0]!, symbol: t[1]!, value: t[2]!, unit: t[3]!, status: t[4]! });
const noUnit4 = (t: Tokens): Fields => ({ symbol: t[0]!, value: t[1]!, time: t[2]!, status: t[3]!, unit: null });
const timeFirst3 = (t: Tokens): Fields => ({ time: t[0]!, symbol: t[1]!, value: t[2]!, unit: null, status: null });
const noUnit3 = (t: Tokens): Fields => ({ symbol: t[0]!, value: t[1]!, time: t[2]!, unit: null, status: null });

/** Assigns fields by layout; the 14-digit time token decides which legacy layout a line uses. */
function splitFields(t: Tokens): Fields | IngestReason {
  const n = t.length;
  if (n === 5) {
    if (isTime(t, 3)) return std5(t);
    if (isTime(t, 0)) return timeFirst5(t);
    return ALL_DIGITS.test(t[0]!) ? timeFirst5(t) : std5(t);
  }
  if (n === 4) {
    if (isTime(t, 3)) return std4(t);
    if (isTime(t, 0)) return timeFirst4(t);
    if (isTime(t, 2)) return noUnit4(t);
    // No valid time anywhere: guess the layout so the reason names the malformed time.
    if (ALL_DIGITS.test(t[0]!)) return timeFirst4(t);
    if (ALL_DIGITS.test(t[2]!) && STATUS_RE.test(t[3]!)) return noUnit4(t);
    return std4(t);
  }
  if (n === 3) {
    if (isTime(t, 0)) return timeFirst3(t);
    if (isTime(t, 2)) return noUnit3(t);
    return ALL_DIGITS.test(t[0]!) && !ALL_DIGITS.test(t[2]!) ? timeFirst3(t) : noUnit3(t);
  }
  return ingestReason('wrong_field_count', { found: n });
}

type LineResult = { ok: true; reading: Omit<ParsedReading, 'line'> } | { ok: false; reason: IngestReason };

/** Parses one non-blank line. */
export function parseLine(line: string, ctx: ParseContext): LineResult {
  const tokens = line.trim().split(/[\t ]+/);
  const fields = splitFields(tokens);
  if ('code' in fields) return { ok: false, reason: fields };

  const codes = ctx.parameters.map((p) => p.code);
  const parameter = resolveSymbol(fields.symbol, codes, ctx.symbolAliases ?? {});
  if (!parameter) return { ok: false, reason: ingestReason('unknown_parameter', { symbol: quotedField(fields.symbol) }) };

  const notNumber = () => ({ ok: false as const, reason: ingestReason('not_a_number', { value: quotedField(fields.value) }) });
  if (!NUMBER_RE.test(fields.value)) return notNumber();
  const raw = Number(fields.value);
  if (!Number.isFinite(raw)) return notNumber();

  const target = ctx.parameters.find((p) => p.code === parameter)!.unit;
  let value = raw;
  if (fields.unit !== null) {
    const unit = quotedField(fields.unit);
    const c = convertToUnit(raw, fields.unit, target);
    if (c.ok) value = c.value;
    else if (c.reason === 'unknown_unit') return { ok: false, reason: ingestReason('unknown_unit', { unit, parameter }) };
    else if (c.reason === 'incompatible') {
      return { ok: false, reason: ingestReason('unit_mismatch', { unit, parameter, expected: target }) };
    } else if (fields.unit.trim().toLowerCase() !== target.trim().toLowerCase()) {
      // A station-specific unit the table does not know: only its exact spelling is accepted.
      return { ok: false, reason: ingestReason('unknown_unit', { unit, parameter }) };
    }
  }

  const time = parseCompactLocalTime(fields.time);
  if (!time) return { ok: false, reason: ingestReason('bad_time', { value: quotedField(fields.time) }) };

  let deviceStatus: DeviceStatus = '00';
  if (fields.status !== null) {
    if (!STATUS_RE.test(fields.status)) {
      return { ok: false, reason: ingestReason('bad_device_status', { value: quotedField(fields.status) }) };
    }
    deviceStatus = fields.status.padStart(2, '0') as DeviceStatus;
  }
  return { ok: true, reading: { symbol: fields.symbol, parameter, time, value, unit: target, deviceStatus } };
}

/** Parses a whole file's text. Blank lines are skipped but counted for line numbers. */
export function parseDataText(text: string, ctx: ParseContext): ParseResult {
  const body = text.replace(/^\uFEFF/, '').replace(/\u001a+\s*$/, '');
  const lines = body.split(/\r\n|\n|\r/);
  const readings: ParsedReading[] = [];
  const rejectedLines: RejectedLine[] = [];
  let dataLines = 0;
  lines.forEach((l, i) => {
    if (l.trim() === '') return;
    dataLines++;
    const r = parseLine(l, ctx);
    if (r.ok) readings.push({ line: i + 1, ...r.reading });
    else rejectedLines.push({ line: i + 1, reason: r.reason });
  });
  return { readings, rejectedLines, dataLines };
}
