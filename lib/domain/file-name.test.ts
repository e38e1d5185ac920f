import { describe, expect, it } from 'vitest';
import { parseFileName, unsafeFileNameReason } from './file-name';
import { renderIngestReason } from './ingest/reasons';

describe('parseFileName', () => {
  it.each([
    ['the circular example', 'BG_DINHTRAM_NT01_20240524100500.txt', 'BG', 'DINHTRAM_NT01', '2024-05-24T03:05:00.000Z'],
    ['upper-case extension', 'BG_DINHTRAM_NT01_20240524100500.TXT', 'BG', 'DINHTRAM_NT01', '2024-05-24T03:05:00.000Z'],
    ['mixed-case extension', 'BG_DINHTRAM_NT01_20240524100500.Txt', 'BG', 'DINHTRAM_NT01', '2024-05-24T03:05:00.000Z'],
    ['new province code (Bắc Ninh after the 2025 merger)', 'BN_DINHTRAM_NT01_20250801000000.txt', 'BN', 'DINHTRAM_NT01', '2025-07-31T17:00:00.000Z'],
    ['longer province code', 'HCM_KCN-TANTAO_KT02_20240524100500.txt', 'HCM', 'KCN-TANTAO_KT02', '2024-05-24T03:05:00.000Z'],
    ['lower-case codes kept as written', 'bg_dinhtram_nt01_20240524100500.txt', 'bg', 'dinhtram_nt01', '2024-05-24T03:05:00.000Z'],
    ['numeric province prefix (field loggers write 24_…)', '24_DINHTRAM_NT01_20240524100500.txt', '24', 'DINHTRAM_NT01', '2024-05-24T03:05:00.000Z'],
    ['letters and digits in the province', 'B1_DINHTRAM_NT01_20240524100500.txt', 'B1', 'DINHTRAM_NT01', '2024-05-24T03:05:00.000Z'],
    ['station code with several parts', 'BG_KCN_DINHTRAM_NT01_20240524100500.txt', 'BG', 'KCN_DINHTRAM_NT01', '2024-05-24T03:05:00.000Z'],
  ])('%s: %s', (_label, name, province, fileCode, iso) => {
    const r = parseFileName(name);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.province).toBe(province);
    expect(r.value.fileCode).toBe(fileCode);
    expect(r.value.time.toISOString()).toBe(iso);
  });

  it.each([
    ['bad time (7 digits)', 'name_time_format', 'BG_DINHTRAM_NT01_2024133.txt', /time '2024133' is not yyyyMMddHHmmss/],
    ['impossible date', 'name_time_value', 'BG_DINHTRAM_NT01_20241332100500.txt', /not a valid date/],
    ['too few tokens', 'name_parts', 'BG_NT01_20240524100500.txt', /at least 4 parts/],
    ['no underscores', 'name_parts', 'BGDINHTRAMNT0120240524100500.txt', /at least 4 parts/],
    ['wrong extension', 'name_extension', 'BG_DINHTRAM_NT01_20240524100500.csv', /extension must be \.txt/],
    ['no extension', 'name_extension', 'BG_DINHTRAM_NT01_20240524100500', /extension must be \.txt/],
    ['a dash in the province', 'name_province', 'B-1_DINHTRAM_NT01_20240524100500.txt', /province code 'B-1' must be letters or digits/],
    ['empty facility part', 'name_codes', 'BG__NT01_20240524100500.txt', /facility and station codes/],
    ['spaces in a code', 'name_codes', 'BG_DINH TRAM_NT01_20240524100500.txt', /facility and station codes/],
    ['slash', 'name_path_separators', 'x/BG_DINHTRAM_NT01_20240524100500.txt', /path separators/],
    ['backslash', 'name_path_separators', 'x\\BG_DINHTRAM_NT01_20240524100500.txt', /path separators/],
    ['dot dot', 'name_path_separators', '.._BG_DINHTRAM_NT01_20240524100500.txt', /'\.\.'/],
    ['control character', 'name_control_characters', 'BG_DINHTRAM_NT01_20240524100500.txt\u0000', /control characters/],
    ['empty', 'empty_file_name', '', /empty file name/],
  ])('%s → rejected', (_label, code, name, reason) => {
    const r = parseFileName(name);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason.code).toBe(code);
    expect(renderIngestReason(r.reason)).toMatch(reason);
  });

  it('every pattern rejection names the expected pattern', () => {
    const r = parseFileName('BG_NT01_20240524100500.txt');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toEqual({ code: 'name_parts', params: { pattern: '<PROVINCE>_<FACILITY>_<STATION>_<yyyyMMddHHmmss>.txt', found: 3 } });
    expect(renderIngestReason(r.reason)).toMatch(/^name does not match the pattern <PROVINCE>_<FACILITY>_<STATION>_<yyyyMMddHHmmss>\.txt/);
  });

  it.each([
    ['plain name', 'BG_X_Y_20240524100500.txt', null],
    ['too long', `${'A'.repeat(252)}.txt`, /longer than 255/],
  ])('unsafeFileNameReason %s', (_label, name, expected) => {
    const r = unsafeFileNameReason(name);
    if (expected === null) expect(r).toBeNull();
    else expect(r && renderIngestReason(r)).toMatch(expected);
  });
});
