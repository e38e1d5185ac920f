/** Monthly station report DTOs: what server/queries/reports-monthly.ts returns and components/reports/monthly-report.tsx shows. Types only. */
export type MonthlyRates = { receiptRate: number | null; validRate: number | null; belowThreshold: boolean };

export type MonthlyParameterView = {
  parameter: string;
  name: string;
  unit: string;
  decimals: number;
  days: { day: string; value: number | null; min: number | null; max: number | null }[];
  mean: number | null;
  min: number | null;
  max: number | null;
  daysWithData: number;
  limitMax: number | null;
  limitMin: number | null;
  completeness: MonthlyRates;
  exceedances: number;
};
