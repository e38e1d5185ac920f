import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { LedgerEntry } from '@/lib/dto/ingest';
import { isKnownSource } from './format';
import { IngestOutcomeBadge } from './outcome-badge';
import { ReasonList } from './reason-text';
import styles from './ingest.module.css';
import { formatDateTime } from '@/lib/domain/time';
import { DataTable } from '@/components/ui/data-table';

export function LedgerTable({
  rows,
  moreHref,
  firstHref,
}: {
  rows: LedgerEntry[];
  /** Next page (older files), null on the last page. */
  moreHref: string | null;
  /** First page, when this is not it. */
  firstHref: string | null;
}) {
  const t = useTranslations('ingest');
  return (
    <section aria-labelledby="ledger-title">
      <div className={styles.sectionHead}>
        <h2 id="ledger-title">{t('ledger.title')}</h2>
        <span className="muted small">{t('ledger.pageInfo', { count: rows.length })}</span>
      </div>
      <DataTable
        testId="ingest-table"
        rows={rows}
        rowKey={(r) => r.id}
        rowProps={(r) => ({ 'data-file-id': r.id, 'data-outcome': r.outcome })}
        empty={t('empty')}
        columns={[
          { header: t('receivedAt'), className: 'nowrap', cell: (r) => formatDateTime(r.receivedAt, { seconds: true }) },
          {
            header: t('name'),
            className: 'file-name',
            cell: (r) => (
              <Link href={`/ingest/${r.id}`} className="mono">
                {r.name}
              </Link>
            ),
          },
          {
            header: t('station'),
            className: styles.stationCell,
            cell: (r) =>
              r.stationCode ? (
                <>
                  <Link href={`/stations/${encodeURIComponent(r.stationCode)}`} className="mono">
                    {r.stationCode}
                  </Link>
                  {r.stationName && <div className="muted small">{r.stationName}</div>}
                </>
              ) : (
                <span className="muted">{t('unknownStation')}</span>
              ),
          },
          {
            header: t('source'),
            className: styles.sourceCell,
            cell: (r) => (
              <>
                <div>{isKnownSource(r.source) ? t(`sources.${r.source}`) : r.source}</div>
                {r.account && (
                  <span className={`muted small mono ${styles.sub}`} title={`${t('account')}: ${r.account}`}>
                    {r.account}
                  </span>
                )}
                {r.remoteAddress && (
                  <span className={`muted small mono ${styles.sub}`} title={`${t('address')}: ${r.remoteAddress}`}>
                    {r.remoteAddress}
                  </span>
                )}
              </>
            ),
          },
          { header: t('outcome'), cell: (r) => <IngestOutcomeBadge outcome={r.outcome} /> },
          { header: t('readings'), num: true, cell: (r) => r.readingCount },
          {
            header: t('reasons'),
            className: styles.reasonsCell,
            cell: (r) => <ReasonList reasons={r.reasons} />,
          },
        ]}
      />
      {(moreHref || firstHref) && (
        <nav className={styles.pager} aria-label={t('ledger.title')}>
          {firstHref && (
            <Link href={firstHref} className="btn">
              {t('ledger.first')}
            </Link>
          )}
          {moreHref && (
            <Link href={moreHref} className="btn" data-testid="ledger-more">
              {t('ledger.more')}
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
