import { scopeFor } from '@/server/api/auth';
import { listQcReviewQueue } from '@/server/api/contract/qc';
import { toReviewItemDto } from '@/server/api/dto';
import { handle, ok } from '@/server/api/handler';
import { decodeTimeCursor, encodeCursor } from '@/server/api/pagination';
import { reviewQueueService } from '@/lib/services/qc';

const DAY_MS = 86_400_000;

/** GET /api/v1/qc/review — readings that failed QC, newest first (default: 14 days; own stations for facility tokens). */
export const GET = handle(listQcReviewQueue, async ({ query: q, principal }) => {
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
  return ok({ items: page.items.map(toReviewItemDto), nextCursor: page.next ? encodeCursor(page.next.getTime()) : null });
});
