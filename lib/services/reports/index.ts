import { completenessDefinition } from './completeness';
import { defineReport } from './contract';
import { dataExportDefinition } from './data';
import { exceedanceDefinition } from './exceedances';
import { monthlyDefinition } from './monthly';

/**
 * The reports. Each is one folder implementing the shared contract (contract.ts); this registry is how routes and
 * page queries reach them: /reports/<id>/print is its print page (and PDF), /reports/<id>/export its files.
 */
export const REPORTS = {
  completeness: defineReport(completenessDefinition),
  exceedances: defineReport(exceedanceDefinition),
  monthly: defineReport(monthlyDefinition),
  data: defineReport(dataExportDefinition),
} as const;
export type ReportId = keyof typeof REPORTS;

export * from './contract';
export * from './completeness';
export * from './data';
export * from './exceedances';
export * from './monthly';
export * from './kpi-month';
export * from './messages';
export * from './monthly-mail';
export * from './pdf';
export * from './render-queue';
export { MAX_KPI_DAYS, type ReportPeriod } from './range';
export { tableToCsv, tableToXlsx } from '../../formats/table';
