import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { IngestTable } from '@/components/tables/ingest-table';
import { listRecentIngestFiles } from '@/server/queries/ingest';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('ingest');
  return { title: t('title') };
}

export default async function IngestPage() {
  const [t, rows] = await Promise.all([getTranslations('ingest'), listRecentIngestFiles()]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <IngestTable rows={rows} />
    </>
  );
}
