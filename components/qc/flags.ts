/** QC flags in chart order with their colours (shared by server pages and the client chart). */
export const QC_CHART_FLAGS = ['good', 'suspect', 'fail', 'not_evaluated', 'missing'] as const;
export type QcChartFlag = (typeof QC_CHART_FLAGS)[number];
export const QC_FLAG_COLORS: Record<QcChartFlag, string> = {
  good: '#1DCE6C',
  suspect: '#F0B429',
  fail: '#EA3223',
  not_evaluated: '#8E9AAF',
  missing: '#D0D0D0',
};
