import { z } from 'zod';
import { toIngestResultDto } from '@/server/api/dto';
import { json, withApi } from '@/server/api/handler';
import { parseHeader } from '@/server/api/validate';
import { ingestFile } from '@/lib/services/ingest';
import { scopeFor } from '@/server/api/auth';

/** The file's own name: percent-decoding allowed (non-ASCII names), any folder part dropped. */
const fileName = z
  .string()
  .trim()
  .min(1, 'X-File-Name is required')
  .max(255)
  .transform((v) => {
    let name = v;
    try {
      name = decodeURIComponent(v);
    } catch {
      // not percent-encoded
    }
    return name.split(/[\\/]/).pop() ?? '';
  })
  .refine((v) => v.length > 0 && !/[\u0000-\u001f]/.test(v), 'not a file name');

/**
 * POST /api/v1/ingest — facility and admin tokens. Body: the file's bytes; header X-File-Name. Same pipeline as FTP.
 * Every processed file answers 200 with its outcome (accepted | partial | rejected | duplicate), rejected included:
 * the file was received and is in the ledger. 400 only when the request itself is unusable (no X-File-Name).
 */
export const POST = withApi(['facility', 'admin'], async ({ req, principal }) => {
  const name = parseHeader(req.headers.get('x-file-name'), 'X-File-Name', fileName);
  const bytes = Buffer.from(await req.arrayBuffer());
  const forwarded = req.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  const result = await ingestFile({
    name,
    bytes,
    source: 'api',
    account: principal.name,
    facilityId: scopeFor(principal).facilityId,
    remoteAddress: forwarded || null,
  });
  return json(toIngestResultDto(result), 200);
});
