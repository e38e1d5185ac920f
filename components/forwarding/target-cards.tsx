import { useTranslations } from 'next-intl';
import { formatDateTime } from '@/lib/domain/time';
import { DataTable } from '@/components/ui/data-table';
import { ToggleTarget } from './toggle-target';
import type { ActionResult, TargetCard } from './types';

/** Per-target health: last success, last error, queue depth and the age of the oldest queued file. */
export function TargetCards({
  targets,
  toggle,
}: {
  targets: TargetCard[];
  /** Present for admins only. */
  toggle?: (id: number, enabled: boolean) => Promise<ActionResult>;
}) {
  const t = useTranslations('forwarding');
  if (targets.length === 0) return <div className="empty">{t('noTargets')}</div>;
  return (
    <DataTable
      testId="forward-targets"
      rows={targets}
      rowKey={(x) => x.id}
      rowProps={(x) => ({ 'data-target-id': x.id, 'data-enabled': x.enabled })}
      columns={[
        {
          header: t('target'),
          cell: (x) => (
            <>
              <strong>{x.name}</strong>{' '}
              <span className={`badge ${x.enabled ? 'badge-accepted' : 'badge-neutral'}`}>{x.enabled ? t('enabled') : t('disabled')}</span>
              <div className="muted small mono">
                {x.protocol}://{x.username}@{x.host}:{x.port}
                {x.rootFolder}
              </div>
              <div className="muted small mono">{x.pathTemplate}</div>
            </>
          ),
        },
        {
          header: t('lastSuccess'),
          className: 'nowrap',
          cell: (x) => (x.health.lastSuccessAt ? formatDateTime(x.health.lastSuccessAt) : <span className="muted">{t('never')}</span>),
        },
        {
          header: t('lastError'),
          className: 'reasons-cell',
          cell: (x) =>
            x.health.lastError ? (
              <>
                <div className="nowrap small">{formatDateTime(x.health.lastErrorAt)}</div>
                <div className="small">{x.health.lastError}</div>
              </>
            ) : (
              <span className="muted">{t('none')}</span>
            ),
        },
        {
          header: t('queueDepth'),
          num: true,
          cellProps: () => ({ 'data-testid': 'queue-depth' }),
          cell: (x) => (
            <>
              {x.health.queueDepth}
              <div className="muted small">{t('queueDetail', { pending: x.health.pending, failed: x.health.failed })}</div>
            </>
          ),
        },
        {
          header: t('oldestPending'),
          className: 'nowrap',
          cell: (x) =>
            x.health.oldestPendingAgeSeconds === null ? (
              <span className="muted">{t('none')}</span>
            ) : (
              t('ageMinutes', { minutes: Math.floor(x.health.oldestPendingAgeSeconds / 60) })
            ),
        },
        { cell: (x) => toggle && <ToggleTarget id={x.id} enabled={x.enabled} action={toggle} /> },
      ]}
    />
  );
}
