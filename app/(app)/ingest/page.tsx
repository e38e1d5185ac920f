import { getTranslations } from 'next-intl/server';
import type { SearchParams } from '@/app/_lib/params';
import { ConflictsPanel } from '@/components/ingest/conflicts-panel';
import { ledgerHref } from '@/components/ingest/format';
import { IngestFilters } from '@/components/ingest/ingest-filters';
import { IngestSummary } from '@/components/ingest/ingest-summary';
import { LedgerTable } from '@/components/ingest/ledger-table';
import { OUTCOMES } from '@/components/ingest/outcome-badge';
import { PageHead } from '@/components/ui/page-head';
import { titleMetadata } from '@/app/_lib/metadata';
import { resolveConflictAction } from '@/server/actions/ingest';
import { getIngestPage, INGEST_SOURCES } from '@/server/queries/ingest';

type Props = { searchParams: SearchParams };

export const generateMetadata = titleMetadata('ingest.title');

export default async function IngestPage({ searchParams }: Props) {
  const [t, data] = await Promise.all([getTranslations('ingest'), searchParams.then((sp) => getIngestPage(sp))]);
  const { filters } = data;
  const keep = { station: filters.station, outcome: filters.outcome, source: filters.source, from: filters.from, to: filters.to, q: filters.q };
  const outcomeHref = Object.fromEntries([
    ['all', ledgerHref({ ...keep, outcome: '' })],
    ...OUTCOMES.map((o) => [o, ledgerHref({ ...keep, outcome: o })]),
  ]) as Record<(typeof OUTCOMES)[number] | 'all', string>;
  return (
    <>
      <PageHead
        title={t('title')}
        intro={t('intro')}
        actions={
          data.conflicts.total > 0 && (
            <a href="#conflicts" className="badge badge-warn">
              {t('conflicts.count', { count: data.conflicts.total })}
            </a>
          )
        }
      />
      {data.invalid.length > 0 && (
        <p className="form-error" role="status">
          {t('filters.invalid', { fields: data.invalid.join(', ') })}
        </p>
      )}
      <IngestFilters values={keep} stations={data.stations} sources={INGEST_SOURCES} />
      <IngestSummary
        from={data.chart.from}
        to={data.chart.to}
        days={data.chart.days}
        totals={data.chart.totals}
        total={data.chart.total}
        activeOutcome={filters.outcome}
        outcomeHref={outcomeHref}
      />
      <ConflictsPanel
        rows={data.conflicts.rows}
        total={data.conflicts.total}
        resolveAction={data.canResolve ? resolveConflictAction : null}
      />
      <LedgerTable
        rows={data.rows}
        moreHref={data.nextCursor ? ledgerHref({ ...keep, cursor: data.nextCursor }) : null}
        firstHref={filters.cursor ? ledgerHref(keep) : null}
      />
    </>
  );
}
