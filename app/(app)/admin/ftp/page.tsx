import { getTranslations } from 'next-intl/server';
import { firstParam, type SearchParams } from '@/app/_lib/params';
import { AdminPage } from '@/components/admin/admin-page';
import { FtpCreateForm, FtpFilter, FtpTable } from '@/components/admin/account-admin';
import { titleMetadata } from '@/i18n/metadata';
import { createFtpAccountAction, resetFtpPasswordAction, setFtpEnabledAction } from '@/server/actions/admin-accounts';
import { getAdminFtpAccounts } from '@/server/queries/admin';

export const generateMetadata = titleMetadata('adminArea.ftp');

export default async function AdminFtpPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const [t, data] = await Promise.all([getTranslations('adminArea.ftp'), getAdminFtpAccounts(firstParam(sp.facility))]);
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
