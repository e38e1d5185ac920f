import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import styles from './reports.module.css';

export type AdminHeaderProps = {
  department: string;
  unit: string;
  place: string;
  /** The date the document is issued, already in local time. */
  date: { day: string; month: string; year: string };
};

/**
 * The Vietnamese administrative header of an official document: the issuing body on the left, the national title
 * and motto on the right, then place and date ("Bắc Giang, ngày dd tháng MM năm yyyy").
 */
export function AdminHeader({ department, unit, place, date }: AdminHeaderProps) {
  const t = useTranslations('reports2.header');
  return (
    <div className={styles.adminHeader} data-testid="admin-header">
      <div>
        <strong>{department}</strong>
        <strong>{unit}</strong>
        <span className={styles.underline} />
      </div>
      <div>
        <strong>{t('country')}</strong>
        <strong>{t('motto')}</strong>
        <span className={styles.underline} />
        <div className={styles.adminDate}>
          {t('dateLine', { place, day: date.day, month: date.month, year: date.year })}
        </div>
      </div>
    </div>
  );
}

/**
 * A printable report page: hides the application shell (print routes render inside it), then the administrative
 * header, the title and the report. `data-print-ready` is set by <PrintReady/> once charts have drawn.
 */
export function PrintDocument({
  header,
  title,
  subtitle,
  children,
}: {
  header: AdminHeaderProps;
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={styles.paper} data-testid="print-document">
      {/* Print routes share the (app) layout; the shell is hidden here rather than in globals.css (not this area's file). */}
      <style>{`.shell-brand,.shell-header,.shell-nav{display:none!important}.shell{display:block!important;min-height:0!important}.shell-main{padding:12px 16px!important;max-width:none!important;margin:0!important}@page{size:A4}`}</style>
      <AdminHeader {...header} />
      <h1 className={styles.docTitle}>{title}</h1>
      {subtitle && <p className={styles.docSubtitle}>{subtitle}</p>}
      {children}
    </div>
  );
}
