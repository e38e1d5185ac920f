import 'server-only';
import { z } from 'zod';
import type { IngestOutcome } from '@/lib/db/ingest-files';
import { INGEST_REASON_CODES } from '@/lib/domain/ingest/reasons';
import { isoInstant } from '@/lib/domain/time';
import { INGEST_SOURCES } from '@/lib/services/ingest';
import { STAFF_ROLES } from '../auth';
import { pageQuery } from '../pagination';
import { idParams, isoDateTime, page } from './common';
import { defineRoutes, type Components } from './define';

export const INGEST_OUTCOME_VALUES = [
  'accepted',
  'partial',
  'rejected',
  'duplicate',
] as const satisfies readonly IngestOutcome[];

const reasonParams = z
  .record(z.string(), z.union([z.string(), z.number()]))
  .describe('values of the reason, e.g. {"maxBytes": 1048576}');
const reasonCode = z.enum(INGEST_REASON_CODES).describe('translate with the code; the English text is beside it');
const reasonCodeSchema = z.object({ code: reasonCode, params: reasonParams });
/** `reason` is the English text; `code`/`params` translate it (null on rows recorded before codes existed). */
const rejectedLineSchema = z.object({
  line: z.number().int(),
  reason: z.string(),
  code: reasonCode.nullable(),
  params: reasonParams.nullable(),
});
const rejectedLines = z.array(rejectedLineSchema);
const reasonCodes = z
  .array(reasonCodeSchema)
  .nullable()
  .describe('the reasons as codes, one per entry of reasons; null for files recorded before codes existed');

export const ingestResultSchema = z.object({
  fileId: z.number().int(),
  outcome: z.enum(INGEST_OUTCOME_VALUES),
  station: z.string().nullable(),
  readings: z.number().int().describe('readings stored'),
  rejectedLines,
  reasons: z.array(z.string()).describe('file-level reasons'),
  reasonCodes,
});

export const ingestFileSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  receivedAt: isoDateTime,
  source: z.string().meta({ enum: [...INGEST_SOURCES] }),
  account: z.string().nullable(),
  remoteAddress: z.string().nullable(),
  outcome: z.enum(INGEST_OUTCOME_VALUES),
  reasons: z.array(z.string()),
  reasonCodes,
  rejectedLines,
  station: z.string().nullable(),
  readings: z.number().int(),
});
export type IngestResultDto = z.infer<typeof ingestResultSchema>;
export type IngestFileDto = z.infer<typeof ingestFileSchema>;

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
  .refine((v) => v.length > 0 && !/[\u0000-\u001f]/.test(v), 'not a file name')
  .describe('file name, e.g. BG_DINHTRAM_NT01_20240524100500.txt (percent-encoding allowed)');

export const { ingestFile, listIngestFiles, getIngestFileRaw } = defineRoutes('ingest', {
  ingestFile: {
    route: 'POST /api/v1/ingest',
    summary: 'Submit one data file (facility, admin); same pipeline as FTP',
    description:
      'Every processed file answers 200 with its outcome (accepted, partial, rejected or duplicate): it is in the ledger either way. ' +
      "400 only when X-File-Name is missing or unusable. Facility tokens may only submit their own stations' files.",
    access: ['facility', 'admin'],
    headers: { 'X-File-Name': fileName },
    body: {
      kind: 'raw',
      description: 'the file bytes as sent by the datalogger',
      content: { 'application/octet-stream': { binary: true }, 'text/plain': {} },
    },
    responses: { 200: { description: 'processed', schema: ingestResultSchema } },
  },
  listIngestFiles: {
    route: 'GET /api/v1/ingest/files',
    summary: 'The ledger of received files, newest first (staff)',
    access: STAFF_ROLES,
    query: z.object({
      station: z.string().trim().min(1).max(64).optional().describe('station code'),
      outcome: z.enum(INGEST_OUTCOME_VALUES).optional(),
      from: isoInstant.optional().describe('received time, inclusive'),
      to: isoInstant.optional().describe('received time, exclusive'),
      ...pageQuery,
    }),
    responses: { 200: { description: 'ledger rows', schema: page(ingestFileSchema) } },
  },
  getIngestFileRaw: {
    route: 'GET /api/v1/ingest/files/{id}/raw',
    summary: 'The original bytes of a received file (staff)',
    access: STAFF_ROLES,
    params: idParams,
    responses: {
      200: {
        description: 'the bytes as received',
        content: { 'application/octet-stream': { binary: true } },
        headers: {
          'Content-Disposition': {
            description: 'attachment with the original file name (filename and RFC 6266 filename*)',
            schema: z.string(),
          },
          'X-Content-SHA256': { description: 'hash of the bytes', schema: z.string() },
        },
      },
    },
  },
});

export const ingestRoutes = [ingestFile, listIngestFiles, getIngestFileRaw];
export const ingestComponents: Components = {
  response: {
    IngestResult: ingestResultSchema,
    IngestFile: ingestFileSchema,
    ReasonCode: reasonCodeSchema,
    RejectedLine: rejectedLineSchema,
  },
};
