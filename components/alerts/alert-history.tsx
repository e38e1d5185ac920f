import { useLocale, useTranslations } from 'next-intl';
import { ALERT_EVENT_TYPES, DISPOSITIONS } from '@/lib/domain/alerts/lifecycle';
import { formatDate, formatDateTime } from '@/lib/domain/time';
import styles from './alerts.module.css';

export type HistoryEvent = { id: number; at: string; type: string; actor: string; data: Record<string, unknown> };

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);

/** Every step of an alert, oldest first: who did what and when, with the note and decision when there is one. */
export function AlertHistory({ events, assigneeNames }: { events: HistoryEvent[]; assigneeNames: Record<number, string> }) {
  const t = useTranslations('alerts');
  useLocale();
  if (events.length === 0) return <p className="muted">{t('history.empty')}</p>;
  return (
    <ol className={styles.history} data-testid="alert-history">
      {events.map((e) => {
        const type = (ALERT_EVENT_TYPES as readonly string[]).includes(e.type) ? (e.type as (typeof ALERT_EVENT_TYPES)[number]) : null;
        const disposition = str(e.data.disposition);
        const note = str(e.data.note);
        const due = str(e.data.dueAt);
        const assignee = typeof e.data.assigneeId === 'number' ? (assigneeNames[e.data.assigneeId] ?? `#${e.data.assigneeId}`) : null;
        const channel = str(e.data.channel);
        return (
          <li key={e.id} data-event-type={e.type}>
            <div>
              <strong>{type ? t(`history.types.${type}`) : e.type}</strong>{' '}
              {disposition && (DISPOSITIONS as readonly string[]).includes(disposition) && (
                <span data-testid="history-disposition">: {t(`dispositions.${disposition as (typeof DISPOSITIONS)[number]}`)}</span>
              )}
              {channel && <span className="muted"> ({channel}{e.data.ok === false ? ' ✗' : ''})</span>}
            </div>
            <div className={styles.when}>
              {formatDateTime(e.at)} · {t('history.by', { actor: e.actor === 'system' ? t('history.system') : e.actor })}
            </div>
            {note && <div className="small">“{note}”</div>}
            {(assignee || due) && (
              <div className="small muted">
                {assignee && `${t('detail.assignee')}: ${assignee}`}
                {assignee && due && ' · '}
                {due && `${t('detail.dueAt')}: ${formatDate(due)}`}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
