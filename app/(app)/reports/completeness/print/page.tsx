import { getTranslations } from 'next-intl/server';
import type { SearchParams } from '@/app/_lib/params';
import { PrintDocument } from '@/components/reports/admin-header';
import { CompletenessTable } from '@/components/reports/completeness-table';
import { CompletenessTotalsSet } from '@/components/reports/completeness-totals';
import { PrintReady } from '@/components/reports/print-ready';
import { formatPercent } from '@/lib/domain/format';
import { titleMetadata } from '@/app/_lib/metadata';
import { getCompletenessPage, getPrintHeader } from '@/server/queries/reports';

type Props = { searchParams: SearchParams };

export const generateMetadata = titleMetadata('reports2.titles.completeness');

/** The daily (or monthly) station × parameter rows were asked for (the "detail" box of the report form). */
function withDetail(sp: Awaited<SearchParams>): boolean {
  return sp.detail === '1';
}

/** Print version of the data-completeness report (same query as /reports): province → facility → station totals first. */
export default async function CompletenessPrintPage({ searchParams }: Props) {
  const sp = await searchParams;
  const [t, t2, data] = await Promise.all([
    getTranslations('reports'),
    getTranslations('reports2'),
    getCompletenessPage(sp),
  ]);
  const report = data.view?.report ?? null;
  return (
    <PrintDocument
      header={getPrintHeader()}
      title={t2('titles.completeness')}
      subtitle={t2('rangeLine', { from: data.values.from, to: data.values.to })}
    >
      <p className="muted">{t('completeness.intro', { threshold: formatPercent(report?.threshold ?? 0.8) })}</p>
      {report && (
        <>
          <CompletenessTotalsSet report={report} showProvince={data.view?.showProvince ?? false} />
          {/* Station × parameter × day rows run to hundreds of pages: only when asked (?detail=1). */}
          {withDetail(sp) && <CompletenessTable rows={report.rows} period={report.period} />}
        </>
      )}
      <PrintReady autoPrint={sp.autoprint === '1'} />
    </PrintDocument>
  );
}
