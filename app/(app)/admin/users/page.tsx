import { getTranslations } from 'next-intl/server';
import { UserCreateForm, UserTable } from '@/components/admin/account-admin';
import { AdminPage } from '@/components/admin/admin-page';
import { titleMetadata } from '@/i18n/metadata';
import {
  changeUserRoleAction,
  createUserAction,
  resetUserPasswordAction,
  setUserActiveAction,
} from '@/server/actions/admin-accounts';
import { getAdminUsers } from '@/server/queries/admin';

export const generateMetadata = titleMetadata('adminArea.users');

export default async function AdminUsersPage() {
  const [t, data] = await Promise.all([getTranslations('adminArea.users'), getAdminUsers()]);
  return (
    <AdminPage
      title={t('title')}
      intro={t('intro')}
      create={{
        id: 'user-new',
        label: t('new'),
        form: <UserCreateForm action={createUserAction} facilities={data.facilities} />,
      }}
    >
      <UserTable
        users={data.users}
        facilities={data.facilities}
        changeRole={changeUserRoleAction}
        resetPassword={resetUserPasswordAction}
        setActive={setUserActiveAction}
      />
    </AdminPage>
  );
}
