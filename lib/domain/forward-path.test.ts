import { describe, expect, it } from 'vitest';
import { DEFAULT_PATH_TEMPLATE, pathTemplateProblem, renderForwardPath, rootFolderProblem } from './forward-path';

const NAME = 'BG_DINHTRAM_NT01_20240524100500.txt';

describe('renderForwardPath', () => {
  it.each([
    ['default layout', DEFAULT_PATH_TEMPLATE, '/bo', NAME, '/bo/BG/DINHTRAM_NT01/2024/05/24/' + NAME],
    ['root "/" does not double the slash', DEFAULT_PATH_TEMPLATE, '/', NAME, '/BG/DINHTRAM_NT01/2024/05/24/' + NAME],
    ['empty root means "/"', DEFAULT_PATH_TEMPLATE, '', NAME, '/BG/DINHTRAM_NT01/2024/05/24/' + NAME],
    ['root with trailing slash', DEFAULT_PATH_TEMPLATE, '/bo/', NAME, '/bo/BG/DINHTRAM_NT01/2024/05/24/' + NAME],
    ['relative root stays relative', DEFAULT_PATH_TEMPLATE, 'incoming', NAME, 'incoming/BG/DINHTRAM_NT01/2024/05/24/' + NAME],
    ['flat layout', '{root}/{file}', '/in', NAME, '/in/' + NAME],
    ['fileCode and compact date', '{root}/{fileCode}/{yyyy}{MM}{dd}/{file}', '/in', NAME, '/in/DINHTRAM_NT01/20240524/' + NAME],
    // The time digits are local time: 23:55 local on the 31st stays on the 31st (in UTC it would be 16:55 the same day,
    // and 00:05 local on the 1st would be the previous UTC day).
    ['local date at a day boundary', DEFAULT_PATH_TEMPLATE, '/', 'BG_DINHTRAM_NT01_20240601000500.txt', '/BG/DINHTRAM_NT01/2024/06/01/BG_DINHTRAM_NT01_20240601000500.txt'],
    ['station code with several parts', DEFAULT_PATH_TEMPLATE, '/', 'BN_KCN-QUE-VO_KHI_01_20250702080000.txt', '/BN/KCN-QUE-VO_KHI_01/2025/07/02/BN_KCN-QUE-VO_KHI_01_20250702080000.txt'],
    ['lower-case province upper-cased in folder, file kept', '{root}/{province}/{file}', '/', 'bg_DINHTRAM_NT01_20240524100500.TXT', '/BG/bg_DINHTRAM_NT01_20240524100500.TXT'],
    ['facility only', '{root}/{facility}/{station}/{file}', '/x', NAME, '/x/DINHTRAM/NT01/' + NAME],
  ])('%s', (_label, template, root, name, expected) => {
    const r = renderForwardPath(template, root, name);
    expect(r).toMatchObject({ ok: true, path: expected });
    if (r.ok) {
      expect(r.file).toBe(name);
      expect(r.dir === '/' ? `/${r.file}` : `${r.dir}/${r.file}`).toBe(expected);
    }
  });

  it.each([
    ['name not matching', DEFAULT_PATH_TEMPLATE, '/', 'hello.txt', /does not match/],
    ['path traversal in name', DEFAULT_PATH_TEMPLATE, '/', '../BG_A_B_20240524100500.txt', /path separators/],
    ['bad template', '{root}/{nope}/{file}', '/', NAME, /unknown placeholder/],
    ['bad root', DEFAULT_PATH_TEMPLATE, '/a/../b', NAME, /'\.\.'/],
  ])('refuses: %s', (_label, template, root, name, reason) => {
    const r = renderForwardPath(template, root, name);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('pathTemplateProblem', () => {
  it.each([
    ['default is fine', DEFAULT_PATH_TEMPLATE, null],
    ['no {file}', '{root}/{province}', /must contain \{file\}/],
    ['{file} not last', '{root}/{file}/x', /must end with \{file\}/],
    ['unknown placeholder', '{root}/{YYYY}/{file}', /unknown placeholder \{YYYY\}/],
    ['dot-dot segment', '{root}/../{file}', /not allowed/],
    ['backslash', '{root}\\{file}', /not allowed/],
    ['empty', '  ', /empty/],
  ])('%s', (_label, template, expected) => {
    const r = pathTemplateProblem(template);
    if (expected === null) expect(r).toBeNull();
    else expect(r).toMatch(expected);
  });

  it('root folder checks', () => {
    expect(rootFolderProblem('/bo/incoming')).toBeNull();
    expect(rootFolderProblem('a/../b')).toMatch(/not allowed/);
  });
});
