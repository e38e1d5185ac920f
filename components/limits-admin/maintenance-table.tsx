'use client';
import { useTranslations } from 'next-intl';
import { formatDateTime } from '@/lib/domain/time';
import { RowActionForm } from './form-parts';
import { DataTable } from '@/components/ui/data-table';
import type { AdminFormAction, MaintenanceWindowItem } from './types';

const STATUS_BADGE = { active: 'badge-warn', upcoming: 'badge-neutral', past: 'badge-neutral', cancelled: 'badge-rejected' } as const;

/** Declared maintenance windows, newest first, with their status and who declared or cancelled them. */
export function MaintenanceTable({ windows, cancelAction }: { windows: MaintenanceWindowItem[]; cancelAction: AdminFormAction }) {
  const t = useTranslations('limitsAdmin.maintenance');
  if (windows.length === 0) return <p className="empty">{t('none')}</p>;
  return (
    <DataTable
      testId="maintenance-windows"
      rows={windows}
      rowKey={(w) => w.id}
      rowProps={(w) => ({ 'data-window': w.id, 'data-station': w.stationCode, 'data-status': w.status })}
      columns={[
        {
          header: t('station'),
          cell: (w) => (
            <>
              <span className="mono">{w.stationCode}</span>
              <div className="muted small">{w.stationName}</div>
            </>
          ),
        },
        { header: t('parameters'), cell: (w) => (w.parameters.length === 0 ? t('wholeStation') : <span className="mono">{w.parameters.join(', ')}</span>) },
        { header: t('from'), className: 'nowrap', cell: (w) => formatDateTime(w.from) },
        { header: t('to'), className: 'nowrap', cell: (w) => formatDateTime(w.to) },
        { header: t('reason'), cell: (w) => w.reason },
        {
          header: t('status'),
          cell: (w) => (
            <>
              <span className={`badge ${STATUS_BADGE[w.status]}`}>{t(`statuses.${w.status}`)}</span>
              {w.cancelledAt && (
                <div className="muted small">
                  {w.cancelledBy} {formatDateTime(w.cancelledAt)}
                </div>
              )}
            </>
          ),
        },
        { header: t('declaredBy'), className: 'muted small', cell: (w) => w.createdBy },
        {
          cell: (w) =>
            (w.status === 'active' || w.status === 'upcoming') && (
              <RowActionForm action={cancelAction} fields={{ id: w.id }} label={t('cancel')} okText={t('cancelled')} />
            ),
        },
      ]}
    />
  );
}
