import { scopeFor } from '@/server/api/auth';
import { countQcFlags } from '@/server/api/contract/qc';
import { handle, ok } from '@/server/api/handler';
import { flagCountsService } from '@/lib/services/qc';

const DAY_MS = 86_400_000;

/** GET /api/v1/qc/flags?from=&to=&station= — readings per local day and QC flag (default: 14 days; own stations for facility tokens). */
export const GET = handle(countQcFlags, async ({ query: q, principal }) => {
  const to = q.to ?? new Date();
  const from = q.from ?? new Date(to.getTime() - 14 * DAY_MS);
  const items = await flagCountsService(scopeFor(principal), { from, to, station: q.station });
  return ok({ items, nextCursor: null });
});
