import Link from 'next/link';
import { useTranslations } from 'next-intl';
import styles from './admin.module.css';

/** Counts on the admin overview, each a link to its management page. */
export function AdminCards({ counts }: { counts: { facilities: number; stations: number; users: number; ftp: number } }) {
  const t = useTranslations('adminArea.nav');
  const cards = [
    { href: '/admin/facilities', label: t('facilities'), n: counts.facilities },
    { href: '/admin/stations', label: t('stations'), n: counts.stations },
    { href: '/admin/users', label: t('users'), n: counts.users },
    { href: '/admin/ftp', label: t('ftp'), n: counts.ftp },
  ];
  return (
    <div className={styles.cards} data-testid="admin-cards">
      {cards.map((c) => (
        <Link key={c.href} href={c.href} className={styles.card}>
          <strong>{c.n}</strong>
          {c.label}
        </Link>
      ))}
    </div>
  );
}
