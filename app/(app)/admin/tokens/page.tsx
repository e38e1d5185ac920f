import { getTranslations } from 'next-intl/server';
import { TokenCreateForm, TokenTable } from '@/components/admin/account-admin';
import { AdminPage } from '@/components/admin/admin-page';
import { titleMetadata } from '@/i18n/metadata';
import { createTokenAction, revokeTokenAction } from '@/server/actions/admin-accounts';
import { getAdminTokens } from '@/server/queries/admin';

export const generateMetadata = titleMetadata('adminArea.tokens');

export default async function AdminTokensPage() {
  const [t, data] = await Promise.all([getTranslations('adminArea.tokens'), getAdminTokens()]);
  return (
    <AdminPage
      title={t('title')}
      intro={t('intro')}
      create={{
        id: 'token-new',
        label: t('new'),
        form: <TokenCreateForm action={createTokenAction} facilities={data.facilities} />,
      }}
    >
      <TokenTable tokens={data.tokens} revoke={revokeTokenAction} />
    </AdminPage>
  );
}
