import type { MonthlyParameterView } from '../../../dto/reports-monthly';
import type { ReportLocale } from '../contract';
import type { MonthlyStationReport } from './query';

/** The monthly report as the screen and the print page show it: parameter names in the reader's language. */
export type MonthlyReportView = Omit<MonthlyStationReport, 'parameters'> & { parameters: MonthlyParameterView[] };

export function monthlyReportView(r: MonthlyStationReport, locale: ReportLocale): MonthlyReportView {
  return {
    ...r,
    parameters: r.parameters.map((p) => ({
      parameter: p.parameter,
      name: locale === 'en' ? p.nameEn : p.nameVi,
      unit: p.unit,
      decimals: p.decimals,
      days: p.days.map((d) => ({ day: d.day, value: d.value, min: d.min, max: d.max })),
      mean: p.mean,
      min: p.min,
      max: p.max,
      daysWithData: p.daysWithData,
      limitMax: p.limitMax,
      limitMin: p.limitMin,
      completeness: {
        receiptRate: p.completeness.receiptRate,
        validRate: p.completeness.validRate,
        belowThreshold: p.completeness.belowThreshold,
      },
      exceedances: p.exceedances,
    })),
  };
}
