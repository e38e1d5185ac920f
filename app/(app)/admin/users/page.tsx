import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AdminAreaNav } from '@/components/admin/admin-area-nav';
import { UserCreateForm, UserTable } from '@/components/admin/account-admin';
import { changeUserRoleAction, createUserAction, resetUserPasswordAction, setUserActiveAction } from '@/server/actions/admin-accounts';
import { getAdminUsers } from '@/server/queries/admin';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminArea.users');
  return { title: t('title') };
}

export default async function AdminUsersPage() {
  const [t, data] = await Promise.all([getTranslations('adminArea.users'), getAdminUsers()]);
  return (
    <>
      <AdminAreaNav />
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <section className="panel" aria-labelledby="user-new">
        <details>
          <summary id="user-new">{t('new')}</summary>
          <UserCreateForm action={createUserAction} facilities={data.facilities} />
        </details>
      </section>
      <section className="panel">
        <UserTable
          users={data.users}
          facilities={data.facilities}
          changeRole={changeUserRoleAction}
          resetPassword={resetUserPasswordAction}
          setActive={setUserActiveAction}
        />
      </section>
    </>
  );
}
