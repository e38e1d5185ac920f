import { useTranslations } from 'next-intl';
import { formatDateTime, formatDayKey } from '@/lib/domain/time';
import { LimitValuesTable } from './limit-values-table';
import styles from './limits-admin.module.css';
import type { LimitStandardItem } from './types';

/** Every standard with its versions (newest first): effective period, in force now, origin, and the values. */
export function StandardsTable({ standards }: { standards: LimitStandardItem[] }) {
  const t = useTranslations('limitsAdmin');
  const tk = useTranslations('kinds');
  if (standards.length === 0) return <p className="empty">{t('standards.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="data" data-testid="limit-standards">
        <thead>
          <tr>
            <th>{t('standards.code')}</th>
            <th>{t('standards.kind')}</th>
            <th>{t('standards.versions')}</th>
          </tr>
        </thead>
        <tbody>
          {standards.map((s) => (
            <tr key={s.code} data-standard={s.code}>
              <td className="nowrap">
                <strong>{s.code}</strong>
              </td>
              <td className="nowrap">{tk(s.kind)}</td>
              <td>
                <div className={styles.versions}>
                  {s.versions.map((v) => (
                    <details key={v.version} data-version={v.version}>
                      <summary>
                        <span className="mono">{v.version}</span> · {v.name} ·{' '}
                        {t('standards.period', {
                          from: formatDayKey(v.effectiveFrom),
                          to: v.effectiveTo ? formatDayKey(v.effectiveTo) : t('standards.open'),
                        })}{' '}
                        {v.inForce ? (
                          <span className="badge badge-accepted">{t('standards.inForce')}</span>
                        ) : (
                          <span className="badge badge-neutral">{t('standards.notInForce')}</span>
                        )}{' '}
                        <span className="muted small">
                          {v.source === 'builtin'
                            ? t('standards.builtin')
                            : t('standards.imported', { by: v.importedBy ?? '—', at: formatDateTime(v.createdAt) })}
                        </span>
                      </summary>
                      <LimitValuesTable values={v.values} style={{ marginTop: 6 }} />
                    </details>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
