import { LOCAL_OFFSET_MINUTES } from '../../../domain/time';
import type { FileTable, TableCell } from '../../../formats/table';
import type { XlsxColumn } from '../../../formats/xlsx';
import { numCell, periodCell, stationCells, stationColumns, strCell } from '../cells';
import type { ReportLocale } from '../contract';
import { reportMessages } from '../messages';
import type { ExceedanceSummaryRow } from './query';

/** The exceedance report's rows as a file: counts, duration in hours, values and dispositions. */
export function exceedanceTable(rows: readonly ExceedanceSummaryRow[], byMonth: boolean, locale: ReportLocale): FileTable {
  const l = reportMessages(locale).columns;
  const columns: XlsxColumn[] = [
    ...stationColumns(l),
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
  const out = rows.map((r): TableCell[] => [
    ...stationCells(r),
    ...(byMonth ? [periodCell(r.period)] : []),
    numCell(r.alerts),
    numCell(r.events),
    numCell(Math.round((r.durationMs / 3_600_000) * 100) / 100),
    numCell(r.peak),
    numCell(r.average == null ? null : Math.round(r.average * 10000) / 10000),
    numCell(r.limit),
    strCell(r.basis),
    numCell(r.pending),
    numCell(r.confirmed),
    numCell(r.equipment),
    numCell(r.calibration),
    numCell(r.falseAlarm),
  ]);
  return { sheetName: reportMessages(locale).sheets.exceedances, columns, rows: out, offsetMinutes: LOCAL_OFFSET_MINUTES };
}
