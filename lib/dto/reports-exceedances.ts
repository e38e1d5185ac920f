import type { ExceedanceSummaryRow } from '../db/kpi';

/** An exceedance report row as the screen and print tables show it (lib/services/reports/exceedances). Types only. */
export type ExceedanceRowView = Omit<ExceedanceSummaryRow, 'stationId' | 'basis'>;
