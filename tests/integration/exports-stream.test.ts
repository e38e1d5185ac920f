/**
 * Streamed data exports: CSV (BOM, header, `.` decimals, ISO +07:00 times, keyset batches across station ×
 * parameter) and XLSX (a valid zip that python's zipfile opens, rows in the sheet XML, number/date formats).
 */
import { makeFacility, makeStation } from './api-fixtures';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectDb, pool } from '@/lib/db/client';
import { insertReadings } from '@/lib/db/readings';
import { findStationByCode } from '@/lib/db/stations';
import { EXPORT_BATCH, exportStream, planExport, type ExportLabels } from '@/lib/services/reports';

const day0 = Date.parse('2024-05-23T17:00:00.000Z'); // 24/05/2024 00:00 +07:00
const at = (min: number) => new Date(day0 + min * 60_000);
const labels: ExportLabels = {
  time: 'Thời gian', station: 'Trạm', parameter: 'Thông số', value: 'Giá trị', unit: 'Đơn vị', deviceStatus: 'TT', flag: 'Cờ', valid: 'Hợp lệ',
  validCount: 'n', expectedCount: 'N', complete: 'Đủ', min: 'min', max: 'max',
};
let station = '';
let bigStation = '';
let facilityId = 0;

async function readAll(s: ReadableStream<Uint8Array>): Promise<{ bytes: Buffer; chunks: number }> {
  const reader = s.getReader();
  const parts: Uint8Array[] = [];
  for (;;) {
    const r = await reader.read();
    if (r.done) break;
    parts.push(r.value);
  }
  return { bytes: Buffer.concat(parts), chunks: parts.length };
}

beforeAll(async () => {
  const f = await makeFacility();
  const s = await makeStation(f.code, { activeFrom: at(0), parameters: [{ code: 'COD', unit: 'mg/L' }, { code: 'PH' }] });
  station = s.code;
  const row = (await findStationByCode(station))!;
  facilityId = row.facility.id;
  await insertReadings([
    { stationId: row.id, parameter: 'COD', time: at(5), value: 12.5, deviceStatus: '00', fileId: null },
    { stationId: row.id, parameter: 'COD', time: at(10), value: 1234.75, deviceStatus: '01', fileId: null },
    { stationId: row.id, parameter: 'PH', time: at(5), value: 7.1, deviceStatus: '00', fileId: null },
  ]);
  await pool().query('UPDATE reading SET qc_flag = 1 WHERE station_id = $1', [row.id]);
  // A station with more rows than one batch: 2 × EXPORT_BATCH + 7 COD values every minute.
  const big = await makeStation(f.code, { activeFrom: at(0), intervalMinutes: 1, parameters: [{ code: 'COD' }] });
  bigStation = big.code;
  const bigRow = (await findStationByCode(bigStation))!;
  const n = 2 * EXPORT_BATCH + 7;
  await insertReadings(Array.from({ length: n }, (_, i) => ({ stationId: bigRow.id, parameter: 'COD', time: at(i + 1), value: i / 4, deviceStatus: '00' as const, fileId: null })));
});
afterAll(() => disconnectDb());

describe('CSV export', () => {
  it('has a BOM, a header and one row per reading with `.` decimals and +07:00 times', async () => {
    const plan = await planExport({ stations: station, resolution: 'raw', format: 'csv', from: at(0), to: at(1440) }, { facilityId: null });
    expect(plan.estimatedRows).toBe(2 * 288);
    const { bytes } = await readAll(exportStream(plan, labels));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toEqual([
      'Thời gian,Trạm,Thông số,Giá trị,Đơn vị,TT,Cờ,Hợp lệ',
      `2024-05-24T00:05:00+07:00,${station},COD,12.5,mg/L,00,good,1`,
      `2024-05-24T00:10:00+07:00,${station},COD,1234.75,mg/L,01,good,0`,
      `2024-05-24T00:05:00+07:00,${station},PH,7.1,-,00,good,1`,
    ]);
  });

  it('streams more than one batch, in order, without losing or repeating rows', async () => {
    const plan = await planExport({ stations: bigStation, parameters: 'COD', resolution: 'raw', format: 'csv', from: at(0), to: at(1440 * 10) }, { facilityId: null });
    const { bytes, chunks } = await readAll(exportStream(plan, labels));
    const lines = bytes.toString('utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 2 * EXPORT_BATCH + 7);
    expect(chunks).toBeGreaterThanOrEqual(4); // header + 3 batches
    expect(lines[1]).toContain('2024-05-24T00:01:00+07:00');
    expect(lines.at(-1)).toContain(`,${(2 * EXPORT_BATCH + 6) / 4},`);
    const times = lines.slice(1).map((l) => l.split(',')[0]);
    expect(new Set(times).size).toBe(times.length);
  });

  it('refuses a station outside the caller facility and bad input', async () => {
    await expect(planExport({ stations: station, from: at(0), to: at(60) }, { facilityId: facilityId + 100000 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(planExport({ stations: station, from: at(60), to: at(0) }, { facilityId: null })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(planExport({ stations: '', from: at(0), to: at(60) }, { facilityId: null })).rejects.toThrow();
  });
});

describe('XLSX export', () => {
  it('is a zip python opens, with the rows, number and date formats', async () => {
    const plan = await planExport({ stations: station, resolution: 'raw', format: 'xlsx', from: at(0), to: at(1440) }, { facilityId: null });
    const { bytes } = await readAll(exportStream(plan, labels));
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'qt-xlsx-')), 'out.xlsx');
    writeFileSync(file, bytes);
    const out = execFileSync(
      'python3',
      [
        '-c',
        `import zipfile,sys,json,re
z=zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
s=z.read('xl/worksheets/sheet1.xml').decode()
rows=re.findall(r'<row r="(\\d+)">(.*?)</row>',s)
print(json.dumps({"names":sorted(z.namelist()),"rows":len(rows),"row2":rows[1][1],"styles":z.read('xl/styles.xml').decode(),"head":rows[0][1]}))`,
        file,
      ],
      { encoding: 'utf8' },
    );
    const r = JSON.parse(out) as { names: string[]; rows: number; row2: string; styles: string; head: string };
    expect(r.names).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(r.rows).toBe(4);
    expect(r.head).toContain('Thời gian');
    // 24/05/2024 00:05 local as an Excel serial with the date-time style; the value with the '#,##0.00' style.
    expect(r.row2).toContain(`<c r="A2" s="2"><v>${45436 + 5 / 1440}</v></c>`);
    expect(r.row2).toContain('<c r="D2" s="1"><v>12.5</v></c>');
    expect(r.row2).toContain(`<t xml:space="preserve">${station}</t>`);
    expect(r.styles).toContain('formatCode="#,##0.00"');
    expect(r.styles).toContain('formatCode="dd/mm/yyyy hh:mm"');
    execFileSync('unzip', ['-t', file]);
  });
});
