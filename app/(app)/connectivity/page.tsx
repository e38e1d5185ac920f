import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ConnectivityTable } from '@/components/tables/connectivity-table';
import { listConnectivity } from '@/server/queries/connectivity';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('connectivity');
  return { title: t('title') };
}

export default async function ConnectivityPage() {
  const [t, rows] = await Promise.all([getTranslations('connectivity'), listConnectivity()]);
  const offline = rows.filter((r) => r.state === 'offline').length;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
        <strong>{t('summary', { offline, total: rows.length })}</strong>
      </div>
      <ConnectivityTable rows={rows} />
    </>
  );
}
