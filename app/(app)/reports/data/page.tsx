import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ExportPanel } from '@/components/reports/export-panel';
import { ReportTabs } from '@/components/reports/report-tabs';
import { formatDate } from '@/lib/domain/time';
import { requireUser } from '@/server/auth/session';
import { listStationOptions, REPORT_ROLES } from '@/server/queries/reports';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports.export');
  return { title: t('title') };
}

/** Data export (raw / 1 h / 24 h, CSV or XLSX), streamed with a progress bar. */
export default async function ReportsDataPage() {
  const user = await requireUser([...REPORT_ROLES]);
  const [t, tr, stations] = await Promise.all([getTranslations('reports.export'), getTranslations('reports'), listStationOptions(user)]);
  const now = new Date();
  const today = formatDate(now);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{tr('title')}</h1>
          <p className="muted">{tr('intro')}</p>
        </div>
      </div>
      <ReportTabs active="export" />
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <ExportPanel stations={stations.map((s) => ({ code: s.code, name: s.name, parameters: s.parameters }))} defaultFrom={`01/${today.slice(3)}`} defaultTo={today} />
    </>
  );
}
