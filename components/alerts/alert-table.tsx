import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { reportedValue } from '@/lib/domain/alerts/kinds';
import { isAlertBasis } from '@/lib/domain/alerts/lifecycle';
import { formatNumber, type DisplayLocale } from '@/lib/domain/format';
import { formatDateTime } from '@/lib/domain/time';
import { DataTable } from '@/components/ui/data-table';
import type { AlertRowDto } from '@/lib/dto/alerts';
import { AlertStateBadge, DispositionBadge } from './alert-badges';
import styles from './alerts.module.css';
import { formatDuration } from './format';
import { parameterLabel } from '@/lib/domain/parameters';

/** The fields of an alert row the table shows. */
export type AlertTableRow = Omit<AlertRowDto, 'resolvedAt' | 'suppressed' | 'confirmed' | 'historical' | 'withdrawn'> &
  Partial<Pick<AlertRowDto, 'confirmed' | 'historical' | 'withdrawn'>>;

/** `selectable`: a checkbox for each open alert (name `ids`) for the surrounding "acknowledge selected" form. */
export function AlertTable({ rows, selectable = false }: { rows: AlertTableRow[]; selectable?: boolean }) {
  const t = useTranslations('alerts');
  const t2 = useTranslations('alerts2');
  const locale = (useLocale() === 'en' ? 'en' : 'vi') as DisplayLocale;
  const num = (v: number | null, r: AlertTableRow) => (v == null ? '—' : `${formatNumber(v, r.decimals, locale)}${r.unit ? ` ${r.unit}` : ''}`);
  return (
    <DataTable
      className={`data ${styles.compact}`}
      testId="alerts-table"
      rows={rows}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ 'data-alert-id': r.id, 'data-station': r.stationCode })}
      columns={[
        ...(selectable
          ? [
              {
                header: t2('bulk.select'),
                cell: (r: AlertTableRow) =>
                  r.state === 'open' ? <input type="checkbox" name="ids" value={r.id} aria-label={t2('bulk.selectRow', { id: r.id })} data-testid="alert-select" /> : null,
              },
            ]
          : []),
        { header: t('columns.openedAt'), className: 'nowrap', cell: (r) => <Link href={`/alerts/${r.id}`}>{formatDateTime(r.openedAt)}</Link> },
        {
          header: t('columns.station'),
          cell: (r) => (
            <>
              <span className="mono">{r.stationCode}</span>
              <div className="muted small">{r.stationName}</div>
            </>
          ),
        },
        { header: t('columns.parameter'), cell: (r) => (r.parameter ? parameterLabel(r.parameter, locale) : '—') },
        {
          // The basis (5-minute value, 24-hour mean…) under the kind: one column fewer, so that all fit at 1440 px.
          header: t('columns.kind'),
          cell: (r) => (
            <>
              {t(`kinds.${r.kind}`)}
              {isAlertBasis(r.basis) && <div className="muted small nowrap">{t(`bases.${r.basis}`)}</div>}
            </>
          ),
        },
        { header: t('columns.state'), cell: (r) => <AlertStateBadge state={r.state} /> },
        {
          header: t2('columns.episode'),
          cell: (r) => (
            <span className="small" data-episode={r.confirmed !== false ? 'confirmed' : 'brief'}>
              {r.confirmed !== false ? t2('episode.confirmed') : t2('episode.brief')}
              {r.historical && <div className="muted">{t2('episode.historical')}</div>}
              {r.withdrawn && <div className="muted">{t2('episode.withdrawn')}</div>}
            </span>
          ),
        },
        { header: t2('columns.value'), num: true, className: 'nowrap', cell: (r) => num(reportedValue(r), r) },
        { header: t2('columns.limit'), num: true, className: 'nowrap', cell: (r) => (r.limit == null ? '—' : num(r.limit, r)) },
        { header: t2('columns.count'), num: true, cell: (r) => formatNumber(r.count, 0, locale) },
        { header: t('columns.duration'), className: 'nowrap', cell: (r) => formatDuration(r.durationMs, (k, v) => t(`duration.${k}`, v)) },
        { header: t('columns.disposition'), cell: (r) => <DispositionBadge disposition={r.disposition} /> },
      ]}
    />
  );
}
