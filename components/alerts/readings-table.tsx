import { useLocale, useTranslations } from 'next-intl';
import { formatNumber, type DisplayLocale } from '@/lib/domain/format';
import { formatDateTime } from '@/lib/domain/time';
import { DataTable } from '@/components/ui/data-table';
import styles from './alerts.module.css';

export type EvidenceRow = { t: number; v: number; deviceStatus: string; qcFlag: number; valid: boolean; flagged: boolean; exceeding: boolean };

const FLAGS = ['1', '2', '3', '4', '9'] as const;
const STATUSES = ['00', '01', '02', '03'] as const;

/** The readings behind the chart, newest first; flagged and exceeding rows are tinted. */
export function ReadingsTable({ rows, decimals, unit, total }: { rows: EvidenceRow[]; decimals: number; unit: string; total: number }) {
  const t = useTranslations('alerts.data');
  const tq = useTranslations('qcFlags');
  const ts = useTranslations('deviceStatus');
  const locale = (useLocale() === 'en' ? 'en' : 'vi') as DisplayLocale;
  if (rows.length === 0) return <p className="muted">{t('none')}</p>;
  const shown = [...rows].reverse();
  return (
    <>
      {total > rows.length && <p className="muted small">{t('truncated', { shown: rows.length, total })}</p>}
      <DataTable
        wrap={`table-wrap ${styles.scroll}`}
        className=""
        testId="evidence-table"
        rows={shown}
        rowKey={(r) => r.t}
        rowProps={(r) => ({
          className: r.flagged ? styles.flagged : r.exceeding ? styles.exceeding : undefined,
          'data-flagged': r.flagged || undefined,
          'data-exceeding': r.exceeding || undefined,
        })}
        columns={[
          { header: t('time'), className: 'nowrap', cell: (r) => formatDateTime(r.t) },
          { header: `${t('value')}${unit ? ` (${unit})` : ''}`, num: true, cell: (r) => formatNumber(r.v, decimals, locale) },
          {
            header: t('status'),
            cell: (r) => ((STATUSES as readonly string[]).includes(r.deviceStatus) ? ts(r.deviceStatus as (typeof STATUSES)[number]) : ts('unknown')),
          },
          { header: t('flag'), cell: (r) => ((FLAGS as readonly string[]).includes(String(r.qcFlag)) ? tq(String(r.qcFlag) as (typeof FLAGS)[number]) : r.qcFlag) },
          { header: t('valid'), cell: (r) => (r.valid ? t('yes') : t('no')) },
        ]}
      />
    </>
  );
}
