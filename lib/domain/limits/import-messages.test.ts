import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { enMessages, viMessages } from '@/messages';
import limitsEn from '@/messages/areas/limits.en.json';
import limitsVi from '@/messages/areas/limits.vi.json';
import { LIMIT_IMPORT_ERROR_CODES, type LimitImportParams } from './import';

/** The admin page renders every import problem from messages: each code needs a Vietnamese and an English text. */
type Tree = { [key: string]: string | Tree };
const vi = limitsVi as Tree;
const en = limitsEn as Tree;

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

function issues(tree: Tree): Record<string, unknown> {
  const admin = tree.limitsAdmin as Tree;
  return (admin.import as Tree).issues as Tree;
}

/** `{name}` arguments of an ICU text, select options excluded. */
function argumentsOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)(?:[,}])/g)].map((m) => m[1] ?? ''))].sort();
}

describe('limit import messages', () => {
  it.each(LIMIT_IMPORT_ERROR_CODES)('%s has a Vietnamese and an English text with the same arguments', (code) => {
    const v = issues(vi)[code];
    const e = issues(en)[code];
    expect(typeof v === 'string' && v.length > 0, `vi ${code}`).toBe(true);
    expect(typeof e === 'string' && e.length > 0, `en ${code}`).toBe(true);
    expect(argumentsOf(String(e)).filter((a) => a !== 'detail')).toEqual(argumentsOf(String(v)));
  });

  it('has no text for a code the parser does not produce', () => {
    expect(Object.keys(issues(vi)).sort()).toEqual([...LIMIT_IMPORT_ERROR_CODES].sort());
  });

  it('limits.en.json has exactly the keys of limits.vi.json', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });
});

const SAMPLE: LimitImportParams = {
  empty_file: {},
  missing_columns: { columns: 'kind, averaging' },
  no_data_rows: {},
  not_a_number: { field: 'max', value: 'abc' },
  not_a_boolean: { field: 'apply_coefficients', value: 'maybe' },
  differs_in_version: { field: 'effective_from', firstLine: 2, standard: 'QCVN40:2025', version: '2025' },
  invalid_json: { detail: 'Unexpected token' },
  no_standards: {},
  not_a_standard: {},
  required: { field: 'name' },
  invalid_type: { field: 'max', expected: 'number' },
  too_small: { field: 'values', origin: 'array', minimum: 1 },
  too_big: { field: 'column', origin: 'string', maximum: 20 },
  invalid_option: { field: 'kind', value: 'groundwater', allowed: 'wastewater, emission' },
  invalid_date_format: { field: 'effective_from', value: '01/09/2025' },
  not_calendar_date: { field: 'effective_from', value: '2025-02-30' },
  invalid_parameter_code: { field: 'parameter', value: 'C.O.D' },
  min_or_max_required: { parameter: 'TSS' },
  min_above_max: { parameter: 'PH', min: 9, max: 6.5 },
  effective_to_not_after_from: { from: '2025-09-01', to: '2025-08-01' },
  duplicate_value: { parameter: 'COD', averaging: '24h', column: 'A' },
  duplicate_standard: { standard: 'QCVN40:2025', version: '2025' },
  version_exists: { standard: 'QCVN40:2025', version: '2025' },
  invalid: { field: 'column' },
};

/** Parameters that choose a wording (ICU select) rather than appear, and a field the text names by itself. */
const SHOWN_ELSEWHERE = new Set(['expected', 'origin', 'invalid_parameter_code.field']);

describe('limit import messages render through next-intl', () => {
  const translators = {
    vi: createTranslator({ locale: 'vi', messages: viMessages, namespace: 'limitsAdmin.import.issues' }),
    en: createTranslator({ locale: 'en', messages: enMessages, namespace: 'limitsAdmin.import.issues' }),
  };
  it.each(LIMIT_IMPORT_ERROR_CODES.flatMap((code) => (['vi', 'en'] as const).map((locale) => [code, locale] as const)))(
    '%s (%s)',
    (code, locale) => {
      const text = translators[locale](code, SAMPLE[code]);
      expect(text).not.toMatch(/[{}]|limitsAdmin/);
      for (const [k, v] of Object.entries(SAMPLE[code]) as [string, string | number][]) {
        if (SHOWN_ELSEWHERE.has(`${code}.${k}`) || SHOWN_ELSEWHERE.has(k)) continue;
        if (code === 'invalid_json' && locale === 'vi') continue; // the engine's English text is not shown in Vietnamese
        expect(text).toContain(typeof v === 'number' ? v.toLocaleString(locale) : v);
      }
    },
  );

  it('Vietnamese speaks of the problem in Vietnamese', () => {
    const t = translators.vi;
    expect(t('not_a_number', SAMPLE.not_a_number)).toBe('Cột max: “abc” không phải là số.');
    expect(t('missing_columns', SAMPLE.missing_columns)).toBe('Thiếu cột: kind, averaging.');
    expect(t('min_above_max', SAMPLE.min_above_max)).toBe(
      'Thông số PH: giới hạn dưới (9) lớn hơn giới hạn trên (6,5).',
    );
    expect(t('effective_to_not_after_from', SAMPLE.effective_to_not_after_from)).toBe(
      'Ngày hết hiệu lực (2025-08-01) phải sau ngày hiệu lực (2025-09-01).',
    );
    expect(t('invalid_type', SAMPLE.invalid_type)).toBe('max phải là số.');
    expect(t('too_small', SAMPLE.too_small)).toBe('values phải có ít nhất 1 phần tử.');
    expect(translators.en('too_big', SAMPLE.too_big)).toBe('column is longer than 20 characters.');
    expect(translators.en('too_small', SAMPLE.too_small)).toBe('values must have at least 1 item.');
  });
});
