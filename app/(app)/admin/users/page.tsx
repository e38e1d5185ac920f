import { UserCreateForm, UserTable } from '@/components/admin/account-admin';
import { AdminPage } from '@/components/admin/admin-page';
import { titleMetadata } from '@/app/_lib/metadata';
import {
  changeUserRoleAction,
  createUserAction,
  resetUserPasswordAction,
  setUserActiveAction,
} from '@/server/actions/admin-accounts';
import { getAdminUsers } from '@/server/queries/admin';

export const generateMetadata = titleMetadata('adminArea.users.title');

export default async function AdminUsersPage() {
  const data = await getAdminUsers();
  return (
    <AdminPage area="users" create={{ id: 'user-new', form: <UserCreateForm action={createUserAction} facilities={data.facilities} /> }}>
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
