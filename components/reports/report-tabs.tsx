import Link from 'next/link';
import { useTranslations } from 'next-intl';
import styles from './reports.module.css';

export type ReportTab = 'completeness' | 'export' | 'exceedances' | 'monthly';

const HREFS: Record<ReportTab, string> = {
  completeness: '/reports',
  export: '/reports/data',
  exceedances: '/reports/exceedances',
  monthly: '/reports/monthly',
};

export function ReportTabs({ active }: { active: ReportTab }) {
  const t = useTranslations('reports.tabs');
  return (
    <nav className={`${styles.tabs} ${styles.noPrint}`} aria-label={t('label')}>
      {(Object.keys(HREFS) as ReportTab[]).map((k) => (
        <Link
          key={k}
          href={HREFS[k]}
          className={k === active ? `${styles.tab} ${styles.tabActive}` : styles.tab}
          aria-current={k === active ? 'page' : undefined}
        >
          {t(k)}
        </Link>
      ))}
    </nav>
  );
}
