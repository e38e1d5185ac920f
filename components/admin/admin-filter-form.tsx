import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { anyFilterSet } from '@/components/ui/filter-form';
import styles from './admin.module.css';

/** An admin list's GET filters: the fields, "Lọc", and a link back to the bare list while any filter is set. */
export function AdminFilterForm({
  action,
  testId,
  values,
  children,
}: {
  action: string;
  testId: string;
  values: Record<string, string>;
  children: ReactNode;
}) {
  const t = useTranslations('adminArea');
  return (
    <form method="get" action={action} className={`panel ${styles.filters}`} data-testid={testId} aria-label={t('filters.label')}>
      {children}
      <button type="submit" className="btn btn-primary">
        {t('filters.apply')}
      </button>
      {anyFilterSet(values) && (
        <Link className="btn" href={action}>
          {t('filters.clear')}
        </Link>
      )}
    </form>
  );
}
