import Link from 'next/link';
import { useTranslations } from 'next-intl';

export default function PublicPage() {
  const t = useTranslations();
  return (
    <main className="public-page">
      <p className="muted">
        {t('common.appName')} · {t('common.department')}
      </p>
      <div className="panel">
        <h1>{t('public.title')}</h1>
        <p>{t('public.text')}</p>
        <Link href="/login">{t('public.staffLogin')}</Link>
      </div>
    </main>
  );
}
