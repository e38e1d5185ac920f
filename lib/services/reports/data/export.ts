import { z } from 'zod';
import { appendAudit } from '../../../db/audit';
import { listDayBatch, listHourBatch, listRawBatch } from '../../../db/exports';
import { listStations, type StationRow } from '../../../db/stations';
import { formatIsoLocal, LOCAL_OFFSET_MINUTES, localDayWindows } from '../../../domain/time';
import { expectedSlots } from '../../../domain/kpi';
import { findParameter } from '../../../domain/parameters';
import { qcFlagName } from '../../../domain/qc-flags';
import { AppError } from '../../../errors';
import { CSV_BOM, csvRows } from '../../../formats/csv';
import { FILE_FORMATS, type FileFormat, type TableCell } from '../../../formats/table';
import { XlsxStreamWriter, type XlsxColumn } from '../../../formats/xlsx';
import type { ViewerScope } from '../../stations';

/**
 * Data exports (raw, 1 h or 24 h values of chosen stations and parameters) streamed as CSV or XLSX: rows are read in
 * keyset batches per station × parameter and encoded as they come, so a year of hundreds of stations never sits in
 * memory. CSV: UTF-8 with a BOM (Excel reads Vietnamese), `.` decimals, ISO times with +07:00.
 */
export const EXPORT_RESOLUTIONS = ['raw', '1h', '24h'] as const;
export type ExportResolution = (typeof EXPORT_RESOLUTIONS)[number];
export const EXPORT_FORMATS = FILE_FORMATS;
export type ExportFormat = FileFormat;

const list = z
  .string()
  .trim()
  .transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))]);

export const exportInput = z.object({
  stations: list.pipe(z.array(z.string().max(64)).min(1, 'choose at least one station').max(1000)),
  parameters: list.pipe(z.array(z.string().max(32)).max(100)).optional(),
  resolution: z.enum(EXPORT_RESOLUTIONS).default('raw'),
  format: z.enum(EXPORT_FORMATS).default('csv'),
  from: z.date({ error: 'from/to must be dd/MM/yyyy' }),
  to: z.date({ error: 'from/to must be dd/MM/yyyy' }),
});
export type ExportInput = z.input<typeof exportInput>;
export type ExportParams = z.output<typeof exportInput>;

export type ExportPlan = {
  resolution: ExportResolution;
  format: ExportFormat;
  from: Date;
  to: Date;
  items: { station: StationRow; parameter: string; unit: string }[];
  estimatedRows: number;
};

const MAX_EXPORT_DAYS = 3660;
const DAY_MS = 86_400_000;
export const EXPORT_BATCH = 5000;

/** Validates the request against the caller's scope (an invisible station is NOT_FOUND) and estimates the row count. */
export async function planExport(raw: ExportInput | Record<string, unknown>, scope: ViewerScope): Promise<ExportPlan> {
  return planValidExport(exportInput.parse(raw), scope);
}

/** planExport of params already validated by exportInput (the report definition parses them once). */
export async function planValidExport(q: ExportParams, scope: ViewerScope): Promise<ExportPlan> {
  if (q.from >= q.to) throw new AppError('VALIDATION', '`from` must be before `to`', [{ path: 'from', message: 'must be before to' }]);
  if (q.to.getTime() - q.from.getTime() > MAX_EXPORT_DAYS * DAY_MS) throw new AppError('VALIDATION', 'range too long', [{ path: 'to', message: 'at most 10 years' }]);
  const stations = await listStations({ codes: q.stations, ...(scope.facilityId != null ? { facilityId: scope.facilityId } : {}) });
  const missing = q.stations.filter((c) => !stations.some((s) => s.code === c));
  if (missing.length > 0) throw new AppError('NOT_FOUND', `no station '${missing[0]}'`);
  const items: ExportPlan['items'] = [];
  let estimatedRows = 0;
  const days = q.resolution === '24h' ? localDayWindows(q.from, q.to).length : 0;
  for (const s of stations) {
    const params = s.parameters.filter((p) => p.enabled && (!q.parameters?.length || q.parameters.includes(p.parameter)));
    const perParam =
      q.resolution === 'raw'
        ? expectedSlots({ from: q.from, to: q.to, activeFrom: s.activeFrom, intervalMinutes: s.intervalMinutes })
        : q.resolution === '1h'
          ? expectedSlots({ from: q.from, to: q.to, activeFrom: new Date(Math.floor(s.activeFrom.getTime() / 3_600_000) * 3_600_000), intervalMinutes: 60 })
          : days;
    for (const p of params) {
      items.push({ station: s, parameter: p.parameter, unit: p.unit || findParameter(s.kind, p.parameter)?.unit || '' });
      estimatedRows += perParam;
    }
  }
  return { resolution: q.resolution, format: q.format, from: q.from, to: q.to, items, estimatedRows };
}

export type ExportLabels = Record<
  'time' | 'station' | 'parameter' | 'value' | 'unit' | 'deviceStatus' | 'flag' | 'valid' | 'validCount' | 'expectedCount' | 'complete' | 'min' | 'max',
  string
>;

type Cell = TableCell;

function columnsFor(resolution: ExportResolution, l: ExportLabels): XlsxColumn[] {
  const head: XlsxColumn[] = [
    { header: l.time, type: resolution === '24h' ? 'date' : 'datetime', width: 20 },
    { header: l.station, type: 'string' },
    { header: l.parameter, type: 'string', width: 10 },
    { header: l.value, type: 'number' },
    { header: l.unit, type: 'string', width: 10 },
  ];
  if (resolution === 'raw') {
    return [...head, { header: l.deviceStatus, type: 'string', width: 10 }, { header: l.flag, type: 'string', width: 14 }, { header: l.valid, type: 'integer', width: 8 }];
  }
  return [
    ...head,
    { header: l.validCount, type: 'integer' },
    { header: l.expectedCount, type: 'integer' },
    { header: l.complete, type: 'integer', width: 8 },
    { header: l.min, type: 'number' },
    { header: l.max, type: 'number' },
  ];
}

/** The next batch of one plan item as cells; `cursor` is the last time (ms) or day key seen. */
async function nextBatch(plan: ExportPlan, i: number, cursor: string | null): Promise<{ rows: Cell[][]; cursor: string | null }> {
  const it = plan.items[i]!;
  const base = (time: Cell): Cell[] => [time, { csv: it.station.code, xlsx: it.station.code }, { csv: it.parameter, xlsx: it.parameter }];
  if (plan.resolution === 'raw') {
    const rows = await listRawBatch({ stationId: it.station.id, parameter: it.parameter, from: plan.from, to: plan.to, after: cursor ? new Date(Number(cursor)) : null, limit: EXPORT_BATCH });
    return {
      rows: rows.map((r) => [
        ...base({ csv: formatIsoLocal(r.time), xlsx: r.time }),
        { csv: r.value, xlsx: r.value },
        { csv: it.unit, xlsx: it.unit },
        { csv: r.deviceStatus, xlsx: r.deviceStatus },
        { csv: qcFlagName(r.qcFlag), xlsx: qcFlagName(r.qcFlag) },
        { csv: r.valid ? 1 : 0, xlsx: r.valid ? 1 : 0 },
      ]),
      cursor: rows.length === EXPORT_BATCH ? String(rows[rows.length - 1]!.time.getTime()) : null,
    };
  }
  const avgCells = (r: { value: number | null; validCount: number; expectedCount: number; complete: boolean; min: number | null; max: number | null }): Cell[] => [
    { csv: r.value, xlsx: r.value },
    { csv: it.unit, xlsx: it.unit },
    { csv: r.validCount, xlsx: r.validCount },
    { csv: r.expectedCount, xlsx: r.expectedCount },
    { csv: r.complete ? 1 : 0, xlsx: r.complete ? 1 : 0 },
    { csv: r.min, xlsx: r.min },
    { csv: r.max, xlsx: r.max },
  ];
  if (plan.resolution === '1h') {
    const rows = await listHourBatch({ stationId: it.station.id, parameter: it.parameter, from: plan.from, to: plan.to, after: cursor ? new Date(Number(cursor)) : null, limit: EXPORT_BATCH });
    return {
      rows: rows.map((r) => [...base({ csv: formatIsoLocal(r.time), xlsx: r.time }), ...avgCells(r)]),
      cursor: rows.length === EXPORT_BATCH ? String(rows[rows.length - 1]!.time.getTime()) : null,
    };
  }
  const days = localDayWindows(plan.from, plan.to);
  const fromDay = days[0]?.day ?? '1970-01-01';
  const lastDay = days[days.length - 1];
  const toDay = lastDay ? new Date(Date.parse(`${lastDay.day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10) : fromDay;
  const rows = await listDayBatch({ stationId: it.station.id, parameter: it.parameter, fromDay, toDay, afterDay: cursor, limit: EXPORT_BATCH });
  return {
    rows: rows.map((r) => [...base({ csv: r.day, xlsx: r.time }), ...avgCells(r)]),
    cursor: rows.length === EXPORT_BATCH ? rows[rows.length - 1]!.day : null,
  };
}

/**
 * The export as a byte stream: pull-driven (a slow client slows the queries down), one batch per pull.
 * `onDone` gets the row count when the stream completes (for the audit log).
 */
export function exportStream(plan: ExportPlan, labels: ExportLabels, onDone?: (rows: number) => void): ReadableStream<Uint8Array> {
  const columns = columnsFor(plan.resolution, labels);
  const enc = new TextEncoder();
  const xlsx = plan.format === 'xlsx' ? new XlsxStreamWriter(columns, { sheetName: 'Data', offsetMinutes: LOCAL_OFFSET_MINUTES }) : null;
  let item = 0;
  let cursor: string | null = null;
  let started = false;
  let rows = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          controller.enqueue(xlsx ? await xlsx.start() : enc.encode(CSV_BOM + csvRows([columns.map((c) => c.header)])));
          return;
        }
        // Loop until something is enqueued: a pull that enqueues nothing is not called again (the reader would hang).
        for (;;) {
          if (item >= plan.items.length) {
            if (xlsx) controller.enqueue(await xlsx.finish());
            controller.close();
            onDone?.(rows);
            return;
          }
          const batch = await nextBatch(plan, item, cursor);
          cursor = batch.cursor;
          if (!cursor) item += 1;
          rows += batch.rows.length;
          if (batch.rows.length === 0) continue;
          if (xlsx) {
            const bytes = await xlsx.addRows(batch.rows.map((r) => r.map((c) => c.xlsx)));
            if (bytes.length === 0) continue;
            controller.enqueue(bytes);
          } else {
            controller.enqueue(enc.encode(csvRows(batch.rows.map((r) => r.map((c) => c.csv)))));
          }
          return;
        }
      } catch (e) {
        controller.error(e);
      }
    },
  });
}

/** Records who exported what (exports can carry a facility's whole history). */
export async function auditExport(actor: string, plan: ExportPlan): Promise<void> {
  await appendAudit({
    actor,
    action: 'report.export',
    entity: 'export',
    entityId: null,
    before: null,
    after: {
      stations: [...new Set(plan.items.map((i) => i.station.code))],
      parameters: [...new Set(plan.items.map((i) => i.parameter))],
      resolution: plan.resolution,
      format: plan.format,
      from: plan.from.toISOString(),
      to: plan.to.toISOString(),
      estimatedRows: plan.estimatedRows,
    },
  });
}
