import { scopeFor } from '@/server/api/auth';
import { getStationImage } from '@/server/api/contract/camera';
import { handle } from '@/server/api/handler';
import { getImageService } from '@/lib/services/camera';

/** GET /api/v1/stations/{code}/images/{id} — the original bytes, or `?thumb=1` a small JPEG. Never public. */
export const GET = handle(getStationImage, async ({ params, query, principal }) => {
  const r = await getImageService(params.code, scopeFor(principal), params.id, { thumb: query.thumb === '1' });
  return new Response(new Uint8Array(r.bytes), {
    status: 200,
    headers: {
      'content-type': r.contentType,
      'content-length': String(r.bytes.length),
      'x-content-sha256': r.image.sha256,
      'cache-control': 'private, max-age=3600',
    },
  });
});
