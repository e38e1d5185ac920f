import 'server-only';
import { findIngestFile, listIngestFiles, type IngestFileRow, type IngestOutcome } from '@/lib/db/ingest-files';
import { findStationByCode } from '@/lib/db/stations';
import { AppError } from '@/lib/errors';
import { readRawFile } from '@/lib/services/ingest';

/** Read side of the ingest ledger for the API (staff only; the routes check the role). */
export async function listLedger(q: {
  station?: string;
  outcome?: IngestOutcome;
  from?: Date;
  to?: Date;
  limit: number;
  beforeId?: number;
}): Promise<{ items: IngestFileRow[]; nextBeforeId: number | null }> {
  let stationId: number | undefined;
  if (q.station) {
    const s = await findStationByCode(q.station);
    if (!s) return { items: [], nextBeforeId: null };
    stationId = s.id;
  }
  const rows = await listIngestFiles({
    stationId,
    outcome: q.outcome,
    from: q.from,
    to: q.to,
    limit: q.limit + 1,
    cursor: q.beforeId,
  });
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return { items, nextBeforeId: rows.length > q.limit && last ? last.id : null };
}

/** The original bytes of a ledger row, as received. */
export async function getRawFile(id: number): Promise<{ file: IngestFileRow; bytes: Buffer }> {
  const file = await findIngestFile(id);
  if (!file) throw new AppError('NOT_FOUND', `ingest file ${id} not found`);
  const bytes = await readRawFile(file.sha256);
  if (!bytes) throw new AppError('NOT_FOUND', `the raw bytes of file ${id} are missing from the store`, { sha256: file.sha256 });
  return { file, bytes };
}
