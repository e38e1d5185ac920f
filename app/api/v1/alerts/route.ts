import { z } from 'zod';
import { scopeFor, STAFF_ROLES } from '@/server/api/auth';
import { toAlertDto } from '@/server/api/dto';
import { json, withApi } from '@/server/api/handler';
import { decodeIntCursor, encodeCursor, pageQuery } from '@/server/api/pagination';
import { parseQuery } from '@/server/api/validate';
import { ALERT_KINDS, ALERT_STATES, DISPOSITIONS, listAlerts } from '@/lib/services/alerts';
import { isoInstant } from '@/lib/domain/iso-time';

const query = z.object({
  station: z.string().trim().min(1).max(64).optional(),
  kind: z.enum(ALERT_KINDS).optional(),
  state: z.enum(ALERT_STATES).optional(),
  parameter: z.string().trim().max(32).optional(),
  disposition: z.enum(DISPOSITIONS).optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  ...pageQuery,
});

/** GET /api/v1/alerts — staff. Newest first; from/to filter the opening time. */
export const GET = withApi(STAFF_ROLES, async ({ req, principal }) => {
  const q = parseQuery(req, query);
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
      cursor: q.cursor === undefined ? undefined : decodeIntCursor(q.cursor),
    },
    scopeFor(principal),
  );
  return json({ items: page.items.map(toAlertDto), nextCursor: page.nextCursor === null ? null : encodeCursor(page.nextCursor) });
});
