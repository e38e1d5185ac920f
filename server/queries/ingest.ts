import 'server-only';
import { listIngestFiles, type IngestOutcome } from '@/lib/db/ingest-files';
import { requireUser, stationScope } from '@/server/auth/session';

export type LedgerEntry = {
  id: number;
  name: string;
  stationCode: string | null;
  receivedAt: string;
  source: string;
  outcome: IngestOutcome;
  reasons: string[];
  readingCount: number;
  rejectedLineCount: number;
};

const LEDGER_PAGE = 100;

/** The newest ledger rows; facility users see only files attributed to their facility's stations. */
export async function listRecentIngestFiles(): Promise<LedgerEntry[]> {
  const user = await requireUser();
  const scope = stationScope(user);
  if (scope.kind === 'none') return [];
  const rows = await listIngestFiles({
    limit: LEDGER_PAGE,
    ...(scope.kind === 'facility' ? { facilityId: scope.facilityId } : {}),
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    stationCode: r.stationCode,
    receivedAt: r.receivedAt.toISOString(),
    source: r.source,
    outcome: r.outcome,
    reasons: r.reasons,
    readingCount: r.readingCount,
    rejectedLineCount: r.rejectedLines.length,
  }));
}
