import { STAFF_ROLES } from '@/server/api/auth';
import { json, withApi } from '@/server/api/handler';
import { pageByKey, pageQuery } from '@/server/api/pagination';
import { parseQuery } from '@/server/api/validate';
import { forwardingStatusService, statusQuery } from '@/lib/services/forwarding';
import { toForwardingStatusDto } from '@/server/queries/forwarding';

const query = statusQuery.extend(pageQuery);

/**
 * GET /api/v1/forwarding/status — staff. Per station and local day of receipt (default the last 7 days): accepted or
 * partial files received, forwarded (every target sent), pending, failed (last attempt failed; still retried).
 */
export const GET = withApi(STAFF_ROLES, async ({ req }) => {
  const { limit, cursor, ...q } = parseQuery(req, query);
  const rows = (await forwardingStatusService(q)).map(toForwardingStatusDto);
  const page = pageByKey(rows, (r) => `${r.day} ${r.station}`, limit, cursor);
  return json({ items: page.items, nextCursor: page.nextCursor });
});
