/** Monthly station report DTOs: what the monthly report view (lib/services/reports/monthly/view.ts) returns and components/reports/monthly-report.tsx shows. Types only. */
export type MonthlyRates = { receiptRate: number | null; validRate: number | null; belowThreshold: boolean };

export type MonthlyParameterView = {
  parameter: string;
  name: string;
  unit: string;
  decimals: number;
  days: { day: string; value: number | null; min: number | null; max: number | null }[];
  /** Mean of the daily means that exist; min/max over the days' min/max. */
  mean: number | null;
  min: number | null;
  max: number | null;
  daysWithData: number;
  /** Upper (or lower) limit used for the chart and the summary. */
  limitMax: number | null;
  limitMin: number | null;
  completeness: MonthlyRates;
  exceedances: number;
};
