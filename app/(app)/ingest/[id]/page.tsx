import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { SearchParams } from '@/app/_lib/params';
import { ConflictsPanel } from '@/components/ingest/conflicts-panel';
import { FileContentView } from '@/components/ingest/file-content-view';
import { FileMeta } from '@/components/ingest/file-meta';
import styles from '@/components/ingest/ingest.module.css';
import { titleMetadata } from '@/app/_lib/metadata';
import { resolveConflictAction } from '@/server/actions/ingest';
import { getIngestFileDetail, MAX_SHOWN_LINES } from '@/server/queries/ingest';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
};

export const generateMetadata = titleMetadata('ingest.title', { param: 'id', separator: ' #' });

export default async function IngestFilePage({ params, searchParams }: Props) {
  const [{ id }, sp, t] = await Promise.all([params, searchParams, getTranslations('ingest')]);
  const d = await getIngestFileDetail(id, sp);
  return (
    <>
      <div className="page-head">
        <div style={{ minWidth: 0 }}>
          <Link href="/ingest" className={styles.back}>
            ← {t('detail.back')}
          </Link>
          <h1 className={styles.fileTitle}>{d.file.name}</h1>
        </div>
      </div>
      <div className={styles.detailGrid}>
        <FileMeta file={d.file} downloadHref={`/ingest/${d.file.id}/raw`} />
        {d.conflicts.length > 0 && (
          <ConflictsPanel
            rows={d.conflicts}
            total={d.conflicts.length}
            resolveAction={d.canResolve ? resolveConflictAction : null}
            perFile
          />
        )}
        <FileContentView
          content={d.content}
          rejectedCount={d.rejectedLines.length}
          onlyRejected={d.onlyRejected}
          fileId={d.file.id}
          maxShown={MAX_SHOWN_LINES}
        />
      </div>
    </>
  );
}
