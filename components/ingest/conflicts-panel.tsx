import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { DisplayLocale } from '@/lib/domain/format';
import { formatDateTime } from '@/lib/domain/time';
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
        <div className={styles.innerTable}>
          <table className="data">
            <thead>
              <tr>
                <th>{tIngest('station')}</th>
                <th>{t('parameter')}</th>
                <th>{t('time')}</th>
                <th className="num">{t('stored')}</th>
                <th className="num">{t('new')}</th>
                {!perFile && <th>{t('file')}</th>}
                <th>{t('receivedAt')}</th>
                {resolveAction && <th aria-label={t('resolve')} />}
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} data-conflict-id={c.id}>
                  <td className="mono" title={c.stationName ?? undefined}>
                    {c.stationCode ?? '—'}
                  </td>
                  <td className="mono">{c.parameter}</td>
                  <td className="nowrap">{formatDateTime(c.time)}</td>
                  <td className="num">
                    <strong>{formatValue(c.storedValue, locale)}</strong>
                  </td>
                  <td className={`num ${styles.newValue}`}>{formatValue(c.newValue, locale)}</td>
                  {!perFile && (
                    <td className={styles.conflictFile}>
                      {c.fileId ? (
                        <Link href={`/ingest/${c.fileId}`} className="mono small">
                          {c.fileName ?? `#${c.fileId}`}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </td>
                  )}
                  <td className="nowrap">{formatDateTime(c.receivedAt, { seconds: true })}</td>
                  {resolveAction && (
                    <td className="num">
                      <ResolveConflictButton
                        id={c.id}
                        action={resolveAction}
                        label={t('resolve')}
                        pendingLabel={t('resolving')}
                        errorLabel={t('error')}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > rows.length && rows.length > 0 && <p className="muted small">{t('more', { count: total - rows.length })}</p>}
    </section>
  );
}
