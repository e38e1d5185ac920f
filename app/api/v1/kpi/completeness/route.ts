import { STAFF_ROLES, scopeFor } from '@/server/api/auth';
import { json, withApi } from '@/server/api/handler';
import { pageByKey, pageQuery } from '@/server/api/pagination';
import { parseQuery } from '@/server/api/validate';
import { env } from '@/lib/env';
import { completenessQuery, completenessService } from '@/lib/services/reports';

const query = completenessQuery.extend(pageQuery);

/**
 * GET /api/v1/kpi/completeness — staff. `?from=&to=&groupBy=station|parameter|day&station=` → receipt and valid
 * rates per station, station × parameter or station × local day (DOMAIN.md §7). Default: the last 7 whole days.
 */
export const GET = withApi(STAFF_ROLES, async ({ req, principal }) => {
  const { limit, cursor, ...q } = parseQuery(req, query);
  const rows = await completenessService(q, scopeFor(principal), env().KPI_THRESHOLD);
  const page = pageByKey(rows, (r) => [r.station, r.parameter ?? '', r.day ?? ''].join(' '), limit, cursor);
  return json({ items: page.items, nextCursor: page.nextCursor });
});
