import { createTranslator } from 'next-intl';
import { describe, expect, test } from 'vitest';
import { parseFileName } from '@/lib/domain/file-name';
import { INGEST_REASON_CODES, INGEST_REASONS, type IngestReason, type StoredReason } from '@/lib/domain/ingest/reasons';
import { decodeFileText, parseLine } from '@/lib/domain/parse-file';
import { enMessages, viMessages } from '@/messages';
import { translateReason } from './reasons';

const ctx = { parameters: [{ code: 'COD', unit: 'mg/L' }, { code: 'PH', unit: '-' }] };

/** The reason the pipeline really produces, so a change there fails here. */
function lineReason(line: string): IngestReason {
  const r = parseLine(line, ctx);
  if (r.ok) throw new Error(`expected a rejection for ${line}`);
  return r.reason;
}

function fileNameReason(name: string): IngestReason {
  const r = parseFileName(name);
  if (r.ok) throw new Error(`expected a rejection for ${name}`);
  return r.reason;
}

function decodeReason(bytes: Uint8Array): IngestReason {
  const r = decodeFileText(bytes);
  if (r.ok) throw new Error('expected a rejection');
  return r.reason;
}

describe('translateReason: the code names the message, its parameters fill it', () => {
  test.each<[string, StoredReason, string, Record<string, string>]>([
    ['unknown station', { code: 'unknown_station', params: { fileCode: 'DINHTRAM_NT09' } }, 'unknown_station', { fileCode: 'DINHTRAM_NT09' }],
    ['file too large (sizes ungrouped, as stored)', { code: 'file_too_large', params: { maxBytes: 1048576 } }, 'file_too_large', { maxBytes: '1048576' }],
    ['conflict: local time shown dd/MM/yyyy', { code: 'conflict', params: { parameter: 'COD', time: '20240524100500' } }, 'conflict', { parameter: 'COD', time: '24/05/2024 10:05:00' }],
    ['partial summary', { code: 'lines_rejected', params: { rejected: 2, total: 7 } }, 'lines_rejected', { rejected: '2', total: '7' }],
    ['same content', { code: 'same_content', params: { fileId: 1042 } }, 'same_content', { fileId: '1042' }],
    ['no parameters', { code: 'not_owned', params: {} }, 'not_owned', {}],
    ['not a number (pipeline)', lineReason('COD\tabc\tmg/L\t20240524100500\t00'), 'not_a_number', { value: 'abc' }],
    ['bad time (pipeline)', lineReason('COD\t1.5\tmg/L\t20241324100500\t00'), 'bad_time', { value: '20241324100500' }],
    ['unknown parameter (pipeline)', lineReason('XYZ\t1.5\tmg/L\t20240524100500\t00'), 'unknown_parameter', { symbol: 'XYZ' }],
    ['unknown unit (pipeline)', lineReason('COD\t1.5\tfurlong\t20240524100500\t00'), 'unknown_unit', { unit: 'furlong', parameter: 'COD' }],
    ['bad status (pipeline)', lineReason('COD\t1.5\tmg/L\t20240524100500\t07'), 'bad_device_status', { value: '07' }],
    ['wrong fields (pipeline)', lineReason('COD'), 'wrong_field_count', { found: '1' }],
    ['file name (pipeline)', fileNameReason('BN_DINHTRAM_20240524100500.csv'), 'name_extension', { pattern: '<TỈNH>_<CƠ SỞ>_<TRẠM>_<yyyyMMddHHmmss>.txt' }],
    ['unsafe name (pipeline)', fileNameReason('../x.txt'), 'name_path_separators', {}],
    ['empty file (pipeline)', decodeReason(new Uint8Array()), 'empty_file', {}],
    ['binary file (pipeline)', decodeReason(new Uint8Array([1, 0, 2])), 'not_text_nul', {}],
  ])('%s', (_label, stored, key, values) => {
    expect(translateReason(stored)).toEqual({ key, values });
  });

  test.each<[string, StoredReason | null]>([
    ['a row recorded before codes existed', null],
    ['a code this version does not know', { code: 'something_new', params: {} }],
    ['a parameter missing', { code: 'unknown_station', params: {} }],
    ['a parameter of the wrong type', { code: 'file_too_large', params: { maxBytes: '1 MiB' } }],
    ['a local time that is not one', { code: 'conflict', params: { parameter: 'COD', time: 'yesterday' } }],
  ])('no translation for %s (the stored text is shown)', (_label, stored) => {
    expect(translateReason(stored)).toBeNull();
  });
});

/** A value of each parameter's type, to render every message once. */
const SAMPLE_VALUE = { string: 'Xyz', integer: 4321, localTime: '20240524100500' } as const;

describe('ingest reason messages', () => {
  const translators = {
    vi: createTranslator({ locale: 'vi', messages: viMessages, namespace: 'ingestReasons' }),
    en: createTranslator({ locale: 'en', messages: enMessages, namespace: 'ingestReasons' }),
  };

  test('every code has a text in both languages, and no text is left without a code', () => {
    expect(Object.keys(viMessages.ingestReasons).sort()).toEqual([...INGEST_REASON_CODES].sort());
    expect(Object.keys(enMessages.ingestReasons).sort()).toEqual([...INGEST_REASON_CODES].sort());
  });

  test.each(INGEST_REASON_CODES.flatMap((code) => (['vi', 'en'] as const).map((locale) => [code, locale] as const)))(
    '%s (%s) renders with its parameters and names no other',
    (code, locale) => {
      const types: Readonly<Record<string, keyof typeof SAMPLE_VALUE>> = INGEST_REASONS[code].params;
      const stored: StoredReason = { code, params: Object.fromEntries(Object.entries(types).map(([k, t]) => [k, SAMPLE_VALUE[t]])) };
      const tr = translateReason(stored);
      expect(tr?.key).toBe(code);
      const text = translators[locale](code, tr?.values);
      expect(text).not.toMatch(/[{}]|ingestReasons/);
      const used = [...String(locale === 'vi' ? viMessages.ingestReasons[code] : enMessages.ingestReasons[code]).matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const name of used) expect(Object.keys(types)).toContain(name);
    },
  );

  test('Vietnamese reads as Vietnamese', () => {
    const t = translators.vi;
    expect(t('not_a_number', { value: 'abc' })).toBe('Giá trị không phải là số: “abc”');
    expect(t('lines_rejected', { rejected: '1', total: '3' })).toBe('1 trên 3 dòng bị từ chối');
    const conflict = translateReason({ code: 'conflict', params: { parameter: 'COD', time: '20240524100500' } })!;
    expect(t(conflict.key, conflict.values)).toBe('Xung đột: COD lúc 24/05/2024 10:05:00 đã có giá trị khác; giữ giá trị đã lưu');
  });
});

describe('reasons on a Vietnamese page name no English', () => {
  test.each([
    { label: 'file name pattern in Vietnamese', code: 'name_extension' as const, params: { pattern: '<PROVINCE>_<FACILITY>_<STATION>_<yyyyMMddHHmmss>.txt' } as Record<string, string>, want: 'Tên tệp không đúng mẫu <TỈNH>_<CƠ SỞ>_<TRẠM>_<yyyyMMddHHmmss>.txt: phần mở rộng phải là .txt' },
    { label: 'parameter name with its code', code: 'unknown_unit' as const, params: { unit: 'ppm', parameter: 'NH4' } as Record<string, string>, want: 'Đơn vị “ppm” không xác định cho Amoni (theo N) (NH4)' },
  ])('$label', ({ code, params, want }) => {
    const vi = createTranslator({ locale: 'vi', messages: viMessages, namespace: 'ingestReasons' });
    const tr = translateReason({ code, params }, 'vi')!;
    expect(vi(tr.key, tr.values)).toBe(want);
  });
});
