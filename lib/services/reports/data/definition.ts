import en from '../../../../messages/en.json';
import vi from '../../../../messages/vi.json';
import { parseLocalDate } from '../../../domain/time';
import { FILE_CONTENT_TYPES } from '../../../formats/table';
import { compactDay, searchParam, type ReportDefinition, type ReportLocale } from '../contract';
import { auditExport, exportInput, exportStream, planValidExport, type ExportLabels, type ExportParams, type ExportPlan } from './export';

/**
 * Data export: /reports/export?stations=A,B&parameters=COD,PH&resolution=raw|1h|24h&format=csv|xlsx&from=dd/MM/yyyy
 * &to=dd/MM/yyyy (both days inclusive), streamed. Its view model is what the export will hold (for the audit log and
 * the X-Estimated-Rows header that drives the page's progress bar); it has no print page.
 */
export type DataExportValues = { stations: string; parameters: string; resolution: string; format: string; from: string; to: string };
export type DataExportView = { stations: string[]; parameters: string[]; estimatedRows: number };

const DAY_MS = 86_400_000;
const LABELS: Record<ReportLocale, ExportLabels> = { vi: vi.reports.export.columns, en: en.reports.export.columns };

export const dataExportDefinition = {
  id: 'data',
  readForm(sp) {
    const values: DataExportValues = {
      stations: searchParam(sp, 'stations'),
      parameters: searchParam(sp, 'parameters'),
      resolution: searchParam(sp, 'resolution') || 'raw',
      format: searchParam(sp, 'format') || 'csv',
      from: searchParam(sp, 'from'),
      to: searchParam(sp, 'to'),
    };
    const from = parseLocalDate(values.from);
    const toDay = parseLocalDate(values.to);
    const invalid = [...(from ? [] : ['from']), ...(toDay ? [] : ['to'])];
    return {
      values,
      invalid,
      query: new URLSearchParams(values).toString(),
      // An unreadable day stays undefined: the params refuse it (400), nothing is guessed for an export.
      input: {
        stations: values.stations,
        ...(values.parameters ? { parameters: values.parameters } : {}),
        resolution: values.resolution,
        format: values.format,
        from: from ?? undefined,
        to: toDay ? new Date(toDay.getTime() + DAY_MS) : undefined,
      },
    };
  },
  params: exportInput,
  load: (p, ctx) => planValidExport(p, ctx.scope),
  view: (plan) => ({
    stations: [...new Set(plan.items.map((i) => i.station.code))],
    parameters: [...new Set(plan.items.map((i) => i.parameter))],
    estimatedRows: plan.estimatedRows,
  }),
  exports: {
    formats: ['csv', 'xlsx'],
    fileName: (v) => `du-lieu-${v.resolution}-${compactDay(v.from)}-${compactDay(v.to)}`,
    async file(plan, format, ctx) {
      await auditExport(ctx.actor, plan);
      return {
        contentType: FILE_CONTENT_TYPES[format],
        body: exportStream({ ...plan, format }, LABELS[ctx.locale]),
        headers: { 'x-estimated-rows': String(plan.estimatedRows) },
      };
    },
  },
  pdf: null,
} satisfies ReportDefinition<ExportParams, DataExportValues, ExportPlan, DataExportView>;
