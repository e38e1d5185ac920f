import { getCameraImageForUser } from '@/server/queries/camera';

/** GET /stations/{code}/camera/{id}[?thumb=1] — a camera image for the signed-in user (session cookie), facility-scoped. */
export async function GET(request: Request, { params }: { params: Promise<{ code: string; id: string }> }): Promise<Response> {
  const { code, id } = await params;
  const r = await getCameraImageForUser(decodeURIComponent(code), id, new URL(request.url).searchParams.get('thumb') === '1');
  if (r.kind === 'unauthenticated') return new Response('Unauthorized', { status: 401, headers: { 'cache-control': 'no-store' } });
  if (r.kind === 'not_found') return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  return new Response(new Uint8Array(r.bytes), {
    status: 200,
    headers: { 'content-type': r.contentType, 'content-length': String(r.bytes.length), 'x-content-type-options': 'nosniff', 'cache-control': 'private, max-age=3600' },
  });
}
