import { useLocale, useTranslations } from 'next-intl';
import { formatNumber, formatPercent } from '@/lib/domain/format';
import { DataTable, type Column } from '@/components/ui/data-table';
import styles from './reports.module.css';

type Rates = {
  expected: number;
  received: number;
  valid: number;
  receiptRate: number | null;
  validRate: number | null;
  belowThreshold: boolean;
};
export type CompletenessRowView = Rates & {
  stationCode: string;
  stationName: string;
  facilityName: string;
  parameter: string;
  period: string;
};
export type CompletenessTotalView = Rates & { label: string; code: string; files: number | null };

/** yyyy-MM-dd → dd/MM/yyyy; yyyy-MM → MM/yyyy. */
export function periodLabel(period: string): string {
  const [y, m, d] = period.split('-');
  return d ? `${d}/${m}/${y}` : `${m}/${y}`;
}

/** The five rate columns shared by the detail and the totals tables; rates below the threshold are red. */
function rateColumns<R extends Rates>(t: (key: 'expected' | 'received' | 'valid' | 'receiptRate' | 'validRate') => string, locale: 'vi' | 'en'): Column<R>[] {
  const below = (r: R) => (r.belowThreshold ? styles.belowRate : undefined);
  return [
    { header: t('expected'), num: true, cell: (r) => formatNumber(r.expected, 0, locale) },
    { header: t('received'), num: true, cell: (r) => formatNumber(r.received, 0, locale) },
    { header: t('valid'), num: true, cell: (r) => formatNumber(r.valid, 0, locale) },
    { header: t('receiptRate'), num: true, className: below, cellProps: () => ({ 'data-col': 'receipt' }), cell: (r) => formatPercent(r.receiptRate, locale) },
    { header: t('validRate'), num: true, className: below, cellProps: () => ({ 'data-col': 'valid' }), cell: (r) => formatPercent(r.validRate, locale) },
  ];
}

const belowProps = (r: Rates) => ({ className: r.belowThreshold ? styles.below : undefined, 'data-below': r.belowThreshold ? 'true' : 'false' });

export function CompletenessTable({ rows, period }: { rows: CompletenessRowView[]; period: 'day' | 'month' }) {
  const t = useTranslations('reports.completeness');
  const locale = useLocale() === 'en' ? 'en' : 'vi';
  return (
    <DataTable
      className={`data ${styles.reportTable}`}
      testId="completeness-table"
      rows={rows}
      rowKey={(r) => `${r.stationCode}|${r.parameter}|${r.period}`}
      rowProps={(r) => ({ ...belowProps(r), 'data-station': r.stationCode, 'data-parameter': r.parameter, 'data-period': r.period })}
      empty={t('empty')}
      columns={[
        {
          header: t('station'),
          cell: (r) => (
            <>
              <span className="mono">{r.stationCode}</span> {r.stationName}
            </>
          ),
        },
        { header: t('facility'), cell: (r) => r.facilityName },
        { header: t('parameter'), className: 'mono', cell: (r) => r.parameter },
        { header: period === 'month' ? t('month') : t('day'), className: 'nowrap', cell: (r) => periodLabel(r.period) },
        ...rateColumns<CompletenessRowView>(t, locale),
      ]}
    />
  );
}

export function CompletenessTotals({
  title,
  rows,
  testId,
}: {
  title: string;
  rows: CompletenessTotalView[];
  testId: string;
}) {
  const t = useTranslations('reports.completeness');
  const locale = useLocale() === 'en' ? 'en' : 'vi';
  return (
    <DataTable
      className={`data ${styles.reportTable}`}
      testId={testId}
      caption={<caption style={{ textAlign: 'left', fontWeight: 600, padding: '8px 10px' }}>{title}</caption>}
      rows={rows}
      rowKey={(r) => r.code}
      rowProps={(r) => ({ ...belowProps(r), 'data-code': r.code })}
      columns={[
        { header: t('name'), cell: (r) => r.label },
        { header: t('files'), num: true, cell: (r) => r.files ?? '—' },
        ...rateColumns<CompletenessTotalView>(t, locale),
      ]}
    />
  );
}
