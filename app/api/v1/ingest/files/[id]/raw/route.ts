import { z } from 'zod';
import { STAFF_ROLES } from '@/server/api/auth';
import { withApi } from '@/server/api/handler';
import { getRawFile } from '@/server/api/ledger';
import { parseParams } from '@/server/api/validate';

const params = z.object({ id: z.coerce.number().int().positive() });

/** `filename` for plain ASCII clients, `filename*` (RFC 6266) for the exact name. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** GET /api/v1/ingest/files/{id}/raw — staff. The original bytes, exactly as received. */
export const GET = withApi<{ id: string }>(STAFF_ROLES, async ({ params: raw }) => {
  const { id } = parseParams(raw, params);
  const { file, bytes } = await getRawFile(id);
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
