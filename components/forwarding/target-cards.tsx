import { useTranslations } from 'next-intl';
import { formatDateTime } from '@/lib/domain/time';
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
    <div className="table-wrap">
      <table className="data" data-testid="forward-targets">
        <thead>
          <tr>
            <th>{t('target')}</th>
            <th>{t('lastSuccess')}</th>
            <th>{t('lastError')}</th>
            <th className="num">{t('queueDepth')}</th>
            <th>{t('oldestPending')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {targets.map((x) => (
            <tr key={x.id} data-target-id={x.id} data-enabled={x.enabled}>
              <td>
                <strong>{x.name}</strong>{' '}
                <span className={`badge ${x.enabled ? 'badge-accepted' : 'badge-neutral'}`}>{x.enabled ? t('enabled') : t('disabled')}</span>
                <div className="muted small mono">
                  {x.protocol}://{x.username}@{x.host}:{x.port}
                  {x.rootFolder}
                </div>
                <div className="muted small mono">{x.pathTemplate}</div>
              </td>
              <td className="nowrap">{x.health.lastSuccessAt ? formatDateTime(x.health.lastSuccessAt) : <span className="muted">{t('never')}</span>}</td>
              <td className="reasons-cell">
                {x.health.lastError ? (
                  <>
                    <div className="nowrap small">{formatDateTime(x.health.lastErrorAt)}</div>
                    <div className="small">{x.health.lastError}</div>
                  </>
                ) : (
                  <span className="muted">{t('none')}</span>
                )}
              </td>
              <td className="num" data-testid="queue-depth">
                {x.health.queueDepth}
                <div className="muted small">{t('queueDetail', { pending: x.health.pending, failed: x.health.failed })}</div>
              </td>
              <td className="nowrap">
                {x.health.oldestPendingAgeSeconds === null ? (
                  <span className="muted">{t('none')}</span>
                ) : (
                  t('ageMinutes', { minutes: Math.floor(x.health.oldestPendingAgeSeconds / 60) })
                )}
              </td>
              <td>{toggle && <ToggleTarget id={x.id} enabled={x.enabled} action={toggle} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
