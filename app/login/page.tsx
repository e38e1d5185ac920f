import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from '@/components/login-form';
import { LocaleSwitch } from '@/components/shell/locale-switch';
import { isSignedIn } from '@/server/queries/me';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('login');
  return { title: t('title') };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
}) {
  if (await isSignedIn()) redirect('/map');
  const sp = await searchParams;
  const callbackUrl = typeof sp.callbackUrl === 'string' ? sp.callbackUrl : undefined;
  const t = await getTranslations();
  return (
    <div className="login-page">
      <main className="login-card">
        <header>
          <p className="brand">{t('common.appName')}</p>
          <p className="muted small" style={{ margin: 0 }}>
            {t('common.department')} — {t('common.tagline')}
          </p>
        </header>
        <h1>{t('login.title')}</h1>
        <LoginForm callbackUrl={callbackUrl} initialError={sp.error != null} />
        <div className="login-foot">
          <Link href="/public">{t('login.publicLink')}</Link>
          <LocaleSwitch />
        </div>
      </main>
    </div>
  );
}
