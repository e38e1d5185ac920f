import { getTranslations } from 'next-intl/server';
import type { SearchParams } from '@/app/_lib/params';
import { PrintDocument } from '@/components/reports/admin-header';
import { ExceedanceTable } from '@/components/reports/exceedance-table';
import { PrintReady } from '@/components/reports/print-ready';
import { titleMetadata } from '@/app/_lib/metadata';
import { getExceedancePage, getPrintHeader } from '@/server/queries/reports';

type Props = { searchParams: SearchParams };

export const generateMetadata = titleMetadata('reports2.titles.exceedances');

/** Print version of the exceedance report (same query as /reports/exceedances). */
export default async function ExceedancePrintPage({ searchParams }: Props) {
  const sp = await searchParams;
  const [t, t2, data] = await Promise.all([
    getTranslations('reports.exceedances'),
    getTranslations('reports2'),
    getExceedancePage(sp),
  ]);
  return (
    <PrintDocument
      header={getPrintHeader()}
      title={t2('titles.exceedances')}
      subtitle={t2('rangeLine', { from: data.values.from, to: data.values.to })}
    >
      <p className="muted">{t('intro')}</p>
      <ExceedanceTable rows={data.view?.rows ?? []} byMonth={data.values.period === 'month'} />
      <PrintReady autoPrint={sp.autoprint === '1'} />
    </PrintDocument>
  );
}
