'use client';
import { useTranslations } from 'next-intl';
import { PdfButton } from './pdf-button';
import styles from './reports.module.css';

/**
 * Buttons above a report: print (the print route opens the browser's print dialog), PDF made on the server, and the
 * report's rows as CSV / XLSX. `query` is the report's current query string (without '?').
 */
export function ReportActions({ base, query, files }: { base: string; query: string; files: ('csv' | 'xlsx')[] }) {
  const t = useTranslations('reports2.actions');
  const q = query ? `?${query}` : '';
  const sep = query ? '&' : '?';
  return (
    <div
      className={`${styles.actions} ${styles.noPrint}`}
      role="group"
      aria-label={t('label')}
      data-testid="report-actions"
    >
      <a
        className="btn"
        href={`${base}/print${q}${sep}autoprint=1`}
        target="_blank"
        rel="noopener"
        data-testid="report-print"
      >
        {t('print')}
      </a>
      <PdfButton base={base} query={query} />
      {files.map((f) => (
        <a key={f} className="btn" href={`${base}/export${q}${sep}format=${f}`} data-testid={`report-${f}`} download>
          {f === 'csv' ? t('csv') : t('xlsx')}
        </a>
      ))}
    </div>
  );
}
