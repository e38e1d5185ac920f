/**
 * `npm run bench:xlsx [-- --rows N --pause-ms 0,10]` — XLSX writers compared on a raw data export (default 1,000,000
 * rows × 8 columns: local time, station, parameter, value, unit, device status, QC flag, valid), written to a temporary
 * file in batches of 5,000 rows as the export streams them, with no pause between batches and then with a pause standing
 * for the database read of the next batch. Each run is a child process of its own, so its peak RSS (the kernel's VmHWM)
 * and peak heap (sampled every 25 ms) are its alone; heap after a forced GC at 10 %, 50 % and 100 % of the rows shows
 * whether memory grows with the row count. One line per writer and pause, with time and file size.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, type WriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { XlsxStreamWriter, type XlsxCell, type XlsxColumn } from '../lib/formats/xlsx';

const WRITERS = ['hand-written', 'exceljs'] as const;
type WriterName = (typeof WRITERS)[number];
const BATCH = 5000;
const OFFSET_MINUTES = 420;
const T0 = Date.parse('2024-04-30T17:00:00Z');

const COLUMNS: XlsxColumn[] = [
  { header: 'Thời gian', type: 'datetime', width: 20 },
  { header: 'Trạm', type: 'string' },
  { header: 'Thông số', type: 'string', width: 10 },
  { header: 'Giá trị', type: 'number' },
  { header: 'Đơn vị', type: 'string', width: 10 },
  { header: 'Trạng thái thiết bị', type: 'string', width: 10 },
  { header: 'Cờ QC', type: 'string', width: 14 },
  { header: 'Hợp lệ', type: 'integer', width: 8 },
];
const PARAMS = ['COD', 'TSS', 'PH', 'NH4', 'TEMP', 'FLOW', 'TN', 'TP'] as const;

/** Row i of the synthetic export: 8 parameters of 50 stations, one value a minute. */
function row(i: number): XlsxCell[] {
  return [
    new Date(T0 + Math.floor(i / 400) * 60_000),
    `NT_BENCH_${String(i % 50).padStart(2, '0')}`,
    PARAMS[i % 8]!,
    Math.round(((i * 7919) % 100_000) / 4) / 100,
    'mg/L',
    i % 97 === 0 ? '01' : '00',
    i % 31 === 0 ? 'suspect' : 'good',
    i % 97 === 0 ? 0 : 1,
  ];
}

type Result = {
  writer: WriterName;
  pauseMs: number;
  rows: number;
  ms: number;
  peakRssMb: number;
  peakHeapMb: number;
  /** Heap after a forced GC at 10 %, 50 % and 100 % of the rows. */
  retainedHeapMb: number[];
  bytes: number;
};

const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;

function vmHwm(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : process.memoryUsage().rss;
}

async function write(out: WriteStream, bytes: Uint8Array | Buffer): Promise<void> {
  if (bytes.length > 0 && !out.write(bytes)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

type Run = (file: string, rows: number, pauseMs: number, checkpoint: (done: number) => void) => Promise<void>;
const pause = (ms: number) => new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));

const runHandWritten: Run = async (file, rows, pauseMs, checkpoint) => {
  const out = createWriteStream(file);
  const w = new XlsxStreamWriter(COLUMNS, { sheetName: 'Data', offsetMinutes: OFFSET_MINUTES });
  await write(out, await w.start());
  for (let i = 0; i < rows; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, rows - i) }, (_, k) => row(i + k));
    await write(out, await w.addRows(batch));
    await pause(pauseMs);
    checkpoint(i + batch.length);
  }
  await write(out, await w.finish());
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
};

const runExcelJs: Run = async (file, rows, pauseMs, checkpoint) => {
  const out = createWriteStream(file);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet('Data', { views: [{ state: 'frozen', ySplit: 1 }] });
  const fmt: Record<XlsxColumn['type'], string | undefined> = {
    string: undefined,
    number: '#,##0.00',
    integer: '0',
    datetime: 'dd/mm/yyyy hh:mm',
    date: 'dd/mm/yyyy',
  };
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width ?? 14, ...(fmt[c.type] ? { style: { numFmt: fmt[c.type] } } : {}) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const shift = OFFSET_MINUTES * 60_000;
  for (let i = 0; i < rows; i += BATCH) {
    const n = Math.min(BATCH, rows - i);
    for (let k = 0; k < n; k += 1) {
      // exceljs writes a Date as its UTC wall time: shift it so the cell shows local time.
      const r = row(i + k).map((v) => (v instanceof Date ? new Date(v.getTime() + shift) : v));
      ws.addRow(r).commit();
    }
    // row.commit() is synchronous and exceljs's internal streams never report backpressure: the file stream's is
    // the only signal there is.
    if (out.writableNeedDrain) await new Promise<void>((resolve) => out.once('drain', resolve));
    await pause(pauseMs);
    checkpoint(i + n);
  }
  ws.commit();
  await wb.commit();
};

async function child(writer: WriterName, rows: number, pauseMs: number, file: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  let peakHeap = 0;
  const sample = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 25);
  const marks = new Set([Math.ceil(rows / 10 / BATCH) * BATCH, Math.ceil(rows / 2 / BATCH) * BATCH, rows]);
  const retained: number[] = [];
  const checkpoint = (done: number) => {
    sample();
    if (marks.has(done) && gc) {
      gc();
      retained.push(mb(process.memoryUsage().heapUsed));
    }
  };
  const t0 = performance.now();
  await (writer === 'exceljs' ? runExcelJs : runHandWritten)(file, rows, pauseMs, checkpoint);
  const ms = performance.now() - t0;
  clearInterval(timer);
  sample();
  const result: Result = {
    writer,
    pauseMs,
    rows,
    ms: Math.round(ms),
    peakRssMb: mb(vmHwm()),
    peakHeapMb: mb(peakHeap),
    retainedHeapMb: retained,
    bytes: statSync(file).size,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : def;
  return Number.isInteger(v) && v > 0 ? v : def;
}

async function main(): Promise<void> {
  if (process.argv[2] === 'child') {
    await child(process.argv[3] as WriterName, Number(process.argv[4]), Number(process.argv[5]), process.argv[6]!);
    return;
  }
  const rows = arg('rows', 1_000_000);
  const i = process.argv.indexOf('--pause-ms');
  const pauses = (i >= 0 ? (process.argv[i + 1] ?? '') : '0,10').split(',').map(Number).filter((n) => Number.isInteger(n) && n >= 0);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qt-bench-xlsx-'));
  const self = fileURLToPath(import.meta.url);
  console.log(`bench:xlsx — ${rows.toLocaleString('en')} rows × ${COLUMNS.length} columns, batches of ${BATCH}, one child process per writer`);
  try {
    for (const [writer, pauseMs] of pauses.flatMap((p) => WRITERS.map((w) => [w, p] as const))) {
      const file = path.join(dir, `${writer}-${pauseMs}.xlsx`);
      const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, 'child', writer, String(rows), String(pauseMs), file], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      const r = JSON.parse(out.trim().split('\n').at(-1)!) as Result;
      // unzip -t checks every entry's CRC: the file is a complete zip.
      execFileSync('unzip', ['-tq', file], { stdio: 'ignore' });
      console.log(
        `${r.writer.padEnd(12)} pause ${String(r.pauseMs).padStart(2)} ms/batch  time ${(r.ms / 1000).toFixed(1)} s (${Math.round(r.rows / (r.ms / 1000)).toLocaleString('en')} rows/s)  ` +
          `peak RSS ${r.peakRssMb} MB  peak heap ${r.peakHeapMb} MB  heap after GC at 10/50/100 % ${r.retainedHeapMb.join(' / ')} MB  ` +
          `file ${mb(r.bytes)} MB`,
      );
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
