import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { SearchParams } from '@/app/_lib/params';
import { AlertFilters } from '@/components/alerts/alert-filters';
import { AlertTable } from '@/components/alerts/alert-table';
import { alertsHref, KIND_OPTIONS } from '@/components/alerts/format';
import styles from '@/components/alerts/alerts.module.css';
import { PageHead } from '@/components/ui/page-head';
import { titleMetadata } from '@/app/_lib/metadata';
import { getAlertListPage } from '@/server/queries/alerts';
import { acknowledgeSelectedAlertsAction } from '@/server/actions/alerts';

type Props = { searchParams: SearchParams };

export const generateMetadata = titleMetadata('alerts.title');

export default async function AlertsPage({ searchParams }: Props) {
  const [t, t2, data] = await Promise.all([getTranslations('alerts'), getTranslations('alerts2'), searchParams.then((sp) => getAlertListPage(sp))]);
  const kinds = KIND_OPTIONS.flatMap((k) => (data.counts[k] ? [[k, data.counts[k]] as const] : []));
  return (
    <>
      <PageHead title={t('title')} intro={t('intro')} />
      {data.invalid.length > 0 && (
        <p className="form-error" role="status">
          {t('filters.invalid', { fields: data.invalid.join(', ') })}
        </p>
      )}
      <AlertFilters values={data.values} stations={data.stations} facilities={data.facilities} />
      {kinds.length > 0 && (
        <p className="small" data-testid="alerts-kind-counts">
          <span className="muted">{t2('byKind')}: </span>
          {kinds.map(([k, n], i) => (
            <span key={k}>
              {i > 0 && ' · '}
              <Link href={alertsHref('/alerts', { ...data.values, kind: k })}>
                {t(`kinds.${k}`)}: {n}
              </Link>
            </span>
          ))}
        </p>
      )}
      <div className={styles.toolbar}>
        <strong data-testid="alerts-count">{t2('total', { count: data.total })}</strong>
        <span className="muted small">{t2('order')}</span>
        <span style={{ display: 'flex', gap: 12 }}>
          <Link href="/settings/notifications">{t('subscriptionsLink')}</Link>
          <a className="btn" href={alertsHref('/alerts/export', data.values)} download data-testid="alerts-export">
            {t('export')}
          </a>
        </span>
      </div>
      {data.rows.length === 0 ? (
        <div className="panel notice-empty" data-testid="alerts-empty">
          <h2>{t('emptyTitle')}</h2>
          <p>{t('empty')}</p>
        </div>
      ) : (
        <form action={acknowledgeSelectedAlertsAction}>
          <AlertTable rows={data.rows} selectable={data.canAcknowledge} />
          {data.canAcknowledge && data.rows.some((r) => r.state === 'open') && (
            <p>
              <button className="btn" type="submit" data-testid="alerts-ack-selected">
                {t2('bulk.ackSelected')}
              </button>
            </p>
          )}
        </form>
      )}
      <div className={styles.toolbar}>
        <span className="muted small">{t2('pageRows', { count: data.rows.length })}</span>
        <span style={{ display: 'flex', gap: 12 }}>
          {data.paged && <Link href={alertsHref('/alerts', data.values)}>{t2('firstPage')}</Link>}
          {data.nextCursor && (
            <Link className="btn" href={alertsHref('/alerts', { ...data.values, cursor: data.nextCursor })} data-testid="alerts-next-page">
              {t2('nextPage')}
            </Link>
          )}
        </span>
      </div>
    </>
  );
}
