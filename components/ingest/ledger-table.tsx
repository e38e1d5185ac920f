import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReasonEntry } from '@/lib/dto/ingest';
import { isKnownSource } from './format';
import { IngestOutcomeBadge, type Outcome } from './outcome-badge';
import { ReasonText } from './reason-text';
import styles from './ingest.module.css';
import { formatDateTime } from '@/lib/domain/time';

export type LedgerRow = {
  id: number;
  name: string;
  stationCode: string | null;
  stationName: string | null;
  receivedAt: string;
  source: string;
  account: string | null;
  remoteAddress: string | null;
  outcome: Outcome;
  reasons: ReasonEntry[];
  readingCount: number;
  rejectedLineCount: number;
};

export function LedgerTable({
  rows,
  moreHref,
  firstHref,
}: {
  rows: LedgerRow[];
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
      <div className="table-wrap">
        <table className="data" data-testid="ingest-table">
          <thead>
            <tr>
              <th>{t('receivedAt')}</th>
              <th>{t('name')}</th>
              <th>{t('station')}</th>
              <th>{t('source')}</th>
              <th>{t('outcome')}</th>
              <th className="num">{t('readings')}</th>
              <th>{t('reasons')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-file-id={r.id} data-outcome={r.outcome}>
                <td className="nowrap">{formatDateTime(r.receivedAt, { seconds: true })}</td>
                <td className="file-name">
                  <Link href={`/ingest/${r.id}`} className="mono">
                    {r.name}
                  </Link>
                </td>
                <td className={styles.stationCell}>
                  {r.stationCode ? (
                    <>
                      <Link href={`/stations/${encodeURIComponent(r.stationCode)}`} className="mono">
                        {r.stationCode}
                      </Link>
                      {r.stationName && <div className="muted small">{r.stationName}</div>}
                    </>
                  ) : (
                    <span className="muted">{t('unknownStation')}</span>
                  )}
                </td>
                <td className={styles.sourceCell}>
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
                </td>
                <td>
                  <IngestOutcomeBadge outcome={r.outcome} />
                </td>
                <td className="num">{r.readingCount}</td>
                <td className={styles.reasonsCell}>
                  {r.reasons.length > 0 && (
                    <ul className={styles.reasonList}>
                      {r.reasons.map((reason, i) => (
                        <li key={i}>
                          <ReasonText reason={reason} />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <div className="empty">{t('empty')}</div>}
      </div>
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
