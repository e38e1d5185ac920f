import { useLocale, useTranslations } from 'next-intl';
import { formatNumber, type DisplayLocale } from '@/lib/domain/format';
import { formatDateTime } from '@/lib/domain/time';
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
      <div className={`table-wrap ${styles.scroll}`}>
        <table data-testid="evidence-table">
          <thead>
            <tr>
              <th>{t('time')}</th>
              <th className="num">
                {t('value')}
                {unit ? ` (${unit})` : ''}
              </th>
              <th>{t('status')}</th>
              <th>{t('flag')}</th>
              <th>{t('valid')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.t} className={r.flagged ? styles.flagged : r.exceeding ? styles.exceeding : undefined} data-flagged={r.flagged || undefined} data-exceeding={r.exceeding || undefined}>
                <td className="nowrap">{formatDateTime(r.t)}</td>
                <td className="num">{formatNumber(r.v, decimals, locale)}</td>
                <td>{(STATUSES as readonly string[]).includes(r.deviceStatus) ? ts(r.deviceStatus as (typeof STATUSES)[number]) : ts('unknown')}</td>
                <td>{(FLAGS as readonly string[]).includes(String(r.qcFlag)) ? tq(String(r.qcFlag) as (typeof FLAGS)[number]) : r.qcFlag}</td>
                <td>{r.valid ? t('yes') : t('no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
