import { z } from 'zod';
import { compactDay, searchParam, tableExports, type ReportDefinition } from '../contract';
import { rangeParams, readRangeStationForm, type RangeValues } from '../range';
import { EXCEEDANCE_KINDS, exceedanceReportService, type ExceedanceKindFilter, type ExceedanceSummaryRow } from './query';
import { exceedanceTable } from './table';

/** Vượt ngưỡng: /reports/exceedances (screen), …/print, …/pdf, …/export. Period 'month' groups the rows by month. */
export type ExceedanceValues = RangeValues & { station: string; kind: ExceedanceKindFilter };
export type ExceedanceView = { rows: ExceedanceSummaryRow[]; byMonth: boolean };
export type ExceedanceData = ExceedanceView;

export const exceedanceParams = rangeParams.extend({ byMonth: z.boolean(), kind: z.enum([...EXCEEDANCE_KINDS, 'all']) });
export type ExceedanceParams = z.output<typeof exceedanceParams>;

export const exceedanceDefinition = {
  id: 'exceedances',
  readForm(sp, form) {
    const f = readRangeStationForm(sp, form);
    const kindText = searchParam(sp, 'kind');
    const kind: ExceedanceKindFilter = EXCEEDANCE_KINDS.find((k) => k === kindText) ?? 'all';
    const values = { ...f.values, kind };
    return {
      values,
      invalid: f.invalid,
      query: new URLSearchParams(values).toString(),
      input: { ...f.input, byMonth: values.period === 'month', kind },
    };
  },
  params: exceedanceParams,
  load: async (p, ctx) => ({
    rows: await exceedanceReportService({
      from: p.from,
      to: p.to,
      kind: p.kind,
      byMonth: p.byMonth,
      scope: ctx.scope,
      ...(p.station ? { stationCodes: [p.station] } : {}),
      now: ctx.now,
    }),
    byMonth: p.byMonth,
  }),
  view: (data) => data,
  exports: tableExports(
    (data, locale) => exceedanceTable(data.rows, data.byMonth, locale),
    (v) => `vuot-nguong-${compactDay(v.from)}-${compactDay(v.to)}`,
  ),
  pdf: { landscape: true },
} satisfies ReportDefinition<ExceedanceParams, ExceedanceValues, ExceedanceData, ExceedanceView>;
