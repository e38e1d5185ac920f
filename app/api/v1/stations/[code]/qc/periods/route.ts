import { z } from 'zod';
import { scopeFor } from '@/server/api/auth';
import { json, withApi } from '@/server/api/handler';
import { parseParams, parseQuery } from '@/server/api/validate';
import { stationFlaggedPeriodsService } from '@/lib/services/qc';
import { toPeriodDto } from '../../../../qc/_lib/dto';
import { isoInstant } from '@/lib/domain/iso-time';

const params = z.object({ code: z.string().min(1).max(64) });
const query = z.object({ from: isoInstant.optional(), to: isoInstant.optional() });
const DAY_MS = 86_400_000;

/** GET /api/v1/stations/{code}/qc/periods?from=&to= — flagged periods per parameter with reasons (default: 7 days). */
export const GET = withApi<{ code: string }>('authenticated', async ({ req, params: raw, principal }) => {
  const { code } = parseParams(raw, params);
  const q = parseQuery(req, query);
  const to = q.to ?? new Date();
  const from = q.from ?? new Date(to.getTime() - 7 * DAY_MS);
  const r = await stationFlaggedPeriodsService(code, scopeFor(principal), { from, to });
  return json({ station: r.station.code, items: r.periods.map(toPeriodDto), truncated: r.truncated, nextCursor: null });
});
