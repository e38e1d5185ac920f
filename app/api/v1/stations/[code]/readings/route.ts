import { scopeFor } from '@/server/api/auth';
import { listStationReadings } from '@/server/api/contract/stations';
import { toAggregateDto, toRawReadingDto } from '@/server/api/dto';
import { handle, ok } from '@/server/api/handler';
import { decodeTimeCursor, encodeCursor } from '@/server/api/pagination';
import { listReadingsService } from '@/lib/services/stations';

/**
 * GET /api/v1/stations/{code}/readings?parameter=&from=&to=&resolution=raw|1h|8h|24h — one parameter, from inclusive,
 * to exclusive (default: the last 24 h; 31 days for 24h). Hourly values are labelled by the end of the hour.
 */
export const GET = handle(listStationReadings, async ({ params, query: q, principal }) => {
  const page = await listReadingsService(params.code, scopeFor(principal), {
    parameter: q.parameter,
    from: q.from,
    to: q.to,
    resolution: q.resolution,
    limit: q.limit,
    after: q.cursor === undefined ? undefined : decodeTimeCursor(q.cursor),
  });
  const nextCursor = page.next ? encodeCursor(page.next.getTime()) : null;
  const base = { station: page.station.code, parameter: page.parameter, unit: page.unit };
  if (page.resolution === 'raw') {
    return ok({ ...base, resolution: page.resolution, items: page.items.map((r) => toRawReadingDto(r, page.unit)), nextCursor });
  }
  return ok({ ...base, resolution: page.resolution, items: page.items.map(toAggregateDto), nextCursor });
});
