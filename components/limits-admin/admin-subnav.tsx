import Link from 'next/link';
import { useTranslations } from 'next-intl';
import styles from './limits-admin.module.css';

/** Tabs between the limits and maintenance admin pages (the shell nav has a single "Quản trị" entry). */
export function LimitsAdminTabs({ current }: { current: 'limits' | 'maintenance' }) {
  const t = useTranslations('limitsAdmin');
  return (
    <nav className={styles.tabs} aria-label={t('tabs')}>
      <Link href="/admin">{t('tabAdmin')}</Link>
      <Link href="/admin/limits" aria-current={current === 'limits' ? 'page' : undefined}>
        {t('title')}
      </Link>
      <Link href="/admin/maintenance" aria-current={current === 'maintenance' ? 'page' : undefined}>
        {t('maintenance.title')}
      </Link>
    </nav>
  );
}
