import { useTranslations } from 'next-intl';
import { formatDateTime, formatDayKey } from '@/lib/domain/time';
import { DataTable } from '@/components/ui/data-table';
import { LimitValuesTable } from './limit-values-table';
import styles from './limits-admin.module.css';
import type { LimitStandardItem } from './types';

/** Every standard with its versions (newest first): effective period, in force now, origin, and the values. */
export function StandardsTable({ standards }: { standards: LimitStandardItem[] }) {
  const t = useTranslations('limitsAdmin');
  const tk = useTranslations('kinds');
  if (standards.length === 0) return <p className="empty">{t('standards.none')}</p>;
  return (
    <DataTable
      testId="limit-standards"
      rows={standards}
      rowKey={(s) => s.code}
      rowProps={(s) => ({ 'data-standard': s.code })}
      columns={[
        { header: t('standards.code'), className: 'nowrap', cell: (s) => <strong>{s.code}</strong> },
        { header: t('standards.kind'), className: 'nowrap', cell: (s) => tk(s.kind) },
        {
          header: t('standards.versions'),
          cell: (s) => (
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
          ),
        },
      ]}
    />
  );
}
