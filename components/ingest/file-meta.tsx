import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { formatNumber, type DisplayLocale } from '@/lib/domain/format';
import type { IngestFileDto } from '@/lib/dto/ingest';
import { isKnownSource } from './format';
import { IngestOutcomeBadge } from './outcome-badge';
import { ReasonList } from './reason-text';
import styles from './ingest.module.css';
import { formatDateTime } from '@/lib/domain/time';

export function FileMeta({ file, downloadHref }: { file: IngestFileDto; downloadHref: string }) {
  const t = useTranslations('ingest');
  const locale = useLocale() as DisplayLocale;
  return (
    <section className="panel" aria-labelledby="meta-title" data-testid="file-meta">
      <div className={styles.sectionHead}>
        <h2 id="meta-title">{t('detail.metadata')}</h2>
        <a href={downloadHref} className="btn btn-primary" download={file.name} data-testid="download-raw">
          {t('detail.download')}
        </a>
      </div>
      <dl className={styles.meta}>
        <dt>{t('name')}</dt>
        <dd className="mono">{file.name}</dd>
        <dt>{t('outcome')}</dt>
        <dd>
          <IngestOutcomeBadge outcome={file.outcome} />
        </dd>
        <dt>{t('station')}</dt>
        <dd>
          {file.stationCode ? (
            <>
              <Link href={`/stations/${encodeURIComponent(file.stationCode)}`} className="mono" data-testid="station-link">
                {file.stationCode}
              </Link>
              {file.stationName && <span className="muted"> · {file.stationName}</span>}
            </>
          ) : (
            <span className="muted">{t('detail.noStation')}</span>
          )}
        </dd>
        <dt>{t('receivedAt')}</dt>
        <dd>{formatDateTime(file.receivedAt, { seconds: true })}</dd>
        <dt>{t('source')}</dt>
        <dd>{isKnownSource(file.source) ? t(`sources.${file.source}`) : file.source}</dd>
        <dt>{t('account')}</dt>
        <dd className="mono">{file.account ?? '—'}</dd>
        <dt>{t('address')}</dt>
        <dd className="mono">{file.remoteAddress ?? '—'}</dd>
        <dt>{t('detail.size')}</dt>
        <dd>{t('detail.sizeBytes', { size: formatNumber(file.size, 0, locale) })}</dd>
        <dt>{t('detail.sha256')}</dt>
        <dd className={`mono ${styles.hash}`} data-testid="sha256">
          {file.sha256}
        </dd>
        <dt>{t('detail.readingsStored')}</dt>
        <dd>{formatNumber(file.readingCount, 0, locale)}</dd>
        {file.reasons.length > 0 && (
          <>
            <dt>{t('detail.fileReasons')}</dt>
            <dd>
              <ReasonList reasons={file.reasons} />
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
