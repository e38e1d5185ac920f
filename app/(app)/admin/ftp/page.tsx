import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AdminAreaNav } from '@/components/admin/admin-area-nav';
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
    <>
      <AdminAreaNav />
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <section className="panel" aria-labelledby="ftp-new">
        <details>
          <summary id="ftp-new">{t('new')}</summary>
          <FtpCreateForm action={createFtpAccountAction} facilities={data.facilities} facility={data.facility} />
        </details>
      </section>
      <section className="panel">
        <FtpFilter facilities={data.facilities} facility={data.facility} />
        <FtpTable accounts={data.accounts} resetPassword={resetFtpPasswordAction} setEnabled={setFtpEnabledAction} />
      </section>
    </>
  );
}
