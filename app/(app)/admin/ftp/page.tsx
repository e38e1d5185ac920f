import { firstParam, type SearchParams } from '@/app/_lib/params';
import { AdminPage } from '@/components/admin/admin-page';
import { FtpCreateForm, FtpFilter, FtpTable } from '@/components/admin/account-admin';
import { titleMetadata } from '@/app/_lib/metadata';
import { createFtpAccountAction, resetFtpPasswordAction, setFtpEnabledAction } from '@/server/actions/admin-accounts';
import { getAdminFtpAccounts } from '@/server/queries/admin';

export const generateMetadata = titleMetadata('adminArea.ftp.title');

export default async function AdminFtpPage({ searchParams }: { searchParams: SearchParams }) {
  const data = await getAdminFtpAccounts(firstParam((await searchParams).facility));
  const form = <FtpCreateForm action={createFtpAccountAction} facilities={data.facilities} facility={data.facility} />;
  return (
    <AdminPage area="ftp" create={{ id: 'ftp-new', form }}>
      <FtpFilter facilities={data.facilities} facility={data.facility} />
      <FtpTable accounts={data.accounts} resetPassword={resetFtpPasswordAction} setEnabled={setFtpEnabledAction} />
    </AdminPage>
  );
}
