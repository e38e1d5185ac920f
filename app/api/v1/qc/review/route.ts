import { z } from 'zod';
import { scopeFor } from '@/server/api/auth';
import { json, withApi } from '@/server/api/handler';
import { decodeTimeCursor, encodeCursor, pageQuery } from '@/server/api/pagination';
import { parseQuery } from '@/server/api/validate';
import { reviewQueueService } from '@/lib/services/qc';
import { toReviewItemDto } from '../_lib/dto';
import { isoInstant } from '@/lib/domain/iso-time';

const query = z.object({
  ...pageQuery,
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  station: z.string().min(1).max(64).optional(),
  parameter: z.string().min(1).max(32).optional(),
});
const DAY_MS = 86_400_000;

/** GET /api/v1/qc/review — readings that failed QC, newest first (default: 14 days; own stations for facility tokens). */
export const GET = withApi('authenticated', async ({ req, principal }) => {
  const q = parseQuery(req, query);
  const to = q.to ?? new Date();
  const from = q.from ?? new Date(to.getTime() - 14 * DAY_MS);
  const page = await reviewQueueService(scopeFor(principal), {
    from,
    to,
    station: q.station,
    parameter: q.parameter,
    limit: q.limit,
    before: q.cursor === undefined ? undefined : decodeTimeCursor(q.cursor),
  });
  return json({ items: page.items.map(toReviewItemDto), nextCursor: page.next ? encodeCursor(page.next.getTime()) : null });
});
