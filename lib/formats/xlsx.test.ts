import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tableToCsv, tableToXlsx, type FileTable } from './table';
import { columnName, excelSerial, XlsxStreamWriter, type XlsxCell, type XlsxColumn } from './xlsx';

/** Files are read back with a maintained reader (exceljs) and checked by unzip -t (every entry's CRC). */
const OFFSET = 420;
const COLUMNS: XlsxColumn[] = [
  { header: 'Thời gian', type: 'datetime', width: 20 },
  { header: 'Trạm', type: 'string' },
  { header: 'Giá trị', type: 'number' },
  { header: 'Hợp lệ', type: 'integer' },
  { header: 'Ngày', type: 'date' },
];

async function write(columns: XlsxColumn[], rows: XlsxCell[][], maxRowsPerSheet?: number): Promise<Buffer> {
  const w = new XlsxStreamWriter(columns, { sheetName: 'Dữ liệu', offsetMinutes: OFFSET, ...(maxRowsPerSheet ? { maxRowsPerSheet } : {}) });
  const parts = [await w.start()];
  for (let i = 0; i < rows.length; i += 3) parts.push(await w.addRows(rows.slice(i, i + 3)));
  parts.push(await w.finish());
  return Buffer.concat(parts);
}

async function read(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function unzipTest(bytes: Buffer): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qt-xlsx-test-'));
  try {
    writeFileSync(path.join(dir, 'f.xlsx'), bytes);
    execFileSync('unzip', ['-tq', path.join(dir, 'f.xlsx')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('XlsxStreamWriter read back by exceljs', () => {
  it('keeps text, numbers, local times, dates, empty cells and formats', async () => {
    const t = new Date('2024-05-23T17:05:00Z'); // 24/05/2024 00:05 +07:00
    const rows: XlsxCell[][] = [
      [t, 'NT_ĐÌNH_TRÁM & <A> "B"', 12.5, 1, new Date('2024-05-23T17:00:00Z')],
      [t, 'bell\u0007 removed', null, 0, null],
      [null, '=1+2', -3.25, 288, undefined],
      [t, '', Number.NaN, 7, null],
    ];
    const bytes = await write(COLUMNS, rows);
    unzipTest(bytes);
    const wb = await read(bytes);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Dữ liệu']);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(5);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['Thời gian', 'Trạm', 'Giá trị', 'Hợp lệ', 'Ngày']);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    // exceljs gives a date cell as the instant of its wall time read as UTC: 00:05 local.
    expect((ws.getCell('A2').value as Date).toISOString()).toBe('2024-05-24T00:05:00.000Z');
    expect(ws.getCell('A2').numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(ws.getCell('B2').value).toBe('NT_ĐÌNH_TRÁM & <A> "B"');
    expect(ws.getCell('C2').value).toBe(12.5);
    expect(ws.getCell('C2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('D2').numFmt).toBe('0');
    expect((ws.getCell('E2').value as Date).toISOString()).toBe('2024-05-24T00:00:00.000Z');
    expect(ws.getCell('E2').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('B3').value).toBe('bell removed');
    expect(ws.getCell('C3').value).toBeNull();
    // Inline strings are text, never formulas.
    expect(ws.getCell('B4').value).toBe('=1+2');
    expect(ws.getCell('C4').value).toBe(-3.25);
    expect(ws.getCell('C5').value).toBeNull();
    expect(ws.getCell('D4').value).toBe(288);
  });

  it('starts a new sheet after maxRowsPerSheet rows, each with the header', async () => {
    const rows = Array.from({ length: 7 }, (_, i): XlsxCell[] => [null, `S${i}`, i, i, null]);
    const bytes = await write(COLUMNS, rows, 3);
    unzipTest(bytes);
    const wb = await read(bytes);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Dữ liệu 1', 'Dữ liệu 2', 'Dữ liệu 3']);
    expect(wb.worksheets.map((s) => s.rowCount)).toEqual([4, 4, 2]);
    expect(wb.worksheets[2]!.getCell('B1').value).toBe('Trạm');
    expect(wb.worksheets[2]!.getCell('B2').value).toBe('S6');
  });
});

describe('helpers', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('columnName(%i) = %s', (i, name) => {
    expect(columnName(i)).toBe(name);
  });

  it('excelSerial: 1970-01-01 00:00 local is 25569', () => {
    expect(excelSerial(new Date(-OFFSET * 60_000), OFFSET)).toBe(25569);
  });
});

describe('tables as files', () => {
  const table: FileTable = {
    sheetName: 'Tỷ lệ số liệu',
    offsetMinutes: OFFSET,
    columns: [
      { header: 'Mã trạm', type: 'string' },
      { header: 'Tỷ lệ (%)', type: 'number' },
    ],
    rows: [
      [{ csv: 'NT01', xlsx: 'NT01' }, { csv: 83.33, xlsx: 83.33 }],
      [{ csv: '-', xlsx: '-' }, { csv: null, xlsx: null }],
    ],
  };

  it('CSV and XLSX hold the same rows', async () => {
    expect(tableToCsv(table).toString('utf8')).toBe('\uFEFFMã trạm,Tỷ lệ (%)\r\nNT01,83.33\r\n-,\r\n');
    const wb = await read(await tableToXlsx(table));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Tỷ lệ số liệu');
    expect([ws.getCell('A2').value, ws.getCell('B2').value, ws.getCell('A3').value]).toEqual(['NT01', 83.33, '-']);
  });
});
