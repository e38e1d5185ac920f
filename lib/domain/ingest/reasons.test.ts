import { describe, expect, it } from 'vitest';
import {
  INGEST_REASON_CODES,
  INGEST_REASONS,
  MAX_QUOTED_CHARS,
  ingestReason,
  isIngestReasonCode,
  quotedField,
  renderIngestReason,
  toIngestReason,
  type StoredReason,
} from './reasons';

describe('ingest reason registry', () => {
  it('codes are snake_case', () => {
    for (const code of INGEST_REASON_CODES) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it.each(INGEST_REASON_CODES)('%s: its English text names exactly its parameters', (code) => {
    const spec = INGEST_REASONS[code];
    const named = [...spec.en.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(named).toEqual(Object.keys(spec.params).sort());
  });

  it('clock_ahead is the bare code a reading carries in its QC reasons (DOMAIN.md §2)', () => {
    expect(INGEST_REASONS.clock_ahead.level).toBe('reading');
    expect(renderIngestReason(ingestReason('clock_ahead'))).toBe('clock_ahead');
  });
});

describe('renderIngestReason: the wording the ledger and the API carry', () => {
  it.each<[string, StoredReason, string]>([
    ['no parameters', { code: 'no_valid_lines', params: {} }, 'no valid data lines'],
    ['an integer', { code: 'file_too_large', params: { maxBytes: 1048576 } }, 'file larger than 1048576 bytes'],
    ['two integers', { code: 'lines_rejected', params: { rejected: 2, total: 7 } }, '2 of 7 lines rejected'],
    ['a quoted text', { code: 'unknown_station', params: { fileCode: 'DINHTRAM_NT09' } }, "unknown station 'DINHTRAM_NT09'"],
    ['a value holding braces is not expanded again', { code: 'not_a_number', params: { value: '{value}' } }, "not a number: '{value}'"],
    [
      'a local time',
      { code: 'conflict', params: { parameter: 'COD', time: '20240524100500' } },
      'conflict: a different value is already stored for COD at 20240524100500; the stored value was kept',
    ],
    [
      'the file-name pattern',
      { code: 'name_parts', params: { pattern: '<P>.txt', found: 3 } },
      "name does not match the pattern <P>.txt: expected at least 4 parts separated by '_', found 3",
    ],
  ])('%s', (_label, stored, text) => {
    const r = toIngestReason(stored);
    expect(r).not.toBeNull();
    expect(renderIngestReason(r!)).toBe(text);
  });
});

describe('toIngestReason: a stored reason is typed only when its code and parameters fit', () => {
  it.each<[string, StoredReason, boolean]>([
    ['known code, parameters fit', { code: 'bad_time', params: { value: '2024' } }, true],
    ['extra parameters are tolerated', { code: 'empty_file', params: { note: 'x' } }, true],
    ['unknown code', { code: 'moon_phase', params: {} }, false],
    ['inherited property is no code', { code: 'toString', params: {} }, false],
    ['missing parameter', { code: 'bad_time', params: {} }, false],
    ['integer given as text', { code: 'same_content', params: { fileId: '12' } }, false],
    ['fractional integer', { code: 'same_content', params: { fileId: 1.5 } }, false],
    ['local time of 14 digits', { code: 'conflict', params: { parameter: 'COD', time: '20240524100500' } }, true],
    ['local time of 13 digits', { code: 'conflict', params: { parameter: 'COD', time: '2024052410050' } }, false],
  ])('%s', (_label, stored, ok) => {
    expect(toIngestReason(stored) !== null).toBe(ok);
  });

  it('isIngestReasonCode', () => {
    expect(isIngestReasonCode('not_owned')).toBe(true);
    expect(isIngestReasonCode('constructor')).toBe(false);
  });
});

describe('quotedField: a field quoted in a reason is at most 40 characters and an ellipsis', () => {
  it.each([
    ['short', 'abc', 'abc'],
    ['exactly the limit', 'x'.repeat(MAX_QUOTED_CHARS), 'x'.repeat(MAX_QUOTED_CHARS)],
    ['one over the limit', 'x'.repeat(MAX_QUOTED_CHARS + 1), `${'x'.repeat(MAX_QUOTED_CHARS)}…`],
    ['empty', '', ''],
  ])('%s', (_label, token, quoted) => {
    expect(quotedField(token)).toBe(quoted);
  });
});
