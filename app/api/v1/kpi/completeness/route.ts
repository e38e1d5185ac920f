import { scopeFor } from '@/server/api/auth';
import { getKpiCompleteness } from '@/server/api/contract/kpi';
import { handle, ok } from '@/server/api/handler';
import { pageByKey } from '@/server/api/pagination';
import { env } from '@/lib/env';
import { completenessService } from '@/lib/services/reports';

/**
 * GET /api/v1/kpi/completeness — staff. `?from=&to=&groupBy=station|parameter|day&station=` → receipt and valid
 * rates per station, station × parameter or station × local day (DOMAIN.md §7). Default: the last 7 whole days.
 */
export const GET = handle(getKpiCompleteness, async ({ query, principal }) => {
  const { limit, cursor, ...q } = query;
  const rows = await completenessService(q, scopeFor(principal), env().KPI_THRESHOLD);
  const page = pageByKey(rows, (r) => [r.station, r.parameter ?? '', r.day ?? ''].join(' '), limit, cursor);
  return ok({ items: page.items, nextCursor: page.nextCursor });
});
