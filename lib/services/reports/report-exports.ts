import en from '../../../messages/areas/reports.en.json';
import vi from '../../../messages/areas/reports.vi.json';
import type { ExceedanceSummaryRow } from '../../db/kpi';
import { VN_OFFSET_MINUTES } from '../../domain/iso-time';
import { parseDayInput } from '../../domain/kpi';
import { csvCell } from './data-export';
import type { CompletenessReport } from './kpi';
import { XlsxStreamWriter, type XlsxCell, type XlsxColumn } from '../../formats/xlsx';

/**
 * The completeness and exceedance reports as files: the same rows as the screen, CSV (UTF-8 with BOM, `.` decimals,
 * ISO dates) or XLSX (dates as dd/mm/yyyy cells, numbers as numbers with '#,##0.00' so Excel shows the decimal comma
 * of a Vietnamese locale). Reports are bounded (stations × parameters × days), so they are built in memory.
 */
export type ReportLocale = 'vi' | 'en';
export type ReportColumnLabels = (typeof vi)['reports2']['columns'];
type Cell = { csv: string | number | null; xlsx: XlsxCell };
export type ReportTable = { sheetName: string; columns: XlsxColumn[]; rows: Cell[][] };

const bundles = { vi: vi.reports2, en: en.reports2 } satisfies Record<ReportLocale, unknown>;

/** The reports2 messages of a locale (for callers without next-intl: route handlers' files, the worker's e-mail). */
export function reportMessages(locale: ReportLocale): (typeof vi)['reports2'] {
  return bundles[locale];
}

const pct = (r: number | null): Cell => {
  const v = r == null ? null : Math.round(r * 10000) / 100;
  return { csv: v, xlsx: v };
};
const num = (v: number | null | undefined): Cell => ({ csv: v ?? null, xlsx: v ?? null });
const str = (v: string | null | undefined): Cell => ({ csv: v ?? '', xlsx: v ?? '' });

/** yyyy-MM-dd (a day) → a Date cell at that local midnight; yyyy-MM (a month) → text MM/yyyy in XLSX. */
function periodCell(period: string): Cell {
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return { csv: period, xlsx: parseDayInput(period, VN_OFFSET_MINUTES) };
  if (/^\d{4}-\d{2}$/.test(period)) return { csv: period, xlsx: `${period.slice(5)}/${period.slice(0, 4)}` };
  return str(period);
}

export function completenessTable(report: CompletenessReport, locale: ReportLocale): ReportTable {
  const l = reportMessages(locale).columns;
  const columns: XlsxColumn[] = [
    { header: l.station, type: 'string', width: 18 },
    { header: l.stationName, type: 'string', width: 28 },
    { header: l.facility, type: 'string', width: 28 },
    { header: l.parameter, type: 'string', width: 10 },
    {
      header: report.period === 'month' ? l.month : l.day,
      type: report.period === 'month' ? 'string' : 'date',
      width: 12,
    },
    { header: l.expected, type: 'integer' },
    { header: l.received, type: 'integer' },
    { header: l.valid, type: 'integer' },
    { header: l.receiptRate, type: 'number' },
    { header: l.validRate, type: 'number' },
    { header: l.below, type: 'integer', width: 10 },
  ];
  const rows = report.rows.map((r): Cell[] => [
    str(r.stationCode),
    str(r.stationName),
    str(r.facilityName),
    str(r.parameter),
    periodCell(r.period),
    num(r.expected),
    num(r.received),
    num(r.valid),
    pct(r.receiptRate),
    pct(r.validRate),
    num(r.belowThreshold ? 1 : 0),
  ]);
  return { sheetName: reportMessages(locale).sheets.completeness, columns, rows };
}

export function exceedanceTable(
  rows: readonly ExceedanceSummaryRow[],
  byMonth: boolean,
  locale: ReportLocale,
): ReportTable {
  const l = reportMessages(locale).columns;
  const columns: XlsxColumn[] = [
    { header: l.station, type: 'string', width: 18 },
    { header: l.stationName, type: 'string', width: 28 },
    { header: l.facility, type: 'string', width: 28 },
    { header: l.parameter, type: 'string', width: 10 },
    ...(byMonth ? [{ header: l.month, type: 'string', width: 10 } as const] : []),
    { header: l.alerts, type: 'integer' },
    { header: l.events, type: 'integer' },
    { header: l.durationHours, type: 'number' },
    { header: l.peak, type: 'number' },
    { header: l.average, type: 'number' },
    { header: l.limit, type: 'number' },
    { header: l.basis, type: 'string', width: 10 },
    { header: l.pending, type: 'integer' },
    { header: l.confirmed, type: 'integer' },
    { header: l.equipment, type: 'integer' },
    { header: l.calibration, type: 'integer' },
    { header: l.falseAlarm, type: 'integer' },
  ];
  const out = rows.map((r): Cell[] => [
    str(r.stationCode),
    str(r.stationName),
    str(r.facilityName),
    str(r.parameter),
    ...(byMonth ? [periodCell(r.period)] : []),
    num(r.alerts),
    num(r.events),
    num(Math.round((r.durationMs / 3_600_000) * 100) / 100),
    num(r.peak),
    num(r.average == null ? null : Math.round(r.average * 10000) / 10000),
    num(r.limit),
    str(r.basis),
    num(r.pending),
    num(r.confirmed),
    num(r.equipment),
    num(r.calibration),
    num(r.falseAlarm),
  ]);
  return { sheetName: reportMessages(locale).sheets.exceedances, columns, rows: out };
}

/** UTF-8 with a BOM (Excel then reads Vietnamese), CRLF lines, `.` decimals, text never read as a formula. */
export function tableToCsv(t: ReportTable): Buffer {
  const lines = [
    t.columns.map((c) => csvCell(c.header)).join(','),
    ...t.rows.map((r) => r.map((c) => csvCell(c.csv)).join(',')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function tableToXlsx(t: ReportTable): Promise<Buffer> {
  const w = new XlsxStreamWriter(t.columns, { sheetName: t.sheetName, offsetMinutes: VN_OFFSET_MINUTES });
  const parts = [await w.start(), await w.addRows(t.rows.map((r) => r.map((c) => c.xlsx))), await w.finish()];
  return Buffer.concat(parts);
}

export const REPORT_CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
