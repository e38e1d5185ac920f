import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AdminAreaNav } from '@/components/admin/admin-area-nav';
import { AdminCards } from '@/components/admin/admin-cards';
import { AdminTables } from '@/components/tables/admin-tables';
import { getAdminOverview } from '@/server/queries/admin';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('title') };
}

export default async function AdminPage() {
  const [t, ta, overview] = await Promise.all([getTranslations('admin'), getTranslations('adminArea'), getAdminOverview()]);
  return (
    <>
      <AdminAreaNav />
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{ta('overview.intro')}</p>
        </div>
      </div>
      <AdminCards
        counts={{
          facilities: overview.facilities.length,
          stations: overview.stations.length,
          users: overview.users.length,
          ftp: overview.ftpAccounts.length,
        }}
      />
      <AdminTables {...overview} />
      <p className="muted">
        <Link href="/admin/audit">{ta('overview.auditLink')}</Link>
      </p>
    </>
  );
}
