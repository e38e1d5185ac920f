import { z } from 'zod';
import { STAFF_ROLES } from '@/server/api/auth';
import { toIngestFileDto } from '@/server/api/dto';
import { json, withApi } from '@/server/api/handler';
import { INGEST_OUTCOME_VALUES, listLedger } from '@/server/api/ledger';
import { decodeIntCursor, encodeCursor, pageQuery } from '@/server/api/pagination';
import { parseQuery } from '@/server/api/validate';
import { isoInstant } from '@/lib/domain/iso-time';

const query = z.object({
  station: z.string().trim().min(1).max(64).optional(),
  outcome: z.enum(INGEST_OUTCOME_VALUES).optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  ...pageQuery,
});

/** GET /api/v1/ingest/files — staff. The ledger, newest first; from/to filter the received time. */
export const GET = withApi(STAFF_ROLES, async ({ req }) => {
  const q = parseQuery(req, query);
  const page = await listLedger({
    station: q.station,
    outcome: q.outcome,
    from: q.from,
    to: q.to,
    limit: q.limit,
    beforeId: q.cursor === undefined ? undefined : decodeIntCursor(q.cursor),
  });
  return json({
    items: page.items.map(toIngestFileDto),
    nextCursor: page.nextBeforeId === null ? null : encodeCursor(page.nextBeforeId),
  });
});
