import { csvFile, CSV_CONTENT_TYPE, type CsvValue } from './csv';
import { XlsxStreamWriter, type XlsxCell, type XlsxColumn } from './xlsx';

/**
 * A bounded table written whole as CSV or XLSX (report files, e-mail attachments). Each cell carries its CSV form
 * (ISO dates, `.` decimals) and its XLSX form (a Date, a number), so both files hold the same rows.
 */
export const FILE_FORMATS = ['csv', 'xlsx'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export const FILE_CONTENT_TYPES = {
  csv: CSV_CONTENT_TYPE,
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const satisfies Record<FileFormat, string>;

export type TableCell = { csv: CsvValue; xlsx: XlsxCell };
/** `offsetMinutes`: the UTC offset at which the XLSX shows Date cells (+420 for Asia/Ho_Chi_Minh). */
export type FileTable = { sheetName: string; columns: XlsxColumn[]; rows: TableCell[][]; offsetMinutes: number };

export function tableToCsv(t: FileTable): Buffer {
  return csvFile(
    t.columns.map((c) => c.header),
    t.rows.map((r) => r.map((c) => c.csv)),
  );
}

export async function tableToXlsx(t: FileTable): Promise<Buffer> {
  const w = new XlsxStreamWriter(t.columns, { sheetName: t.sheetName, offsetMinutes: t.offsetMinutes });
  const parts = [await w.start(), await w.addRows(t.rows.map((r) => r.map((c) => c.xlsx))), await w.finish()];
  return Buffer.concat(parts);
}

export async function tableToFile(t: FileTable, format: FileFormat): Promise<Buffer> {
  return format === 'csv' ? tableToCsv(t) : tableToXlsx(t);
}
