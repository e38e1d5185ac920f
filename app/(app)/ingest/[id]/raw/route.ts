import { getRawDownload } from '@/server/queries/ingest';

/** `filename` for plain ASCII clients, `filename*` (RFC 6266) for the exact name. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * GET /ingest/{id}/raw — the original bytes for the signed-in user (session cookie), within the user's facility scope.
 * Another facility's file answers exactly like a missing one (404).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const r = await getRawDownload(id);
  if (r.kind === 'unauthenticated') {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', new URL(request.url).pathname);
    return Response.redirect(login, 303);
  }
  if (r.kind === 'not_found') {
    return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  }
  return new Response(new Uint8Array(r.bytes), {
    status: 200,
    headers: {
      'content-type': 'application/octet-stream',
      'content-length': String(r.bytes.length),
      'content-disposition': contentDisposition(r.name),
      'x-content-sha256': r.sha256,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
}
