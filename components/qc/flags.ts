import type { QcFlagName } from '@/lib/domain/qc-flags';

/**
 * The QC flags (lib/domain/qc-flags.ts, a vocabulary of its own: QARTOD flags of readings, not station states) in
 * chart order, with their colours (shared by server pages and the client chart). The types make both cover every flag.
 */
export const QC_CHART_FLAGS = ['good', 'suspect', 'fail', 'not_evaluated', 'missing'] as const satisfies readonly QcFlagName[];
export type QcChartFlag = QcFlagName;
export const QC_FLAG_COLORS: Record<QcFlagName, string> = {
  good: '#1DCE6C',
  suspect: '#F0B429',
  fail: '#EA3223',
  not_evaluated: '#8E9AAF',
  missing: '#D0D0D0',
};
