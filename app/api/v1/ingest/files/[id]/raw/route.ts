import { getIngestFileRaw } from '@/server/api/contract/ingest';
import { handle } from '@/server/api/handler';
import { getRawFile } from '@/server/api/ledger';

/** `filename` for plain ASCII clients, `filename*` (RFC 6266) for the exact name. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** GET /api/v1/ingest/files/{id}/raw — staff. The original bytes, exactly as received. */
export const GET = handle(getIngestFileRaw, async ({ params }) => {
  const { file, bytes } = await getRawFile(params.id);
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      'content-type': 'application/octet-stream',
      'content-length': String(bytes.length),
      'content-disposition': contentDisposition(file.name),
      'x-content-sha256': file.sha256,
      'cache-control': 'no-store',
    },
  });
});
