import Link from 'next/link';
import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import type { ReasonEntry } from '@/lib/dto/ingest';
import { ReasonText } from './reason-text';
import styles from './ingest.module.css';

export type FileContentProps =
  | {
      kind: 'text';
      encoding: 'utf-8' | 'latin1' | 'utf-16le' | 'utf-16be';
      hasControlChars: boolean;
      totalLines: number;
      lines: { n: number; text: string; reasons: ReasonEntry[] }[];
    }
  | { kind: 'binary'; hexRows: string[]; shown: number; total: number }
  | { kind: 'empty' }
  | { kind: 'missing' };

/** The received file line by line as the parser numbered it; rejected lines highlighted with their reasons. */
export function FileContentView({
  content,
  rejectedCount,
  onlyRejected,
  fileId,
  maxShown,
}: {
  content: FileContentProps;
  rejectedCount: number;
  onlyRejected: boolean;
  fileId: number;
  maxShown: number;
}) {
  const t = useTranslations('ingest.detail');
  return (
    <section className="panel" aria-labelledby="content-title" data-testid="file-content">
      <div className={styles.sectionHead}>
        <h2 id="content-title">{t('content')}</h2>
        {rejectedCount > 0 && (
          <span className="badge badge-rejected" data-testid="rejected-count">
            {t('rejectedCount', { count: rejectedCount })}
          </span>
        )}
        {content.kind === 'text' && rejectedCount > 0 && (
          <span className={styles.viewSwitch}>
            {onlyRejected ? (
              <Link href={`/ingest/${fileId}`}>{t('allLines')}</Link>
            ) : (
              <Link href={`/ingest/${fileId}?view=rejected`}>{t('onlyRejected')}</Link>
            )}
          </span>
        )}
      </div>
      {content.kind === 'missing' && <p className="form-error">{t('rawMissing')}</p>}
      {content.kind === 'empty' && <div className="empty">{t('emptyContent')}</div>}
      {content.kind === 'binary' && (
        <>
          <p className="notice small">{t('notText', { shown: content.shown })}</p>
          <pre className={styles.hex} data-testid="hex-dump">
            {content.hexRows.join('\n')}
          </pre>
        </>
      )}
      {content.kind === 'text' && <TextLines content={content} onlyRejected={onlyRejected} maxShown={maxShown} />}
    </section>
  );
}

function TextLines({
  content,
  onlyRejected,
  maxShown,
}: {
  content: Extract<FileContentProps, { kind: 'text' }>;
  onlyRejected: boolean;
  maxShown: number;
}) {
  const t = useTranslations('ingest.detail');
  const rows: ReactNode[] = [];
  let prev = 0;
  for (const l of content.lines) {
    if (l.n > prev + 1) {
      rows.push(
        <tr key={`gap-${l.n}`} className={styles.gap}>
          <td colSpan={3}>{t('hidden', { count: l.n - prev - 1 })}</td>
        </tr>,
      );
    }
    const bad = l.reasons.length > 0;
    rows.push(
      <tr key={l.n} id={`L${l.n}`} data-line={l.n} data-rejected={bad ? 'true' : undefined} className={bad ? styles.rejectedLine : undefined}>
        <td className={styles.lineNo}>{l.n}</td>
        <td className={styles.lineText}>
          <code>{l.text === '' ? '\u00a0' : l.text}</code>
        </td>
        <td className={styles.lineReason}>
          {l.reasons.map((r, i) => (
            <ReasonText key={i} reason={r} />
          ))}
        </td>
      </tr>,
    );
    prev = l.n;
  }
  if (prev < content.totalLines && content.lines.length > 0) {
    rows.push(
      <tr key="gap-end" className={styles.gap}>
        <td colSpan={3}>{t('hidden', { count: content.totalLines - prev })}</td>
      </tr>,
    );
  }
  return (
    <>
      {(content.encoding === 'latin1' || content.hasControlChars) && (
        <p className="notice small">
          {content.encoding === 'latin1' && t('encodingLatin1')} {content.hasControlChars && t('controlChars')}
        </p>
      )}
      {!onlyRejected && content.totalLines > maxShown && (
        <p className="muted small">{t('truncated', { shown: maxShown, total: content.totalLines })}</p>
      )}
      <div className={styles.lines}>
        <table>
          <thead>
            <tr>
              <th className={styles.lineNo}>{t('line')}</th>
              <th>{t('text')}</th>
              <th>{t('reason')}</th>
            </tr>
          </thead>
          <tbody>{rows}</tbody>
        </table>
      </div>
    </>
  );
}
