import { stringify } from 'csv-stringify/sync';

/**
 * The one CSV writer (csv-stringify): UTF-8 with a BOM so Excel reads Vietnamese, `,` between cells, CRLF after every
 * row, numbers as JavaScript prints them (`.` decimals, whatever the reader's locale), text quoted when it holds a
 * quote, `,`, `;` or a line break. Text is never read as a spreadsheet formula (OWASP "CSV injection").
 */
export type CsvValue = string | number | null | undefined;

/** Excel only detects UTF-8 with this mark at the start of the file. */
export const CSV_BOM = '\uFEFF';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/**
 * Text that a spreadsheet would run as a formula (first character = + - @, tab or CR, or their full-width forms) gets
 * a leading apostrophe. A lone '-' stays as is: it is the unit of dimensionless parameters (pH) and cannot be a formula.
 */
export function guardFormula(s: string): string {
  if (s === '-') return s;
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(s) ? `'${s}` : s;
}

const OPTIONS = {
  record_delimiter: '\r\n',
  // ';': locales whose list separator it is (Excel in vi-VN) split on it. Line breaks: csv-stringify leaves a lone
  // '\n' unquoted when the record delimiter is CRLF.
  quoted_match: /[;\r\n]/,
  cast: {
    string: guardFormula,
    number: (v: number) => (Number.isFinite(v) ? String(v) : ''),
  },
} as const;

/** Rows as CSV text, each ending with CRLF (no BOM: for a stream's later chunks). */
export function csvRows(rows: readonly (readonly CsvValue[])[]): string {
  if (rows.length === 0) return '';
  return stringify(
    rows.map((r) => [...r]),
    OPTIONS,
  );
}

/** A whole CSV file: BOM, header, rows. */
export function csvFile(header: readonly string[], rows: readonly (readonly CsvValue[])[]): Buffer {
  return Buffer.from(`${CSV_BOM}${csvRows([header, ...rows])}`, 'utf8');
}
