import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AdminPage } from '@/components/admin/admin-page';
import { FtpCreateForm, FtpFilter, FtpTable } from '@/components/admin/account-admin';
import { createFtpAccountAction, resetFtpPasswordAction, setFtpEnabledAction } from '@/server/actions/admin-accounts';
import { getAdminFtpAccounts } from '@/server/queries/admin';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminArea.ftp');
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AdminFtpPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const [t, data] = await Promise.all([getTranslations('adminArea.ftp'), getAdminFtpAccounts(one(sp.facility))]);
  return (
    <AdminPage
      title={t('title')}
      intro={t('intro')}
      create={{
        id: 'ftp-new',
        label: t('new'),
        form: <FtpCreateForm action={createFtpAccountAction} facilities={data.facilities} facility={data.facility} />,
      }}
    >
      <FtpFilter facilities={data.facilities} facility={data.facility} />
      <FtpTable accounts={data.accounts} resetPassword={resetFtpPasswordAction} setEnabled={setFtpEnabledAction} />
    </AdminPage>
  );
}
