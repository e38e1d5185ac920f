import { z } from 'zod';
import { scopeFor } from '@/server/api/auth';
import { json, withApi } from '@/server/api/handler';
import { parseQuery } from '@/server/api/validate';
import { flagCountsService } from '@/lib/services/qc';
import { isoInstant } from '@/lib/domain/iso-time';

const query = z.object({ from: isoInstant.optional(), to: isoInstant.optional(), station: z.string().min(1).max(64).optional() });
const DAY_MS = 86_400_000;

/** GET /api/v1/qc/flags?from=&to=&station= — readings per local day and QC flag (default: 14 days; own stations for facility tokens). */
export const GET = withApi('authenticated', async ({ req, principal }) => {
  const q = parseQuery(req, query);
  const to = q.to ?? new Date();
  const from = q.from ?? new Date(to.getTime() - 14 * DAY_MS);
  const items = await flagCountsService(scopeFor(principal), { from, to, station: q.station });
  return json({ items, nextCursor: null });
});
