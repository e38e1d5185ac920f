import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseFileName } from '@/lib/domain/file-name';
import { decodeFileText, parseLine } from '@/lib/domain/parse-file';
import { REASON_KEYS, translateReason } from './reasons';

// lib/services/ingest-file's NOT_OWNED_REASON and CLOCK_AHEAD_REASON (components may not import services).
const NOT_OWNED_REASON = 'station not owned by the uploading account';
const CLOCK_AHEAD_REASON = 'clock_ahead';

const ctx = { parameters: [{ code: 'COD', unit: 'mg/L' }, { code: 'PH', unit: '-' }] };

/** The text the pipeline really produces, so a change of wording there fails here. */
function lineReason(line: string): string {
  const r = parseLine(line, ctx);
  if (r.ok) throw new Error(`expected a rejection for ${line}`);
  return r.reason;
}

describe('translateReason', () => {
  test.each([
    ['unknown station', "unknown station 'DINHTRAM_NT09'", 'unknownStation', { code: 'DINHTRAM_NT09' }],
    ['file too large', 'file larger than 1048576 bytes', 'fileTooLarge', { bytes: '1048576' }],
    ['not owned', NOT_OWNED_REASON, 'notOwned', {}],
    [
      'conflict with local time',
      'conflict: a different value is already stored for COD at 20240524100500; the stored value was kept',
      'conflict',
      { parameter: 'COD', time: '24/05/2024 10:05:00' },
    ],
    ['clock ahead', CLOCK_AHEAD_REASON, 'clockAhead', {}],
    ['partial summary', '2 of 7 lines rejected', 'linesRejected', { rejected: '2', total: '7' }],
    ['duplicate content', 'same content as file #42, already stored', 'sameContent', { id: '42' }],
    ['all duplicate', 'every reading was already stored with the same value', 'allDuplicate', {}],
    ['all conflict', 'every value conflicts with a value already stored; the stored values were kept', 'allConflict', {}],
    ['no valid lines', 'no valid data lines', 'noValidLines', {}],
    ['no data lines', 'no data lines', 'noDataLines', {}],
    ['internal', 'internal error while storing: connection reset', 'internalError', {}],
    ['not a number (pipeline)', lineReason('COD\tabc\tmg/L\t20240524100500\t00'), 'notNumber', { value: 'abc' }],
    ['bad time (pipeline)', lineReason('COD\t1.5\tmg/L\t20241324100500\t00'), 'badTime', { value: '20241324100500' }],
    ['unknown parameter (pipeline)', lineReason('XYZ\t1.5\tmg/L\t20240524100500\t00'), 'unknownParameter', { symbol: 'XYZ' }],
    ['unknown unit (pipeline)', lineReason('COD\t1.5\tfurlong\t20240524100500\t00'), 'unknownUnit', { unit: 'furlong', parameter: 'COD' }],
    ['bad status (pipeline)', lineReason('COD\t1.5\tmg/L\t20240524100500\t07'), 'badStatus', { value: '07' }],
    ['wrong fields (pipeline)', lineReason('COD'), 'wrongFields', { count: '1' }],
  ])('%s', (_label, text, key, values) => {
    expect(translateReason(text)).toEqual({ key, values });
  });

  test('file name and content rejections from the pipeline', () => {
    const bad = parseFileName('BN_DINHTRAM_20240524100500.csv');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(translateReason(bad.reason)?.key).toBe('nameMismatch');
    const unsafe = parseFileName('../x.txt');
    if (!unsafe.ok) expect(translateReason(unsafe.reason)?.key).toBe('invalidName');
    const empty = decodeFileText(new Uint8Array());
    if (!empty.ok) expect(translateReason(empty.reason)?.key).toBe('emptyFile');
    const binary = decodeFileText(new Uint8Array([1, 0, 2]));
    if (!binary.ok) expect(translateReason(binary.reason)?.key).toBe('notText');
  });

  test('unknown text is left alone', () => {
    expect(translateReason('something new')).toBeNull();
    expect(translateReason('')).toBeNull();
  });

  test.each(['vi', 'en'])('messages/%s.json has a text for every reason', (locale) => {
    const messages = JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../messages/${locale}.json`), 'utf8')) as {
      ingest: { reason: Record<string, string> };
    };
    for (const key of REASON_KEYS) expect(messages.ingest.reason[key], key).toBeTruthy();
  });
});
