import { scopeFor } from '@/server/api/auth';
import { decodeImageCursor, imageCursor, toImageDto } from '@/server/api/camera-dto';
import { listStationImages } from '@/server/api/contract/camera';
import { handle, ok } from '@/server/api/handler';
import { listImagesService } from '@/lib/services/camera';

/** GET /api/v1/stations/{code}/images — staff, or the station's facility; newest first. */
export const GET = handle(listStationImages, async ({ params, query: q, principal }) => {
  const r = await listImagesService(params.code, scopeFor(principal), {
    from: q.from,
    to: q.to,
    limit: q.limit,
    before: q.cursor ? decodeImageCursor(q.cursor) : undefined,
  });
  const last = r.items.at(-1);
  return ok({ items: r.items.map(toImageDto), nextCursor: r.more && last ? imageCursor(last) : null });
});
