import { listIngestFiles } from '@/server/api/contract/ingest';
import { toIngestFileDto } from '@/server/api/dto';
import { handle, ok } from '@/server/api/handler';
import { listLedger } from '@/server/api/ledger';
import { decodeIdCursor, encodeCursor } from '@/server/api/pagination';

/** GET /api/v1/ingest/files — staff. The ledger, newest first; from/to filter the received time. */
export const GET = handle(listIngestFiles, async ({ query: q }) => {
  const page = await listLedger({
    station: q.station,
    outcome: q.outcome,
    from: q.from,
    to: q.to,
    limit: q.limit,
    beforeId: q.cursor === undefined ? undefined : decodeIdCursor(q.cursor),
  });
  return ok({
    items: page.items.map(toIngestFileDto),
    nextCursor: page.nextBeforeId === null ? null : encodeCursor(page.nextBeforeId),
  });
});
