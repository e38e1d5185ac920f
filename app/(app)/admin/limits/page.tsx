import { getTranslations } from 'next-intl/server';
import { AdminAreaNav } from '@/components/admin/admin-area-nav';
import { LimitImportForm } from '@/components/limits-admin/import-form';
import { StandardsTable } from '@/components/limits-admin/standards-table';
import { StationBindingsTable } from '@/components/limits-admin/station-bindings-table';
import { PageHead } from '@/components/ui/page-head';
import { Panel } from '@/components/ui/panel';
import { titleMetadata } from '@/app/_lib/metadata';
import { importLimitStandardsAction, previewLimitImportAction } from '@/server/actions/limits-admin';
import { getLimitsAdminPage } from '@/server/queries/limits-admin';

export const generateMetadata = titleMetadata('limitsAdmin.title');

export default async function LimitsAdminPage() {
  const [t, data] = await Promise.all([getTranslations('limitsAdmin'), getLimitsAdminPage()]);
  return (
    <>
      <AdminAreaNav />
      <PageHead title={t('title')} intro={t('intro')} />
      <Panel id="limits-import" title={t('import.title')} intro={t('import.intro')}>
        <LimitImportForm preview={previewLimitImportAction} save={importLimitStandardsAction} />
      </Panel>
      <Panel id="limits-standards" title={t('standards.title')}>
        <StandardsTable standards={data.standards} />
      </Panel>
      <Panel id="limits-stations" title={t('stations.title')} intro={t('stations.intro')}>
        <StationBindingsTable stations={data.stations} />
      </Panel>
    </>
  );
}
