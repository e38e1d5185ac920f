import { useTranslations } from 'next-intl';
import { NavLinks } from '@/components/ui/nav-links';
import styles from './admin.module.css';

/** The admin area's sub-navigation, rendered at the top of each admin page (limits and maintenance included). */
export function AdminAreaNav() {
  const t = useTranslations('adminArea.nav');
  return (
    <NavLinks
      label={t('label')}
      listClassName={styles.subnav}
      testId="admin-subnav"
      items={[
        { href: '/admin', label: t('overview'), exact: true },
        { href: '/admin/facilities', label: t('facilities') },
        { href: '/admin/stations', label: t('stations') },
        { href: '/admin/users', label: t('users') },
        { href: '/admin/ftp', label: t('ftp') },
        { href: '/admin/tokens', label: t('tokens') },
        { href: '/admin/limits', label: t('limits') },
        { href: '/admin/maintenance', label: t('maintenance') },
        { href: '/admin/audit', label: t('audit') },
      ]}
    />
  );
}
