import { getTranslations } from 'next-intl/server';
import { ExportPanel } from '@/components/reports/export-panel';
import { ReportPageHead } from '@/components/reports/report-page-head';
import { titleMetadata } from '@/app/_lib/metadata';
import { formatDate } from '@/lib/domain/time';
import { requireUser } from '@/server/auth/session';
import { listStationOptions, REPORT_ROLES } from '@/server/queries/reports';

export const generateMetadata = titleMetadata('reports.export.title');

/** Data export (raw / 1 h / 24 h, CSV or XLSX), streamed with a progress bar. */
export default async function ReportsDataPage() {
  const user = await requireUser([...REPORT_ROLES]);
  const [t, stations] = await Promise.all([getTranslations('reports.export'), listStationOptions(user)]);
  const now = new Date();
  const today = formatDate(now);
  return (
    <>
      <ReportPageHead active="export" title={t('title')} intro={t('intro')} />
      <ExportPanel stations={stations.map((s) => ({ code: s.code, name: s.name, parameters: s.parameters }))} defaultFrom={`01/${today.slice(3)}`} defaultTo={today} />
    </>
  );
}
