import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { DisplayLocale } from '@/lib/domain/format';
import { formatDateTime } from '@/lib/domain/time';
import { DataTable } from '@/components/ui/data-table';
import { formatValue } from './format';
import { ResolveConflictButton, type ResolveResult } from './resolve-conflict-button';
import styles from './ingest.module.css';
import type { ConflictEntry } from '@/lib/dto/ingest';

export type ConflictRow = ConflictEntry;

/** Open reading conflicts; operators and admins mark them reviewed (the stored value always stays). */
export function ConflictsPanel({
  rows,
  total,
  resolveAction,
  perFile = false,
}: {
  rows: ConflictRow[];
  total: number;
  /** Present only for roles allowed to resolve. */
  resolveAction: ((input: { id: number }) => Promise<ResolveResult>) | null;
  perFile?: boolean;
}) {
  const t = useTranslations('ingest.conflicts');
  const tIngest = useTranslations('ingest');
  const locale = useLocale() as DisplayLocale;
  return (
    <section className={`panel ${styles.conflicts}`} id="conflicts" aria-labelledby="conflicts-title" data-testid="conflicts-panel">
      <div className={styles.sectionHead}>
        <h2 id="conflicts-title">{perFile ? t('titleFile') : t('title')}</h2>
        <span className={`badge ${total > 0 ? 'badge-warn' : 'badge-neutral'}`} data-testid="conflicts-count">
          {t('count', { count: total })}
        </span>
      </div>
      <p className="muted small" style={{ marginTop: 0 }}>
        {t('intro')}
      </p>
      {rows.length === 0 ? (
        <div className="empty">{t('empty')}</div>
      ) : (
        <DataTable
          wrap={styles.innerTable}
          rows={rows}
          rowKey={(c) => c.id}
          rowProps={(c) => ({ 'data-conflict-id': c.id })}
          columns={[
            { header: tIngest('station'), className: 'mono', cellProps: (c) => ({ title: c.stationName ?? undefined }), cell: (c) => c.stationCode ?? '—' },
            { header: t('parameter'), className: 'mono', cell: (c) => c.parameter },
            { header: t('time'), className: 'nowrap', cell: (c) => formatDateTime(c.time) },
            { header: t('stored'), num: true, cell: (c) => <strong>{formatValue(c.storedValue, locale)}</strong> },
            { header: t('new'), num: true, className: styles.newValue, cell: (c) => formatValue(c.newValue, locale) },
            !perFile && {
              header: t('file'),
              className: styles.conflictFile,
              cell: (c) =>
                c.fileId ? (
                  <Link href={`/ingest/${c.fileId}`} className="mono small">
                    {c.fileName ?? `#${c.fileId}`}
                  </Link>
                ) : (
                  '—'
                ),
            },
            { header: t('receivedAt'), className: 'nowrap', cell: (c) => formatDateTime(c.receivedAt, { seconds: true }) },
            resolveAction && {
              headerProps: { 'aria-label': t('resolve') },
              className: 'num',
              cell: (c) => (
                <ResolveConflictButton
                  id={c.id}
                  action={resolveAction}
                  label={t('resolve')}
                  pendingLabel={t('resolving')}
                  errorLabel={t('error')}
                />
              ),
            },
          ]}
        />
      )}
      {total > rows.length && rows.length > 0 && <p className="muted small">{t('more', { count: total - rows.length })}</p>}
    </section>
  );
}
