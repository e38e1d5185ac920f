import { z } from 'zod';
import { compactDay, tableExports, type ReportDefinition } from '../contract';
import { rangeParams, readRangeStationForm, type RangeValues } from '../range';
import { completenessReportService, type CompletenessReport } from './query';
import { completenessTable } from './table';

/** Tỷ lệ số liệu: /reports (screen), /reports/completeness/{print,pdf,export}. */
export type CompletenessValues = RangeValues & { station: string };
export type CompletenessView = {
  report: CompletenessReport;
  /** The whole-province total makes sense for department staff only; a facility user sees their facility's. */
  showProvince: boolean;
};

export const completenessParams = rangeParams.extend({ period: z.enum(['day', 'month']) });
export type CompletenessParams = z.output<typeof completenessParams>;

export const completenessDefinition = {
  id: 'completeness',
  readForm(sp, form) {
    const { values, invalid, input } = readRangeStationForm(sp, form);
    return { values, invalid, query: new URLSearchParams(values).toString(), input: { ...input, period: values.period } };
  },
  params: completenessParams,
  load: (p, ctx) =>
    completenessReportService({
      from: p.from,
      to: p.to,
      period: p.period,
      scope: ctx.scope,
      ...(p.station ? { stationCodes: [p.station] } : {}),
      threshold: ctx.threshold,
      now: ctx.now,
    }),
  view: (report, ctx) => ({ report, showProvince: ctx.scope.facilityId === null }),
  exports: tableExports(
    (report, locale) => completenessTable(report, locale),
    (v) => `ty-le-so-lieu-${v.period}-${compactDay(v.from)}-${compactDay(v.to)}`,
  ),
  // Landscape: the rate columns fit across; the print page puts the totals first and the daily rows only on request.
  pdf: { landscape: true },
} satisfies ReportDefinition<CompletenessParams, CompletenessValues, CompletenessReport, CompletenessView>;
