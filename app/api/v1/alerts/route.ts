import { scopeFor } from '@/server/api/auth';
import { listAlerts as listAlertsRoute } from '@/server/api/contract/alerts';
import { toAlertDto } from '@/server/api/dto';
import { handle, ok } from '@/server/api/handler';
import { decodeIdCursor, encodeCursor } from '@/server/api/pagination';
import { listAlerts } from '@/lib/services/alerts';

/** GET /api/v1/alerts — staff. Newest first; from/to filter the opening time. */
export const GET = handle(listAlertsRoute, async ({ query: q, principal }) => {
  const page = await listAlerts(
    {
      station: q.station,
      kind: q.kind,
      state: q.state,
      parameter: q.parameter,
      disposition: q.disposition,
      from: q.from,
      to: q.to,
      limit: q.limit,
      cursor: q.cursor === undefined ? undefined : decodeIdCursor(q.cursor),
    },
    scopeFor(principal),
  );
  return ok({ items: page.items.map(toAlertDto), nextCursor: page.nextCursor === null ? null : encodeCursor(page.nextCursor) });
});
