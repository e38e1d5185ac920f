import { z } from 'zod';
import { scopeFor } from '@/server/api/auth';
import { toAggregateDto, toRawReadingDto } from '@/server/api/dto';
import { json, withApi } from '@/server/api/handler';
import { decodeTimeCursor, encodeCursor } from '@/server/api/pagination';
import { parseParams, parseQuery } from '@/server/api/validate';
import { listReadingsService, RESOLUTIONS } from '@/lib/services/stations';
import { isoInstant } from '@/lib/domain/iso-time';

const params = z.object({ code: z.string().min(1).max(64) });

const READINGS_DEFAULT_LIMIT = 1000;
const READINGS_MAX_LIMIT = 10_000;

const query = z.object({
  parameter: z.string().trim().min(1).max(32),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  resolution: z.enum(RESOLUTIONS).default('raw'),
  limit: z.coerce.number().int().min(1).max(READINGS_MAX_LIMIT).default(READINGS_DEFAULT_LIMIT),
  cursor: z.string().max(100).optional(),
});

/**
 * GET /api/v1/stations/{code}/readings?parameter=&from=&to=&resolution=raw|1h|8h|24h — one parameter, from inclusive,
 * to exclusive (default: the last 24 h; 31 days for 24h). Hourly values are labelled by the end of the hour.
 */
export const GET = withApi<{ code: string }>('authenticated', async ({ req, params: raw, principal }) => {
  const { code } = parseParams(raw, params);
  const q = parseQuery(req, query);
  const page = await listReadingsService(code, scopeFor(principal), {
    parameter: q.parameter,
    from: q.from,
    to: q.to,
    resolution: q.resolution,
    limit: q.limit,
    after: q.cursor === undefined ? undefined : decodeTimeCursor(q.cursor),
  });
  const nextCursor = page.next ? encodeCursor(page.next.getTime()) : null;
  const base = { station: page.station.code, parameter: page.parameter, unit: page.unit, resolution: page.resolution };
  if (page.resolution === 'raw') {
    return json({ ...base, items: page.items.map((r) => toRawReadingDto(r, page.unit)), nextCursor });
  }
  return json({ ...base, items: page.items.map(toAggregateDto), nextCursor });
});
