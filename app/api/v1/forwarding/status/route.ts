import { getForwardingStatus } from '@/server/api/contract/forwarding';
import { handle, ok } from '@/server/api/handler';
import { pageByKey } from '@/server/api/pagination';
import { forwardingStatusService } from '@/lib/services/forwarding';
import { toForwardingStatusDto } from '@/server/queries/forwarding';

/**
 * GET /api/v1/forwarding/status — staff. Per station and local day of receipt (default the last 7 days): accepted or
 * partial files received, forwarded (every target sent), pending, failed (last attempt failed; still retried).
 */
export const GET = handle(getForwardingStatus, async ({ query }) => {
  const { limit, cursor, ...q } = query;
  const rows = (await forwardingStatusService(q)).map(toForwardingStatusDto);
  const page = pageByKey(rows, (r) => `${r.day} ${r.station}`, limit, cursor);
  return ok({ items: page.items, nextCursor: page.nextCursor });
});
