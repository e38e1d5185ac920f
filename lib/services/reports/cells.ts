import { parseLocalDate } from '../../domain/time';
import type { TableCell } from '../../formats/table';
import type { XlsxColumn } from '../../formats/xlsx';
import type { ReportColumnLabels } from './messages';

/** Cells of the report tables: CSV keeps ISO dates and `.` decimals; XLSX gets Dates and numbers (formatted there). */
export const pctCell = (r: number | null): TableCell => {
  const v = r == null ? null : Math.round(r * 10000) / 100;
  return { csv: v, xlsx: v };
};
export const numCell = (v: number | null | undefined): TableCell => ({ csv: v ?? null, xlsx: v ?? null });
export const strCell = (v: string | null | undefined): TableCell => ({ csv: v ?? '', xlsx: v ?? '' });

/** yyyy-MM-dd (a day) → a Date cell at that local midnight; yyyy-MM (a month) → text MM/yyyy in XLSX. */
export function periodCell(period: string): TableCell {
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return { csv: period, xlsx: parseLocalDate(period) };
  if (/^\d{4}-\d{2}$/.test(period)) return { csv: period, xlsx: `${period.slice(5)}/${period.slice(0, 4)}` };
  return strCell(period);
}

/** The first columns of the station report tables: code, name, facility, parameter. */
export function stationColumns(l: ReportColumnLabels): XlsxColumn[] {
  return [
    { header: l.station, type: 'string', width: 18 },
    { header: l.stationName, type: 'string', width: 28 },
    { header: l.facility, type: 'string', width: 28 },
    { header: l.parameter, type: 'string', width: 10 },
  ];
}

export function stationCells(r: { stationCode: string; stationName: string; facilityName: string; parameter: string | null }): TableCell[] {
  return [strCell(r.stationCode), strCell(r.stationName), strCell(r.facilityName), strCell(r.parameter)];
}
