import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { reportedValue } from '@/lib/domain/alerts/kinds';
import { isAlertBasis } from '@/lib/domain/alerts/lifecycle';
import { formatNumber, type DisplayLocale } from '@/lib/domain/format';
import { formatDateTime } from '@/lib/domain/time';
import { DataTable } from '@/components/ui/data-table';
import type { AlertRowDto } from '@/lib/dto/alerts';
import { AlertStateBadge, DispositionBadge } from './alert-badges';
import { formatDuration } from './format';
import { parameterLabel } from '@/lib/domain/parameters';

/** The fields of an alert row the table shows. */
export type AlertTableRow = Omit<AlertRowDto, 'resolvedAt' | 'suppressed'>;

export function AlertTable({ rows }: { rows: AlertTableRow[] }) {
  const t = useTranslations('alerts');
  const locale = (useLocale() === 'en' ? 'en' : 'vi') as DisplayLocale;
  const num = (v: number | null, r: AlertTableRow) => (v == null ? '—' : `${formatNumber(v, r.decimals, locale)}${r.unit ? ` ${r.unit}` : ''}`);
  return (
    <DataTable
      className=""
      testId="alerts-table"
      rows={rows}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ 'data-alert-id': r.id, 'data-station': r.stationCode })}
      columns={[
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
        { header: t('columns.kind'), cell: (r) => t(`kinds.${r.kind}`) },
        { header: t('columns.state'), cell: (r) => <AlertStateBadge state={r.state} /> },
        { header: t('columns.count'), num: true, cell: (r) => r.count },
        {
          header: t('columns.peak'),
          num: true,
          className: 'nowrap',
          cell: (r) => (
            <>
              {num(reportedValue(r), r)}
              {r.limit != null && <span className="muted"> / {num(r.limit, r)}</span>}
            </>
          ),
        },
        { header: t('columns.basis'), className: 'nowrap', cell: (r) => (isAlertBasis(r.basis) ? t(`bases.${r.basis}`) : '—') },
        { header: t('columns.duration'), className: 'nowrap', cell: (r) => formatDuration(r.durationMs, (k, v) => t(`duration.${k}`, v)) },
        { header: t('columns.disposition'), cell: (r) => <DispositionBadge disposition={r.disposition} /> },
      ]}
    />
  );
}
