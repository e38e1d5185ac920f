import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AdminAreaNav } from '@/components/admin/admin-area-nav';
import { AdminCards } from '@/components/admin/admin-cards';
import { AdminTables } from '@/components/tables/admin-tables';
import { PageHead } from '@/components/ui/page-head';
import { titleMetadata } from '@/app/_lib/metadata';
import { getAdminOverview } from '@/server/queries/admin';

export const generateMetadata = titleMetadata('admin.title');

export default async function AdminPage() {
  const [t, ta, overview] = await Promise.all([getTranslations('admin'), getTranslations('adminArea'), getAdminOverview()]);
  return (
    <>
      <AdminAreaNav />
      <PageHead title={t('title')} intro={ta('overview.intro')} />
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
