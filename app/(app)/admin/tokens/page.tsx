import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AdminAreaNav } from '@/components/admin/admin-area-nav';
import { TokenCreateForm, TokenTable } from '@/components/admin/account-admin';
import { createTokenAction, revokeTokenAction } from '@/server/actions/admin-accounts';
import { getAdminTokens } from '@/server/queries/admin';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminArea.tokens');
  return { title: t('title') };
}

export default async function AdminTokensPage() {
  const [t, data] = await Promise.all([getTranslations('adminArea.tokens'), getAdminTokens()]);
  return (
    <>
      <AdminAreaNav />
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <section className="panel" aria-labelledby="token-new">
        <details>
          <summary id="token-new">{t('new')}</summary>
          <TokenCreateForm action={createTokenAction} facilities={data.facilities} />
        </details>
      </section>
      <section className="panel">
        <TokenTable tokens={data.tokens} revoke={revokeTokenAction} />
      </section>
    </>
  );
}
