'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionMessage } from './action-message';
import { formatDateTime } from '@/lib/domain/time';
import styles from './limits-admin.module.css';
import type { AdminFormAction, MaintenanceWindowItem } from './types';

const STATUS_BADGE = { active: 'badge-warn', upcoming: 'badge-neutral', past: 'badge-neutral', cancelled: 'badge-rejected' } as const;

function CancelWindow({ id, action }: { id: number; action: AdminFormAction }) {
  const t = useTranslations('limitsAdmin.maintenance');
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} className={styles.inline}>
      <input type="hidden" name="id" value={id} />
      <button className="btn" type="submit" disabled={pending}>
        {t('cancel')}
      </button>
      <ActionMessage state={state} okText={t('cancelled')} />
    </form>
  );
}

/** Declared maintenance windows, newest first, with their status and who declared or cancelled them. */
export function MaintenanceTable({ windows, cancelAction }: { windows: MaintenanceWindowItem[]; cancelAction: AdminFormAction }) {
  const t = useTranslations('limitsAdmin.maintenance');
  if (windows.length === 0) return <p className="empty">{t('none')}</p>;
  return (
    <div className="table-wrap">
      <table className="data" data-testid="maintenance-windows">
        <thead>
          <tr>
            <th>{t('station')}</th>
            <th>{t('parameters')}</th>
            <th>{t('from')}</th>
            <th>{t('to')}</th>
            <th>{t('reason')}</th>
            <th>{t('status')}</th>
            <th>{t('declaredBy')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {windows.map((w) => (
            <tr key={w.id} data-window={w.id} data-station={w.stationCode} data-status={w.status}>
              <td>
                <span className="mono">{w.stationCode}</span>
                <div className="muted small">{w.stationName}</div>
              </td>
              <td>{w.parameters.length === 0 ? t('wholeStation') : <span className="mono">{w.parameters.join(', ')}</span>}</td>
              <td className="nowrap">{formatDateTime(w.from)}</td>
              <td className="nowrap">{formatDateTime(w.to)}</td>
              <td>{w.reason}</td>
              <td>
                <span className={`badge ${STATUS_BADGE[w.status]}`}>{t(`statuses.${w.status}`)}</span>
                {w.cancelledAt && (
                  <div className="muted small">
                    {w.cancelledBy} {formatDateTime(w.cancelledAt)}
                  </div>
                )}
              </td>
              <td className="muted small">{w.createdBy}</td>
              <td>{(w.status === 'active' || w.status === 'upcoming') && <CancelWindow id={w.id} action={cancelAction} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
