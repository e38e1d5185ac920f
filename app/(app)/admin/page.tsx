import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AdminTables } from '@/components/tables/admin-tables';
import { getAdminOverview } from '@/server/queries/admin';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('title') };
}

export default async function AdminPage() {
  const [t, overview] = await Promise.all([getTranslations('admin'), getAdminOverview()]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <AdminTables {...overview} />
    </>
  );
}
