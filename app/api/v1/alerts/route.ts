import { scopeFor } from '@/server/api/auth';
import { listAlerts as listAlertsRoute } from '@/server/api/contract/alerts';
import { toAlertDto } from '@/server/api/dto';
import { handle, ok } from '@/server/api/handler';
import { AppError } from '@/lib/errors';
import { decodeCursor, encodeCursor } from '@/server/api/pagination';
import { listAlerts } from '@/lib/services/alerts';

function alertCursor(cursor: string): string {
  const key = decodeCursor(cursor);
  // "<openedAt ms>.<id>"; an id beyond int4 is refused here, not by the database (500).
  const m = /^(\d{1,15})\.(\d{1,10})$/.exec(key);
  if (!m || Number(m[2]) > 2_147_483_647) throw new AppError('VALIDATION', 'invalid cursor', [{ path: 'query.cursor', message: 'not a cursor from this API' }]);
  return key;
}

/** GET /api/v1/alerts — staff. Newest opening first, cursor paging; from/to filter the opening time. */
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
      confirmed: q.confirmed,
      historical: q.historical,
      limit: q.limit,
      cursor: q.cursor === undefined ? undefined : alertCursor(q.cursor),
    },
    scopeFor(principal),
  );
  return ok({ items: page.items.map(toAlertDto), nextCursor: page.nextCursor === null ? null : encodeCursor(page.nextCursor) });
});
