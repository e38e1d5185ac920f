import { LOCAL_OFFSET_MINUTES } from '../../../domain/time';
import type { FileTable, TableCell } from '../../../formats/table';
import type { XlsxColumn } from '../../../formats/xlsx';
import { numCell, pctCell, periodCell, stationCells, stationColumns } from '../cells';
import type { ReportLocale } from '../contract';
import { reportMessages } from '../messages';
import type { CompletenessReport } from './query';

/** The completeness report's rows as a file: the same rows as the screen, rates in %. */
export function completenessTable(report: CompletenessReport, locale: ReportLocale): FileTable {
  const l = reportMessages(locale).columns;
  const columns: XlsxColumn[] = [
    ...stationColumns(l),
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
  const rows = report.rows.map((r): TableCell[] => [
    ...stationCells(r),
    periodCell(r.period),
    numCell(r.expected),
    numCell(r.received),
    numCell(r.valid),
    pctCell(r.receiptRate),
    pctCell(r.validRate),
    numCell(r.belowThreshold ? 1 : 0),
  ]);
  return { sheetName: reportMessages(locale).sheets.completeness, columns, rows, offsetMinutes: LOCAL_OFFSET_MINUTES };
}
