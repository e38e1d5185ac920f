import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LimitsAdminTabs } from '@/components/limits-admin/admin-subnav';
import { LimitImportForm } from '@/components/limits-admin/import-form';
import { StandardsTable } from '@/components/limits-admin/standards-table';
import { StationBindingsTable } from '@/components/limits-admin/station-bindings-table';
import { importLimitStandardsAction, previewLimitImportAction } from '@/server/actions/limits-admin';
import { getLimitsAdminPage } from '@/server/queries/limits-admin';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('limitsAdmin');
  return { title: t('title') };
}

export default async function LimitsAdminPage() {
  const [t, data] = await Promise.all([getTranslations('limitsAdmin'), getLimitsAdminPage()]);
  return (
    <>
      <LimitsAdminTabs current="limits" />
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <section className="panel" aria-labelledby="limits-import">
        <h2 id="limits-import">{t('import.title')}</h2>
        <p className="muted">{t('import.intro')}</p>
        <LimitImportForm preview={previewLimitImportAction} save={importLimitStandardsAction} />
      </section>
      <section className="panel" aria-labelledby="limits-standards">
        <h2 id="limits-standards">{t('standards.title')}</h2>
        <StandardsTable standards={data.standards} />
      </section>
      <section className="panel" aria-labelledby="limits-stations">
        <h2 id="limits-stations">{t('stations.title')}</h2>
        <p className="muted">{t('stations.intro')}</p>
        <StationBindingsTable stations={data.stations} />
      </section>
    </>
  );
}
