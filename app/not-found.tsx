import Link from 'next/link';
import { useTranslations } from 'next-intl';

export default function NotFound() {
  const t = useTranslations('notFound');
  return (
    <div className="public-page">
      <div className="panel notice-empty">
        <h1>{t('title')}</h1>
        <p className="muted">{t('text')}</p>
        <Link href="/map">{t('home')}</Link>
      </div>
    </div>
  );
}
