import { z } from 'zod';
import { searchParam, type ReportDefinition } from '../contract';
import { readStationChoice } from '../range';
import { formatMonthKey, monthOf, parseMonthInput } from '../kpi-month';
import { monthlyStationReportService, type MonthlyStationReport } from './query';
import { monthlyReportView, type MonthlyReportView } from './view';

/**
 * Báo cáo tháng theo trạm: /reports/monthly?station=CODE&month=yyyy-MM (or MM/yyyy), …/print, …/pdf. No station
 * chosen: no report. Facility users choose among their own stations only.
 */
export type MonthlyValues = { station: string; month: string };

export const monthlyParams = z.object({
  station: z.string().trim().min(1).max(64).optional(),
  month: z.string().regex(/^\d{4}-\d{2}$/),
});
export type MonthlyParams = z.output<typeof monthlyParams>;

export const monthlyDefinition = {
  id: 'monthly',
  readForm(sp, form) {
    const invalid: string[] = [];
    const monthText = searchParam(sp, 'month');
    const parsed = monthText ? parseMonthInput(monthText) : monthOf(form.now);
    if (!parsed) invalid.push('month');
    const month = parsed ?? monthOf(form.now);
    const station = readStationChoice(sp, form.stations, invalid);
    return {
      values: { station, month: formatMonthKey(month) },
      invalid,
      query: new URLSearchParams({ station, month }).toString(),
      input: { month, ...(station ? { station } : {}) },
    };
  },
  params: monthlyParams,
  load: async (p, ctx) =>
    p.station
      ? monthlyStationReportService({ stationCode: p.station, month: p.month, scope: ctx.scope, threshold: ctx.threshold, now: ctx.now })
      : null,
  view: (r, ctx) => (r ? monthlyReportView(r, ctx.locale) : null),
  exports: null,
  pdf: { landscape: true },
} satisfies ReportDefinition<MonthlyParams, MonthlyValues, MonthlyStationReport | null, MonthlyReportView | null>;
