import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { SearchParams } from '@/app/_lib/params';
import { AlertFilters } from '@/components/alerts/alert-filters';
import { AlertTable } from '@/components/alerts/alert-table';
import { alertsHref } from '@/components/alerts/format';
import styles from '@/components/alerts/alerts.module.css';
import { PageHead } from '@/components/ui/page-head';
import { titleMetadata } from '@/app/_lib/metadata';
import { getAlertListPage, LIST_LIMIT } from '@/server/queries/alerts';

type Props = { searchParams: SearchParams };

export const generateMetadata = titleMetadata('alerts.title');

export default async function AlertsPage({ searchParams }: Props) {
  const [t, data] = await Promise.all([getTranslations('alerts'), searchParams.then((sp) => getAlertListPage(sp))]);
  return (
    <>
      <PageHead title={t('title')} intro={t('intro')} />
      {data.invalid.length > 0 && (
        <p className="form-error" role="status">
          {t('filters.invalid', { fields: data.invalid.join(', ') })}
        </p>
      )}
      <AlertFilters values={data.values} stations={data.stations} />
      <div className={styles.toolbar}>
        <strong data-testid="alerts-count">{t('count', { count: data.rows.length })}</strong>
        {data.truncated && <span className="muted small">{t('truncated', { count: LIST_LIMIT })}</span>}
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
        <AlertTable rows={data.rows} />
      )}
    </>
  );
}
