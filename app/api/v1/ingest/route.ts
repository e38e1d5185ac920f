import { scopeFor } from '@/server/api/auth';
import { ingestFile as ingestFileRoute } from '@/server/api/contract/ingest';
import { toIngestResultDto } from '@/server/api/dto';
import { handle, ok } from '@/server/api/handler';
import { ingestFile } from '@/lib/services/ingest';
import { requestClientAddress } from '@/server/http/client';
import { readBodyCapped } from '@/server/api/body';
import { env } from '@/lib/env';

/**
 * POST /api/v1/ingest — facility and admin tokens. Body: the file's bytes; header X-File-Name. Same pipeline as FTP.
 * Every processed file answers 200 with its outcome (accepted | partial | rejected | duplicate), rejected included:
 * the file was received and is in the ledger. 400 only when the request itself is unusable (no X-File-Name).
 */
export const POST = handle(ingestFileRoute, async ({ req, headers, principal }) => {
  // Over INGEST_MAX_BYTES the upload is refused while it streams (413): nothing of it is kept.
  const bytes = await readBodyCapped(req, env().INGEST_MAX_BYTES);
  const result = await ingestFile({
    name: headers['X-File-Name'],
    bytes,
    source: 'api',
    account: principal.name,
    facilityId: scopeFor(principal).facilityId,
    remoteAddress: requestClientAddress(req.headers),
  });
  return ok(toIngestResultDto(result));
});
