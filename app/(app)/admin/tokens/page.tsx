import { TokenCreateForm, TokenTable } from '@/components/admin/account-admin';
import { AdminPage } from '@/components/admin/admin-page';
import { titleMetadata } from '@/app/_lib/metadata';
import { createTokenAction, revokeTokenAction } from '@/server/actions/admin-accounts';
import { getAdminTokens } from '@/server/queries/admin';

export const generateMetadata = titleMetadata('adminArea.tokens.title');

export default async function AdminTokensPage() {
  const data = await getAdminTokens();
  return (
    <AdminPage area="tokens" create={{ id: 'token-new', form: <TokenCreateForm action={createTokenAction} facilities={data.facilities} /> }}>
      <TokenTable tokens={data.tokens} revoke={revokeTokenAction} />
    </AdminPage>
  );
}
