import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { countOfflineStations } from '@/server/queries/connectivity';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('alerts');
  return { title: t('title') };
}

export default async function AlertsPage() {
  const [t, offline] = await Promise.all([getTranslations('alerts'), countOfflineStations()]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <div className="panel notice-empty" data-testid="alerts-empty">
        <h2>{t('emptyTitle')}</h2>
        <p>{t('empty')}</p>
        {offline.offline > 0 && <p>{t('offlineNow', { count: offline.offline })}</p>}
        <Link href="/connectivity">{t('goConnectivity')}</Link>
      </div>
    </>
  );
}
