import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ReceiptTable } from '@/components/tables/receipt-table';
import { getTodayReceiptReport } from '@/server/queries/reports';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports');
  return { title: t('title') };
}

export default async function ReportsPage() {
  const [t, report] = await Promise.all([getTranslations('reports'), getTodayReceiptReport()]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <h2>{t('todayTitle', { date: report.dayLabel })}</h2>
      <p className="muted">{t('todayIntro')}</p>
      <ReceiptTable rows={report.rows} />
    </>
  );
}
