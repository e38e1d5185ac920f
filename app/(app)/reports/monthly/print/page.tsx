import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { SearchParams } from '@/app/_lib/params';
import { PrintDocument } from '@/components/reports/admin-header';
import { MonthlyReport } from '@/components/reports/monthly-report';
import { PrintReady } from '@/components/reports/print-ready';
import { getMonthlyPage, getPrintHeader } from '@/server/queries/reports';

type Props = { searchParams: SearchParams };

/** The PDF carries the station in its title (document metadata) as well as on the page. */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [t, sp] = await Promise.all([getTranslations('reports2.monthly'), searchParams]);
  const station = typeof sp.station === 'string' ? sp.station : '';
  return { title: `${t('title')} ${station}`.trim() };
}

/** Print version of the monthly station report (A4 landscape PDF via /reports/monthly/pdf, or the browser's print). */
export default async function MonthlyReportPrintPage({ searchParams }: Props) {
  const sp = await searchParams;
  const [t2, data] = await Promise.all([getTranslations('reports2'), getMonthlyPage(sp)]);
  const station = data.stations.find((s) => s.code === data.values.station);
  if (!data.view || !station)
    return <div className="empty">{(await getTranslations('reports2.monthly'))('choose')}</div>;
  return (
    <PrintDocument
      header={getPrintHeader()}
      title={t2('titles.monthly', { month: data.values.month })}
      subtitle={t2('stationLine', { code: station.code, name: station.name, facility: station.facilityName })}
    >
      <MonthlyReport parameters={data.view.parameters} total={data.view.total} alerts={data.view.alerts} print />
      <PrintReady autoPrint={sp.autoprint === '1'} />
    </PrintDocument>
  );
}
