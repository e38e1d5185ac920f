import { z } from 'zod';
import { PATH_PLACEHOLDERS } from '@/lib/domain/forward-path';
import { isoDateTime, localDate } from './wire';

/**
 * Forwarding DTOs: what the forwarding page, its components and the API exchange. Targets never carry their password;
 * times are ISO with +07:00. The schemas document the API (server/api/contract); components import the types only.
 */
export const forwardTargetSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  protocol: z.enum(['ftp', 'ftps']),
  host: z.string(),
  port: z.number().int(),
  username: z.string(),
  rootFolder: z.string(),
  pathTemplate: z.string().describe(`placeholders ${PATH_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`),
  enabled: z.boolean(),
  health: z.object({
    lastSuccessAt: isoDateTime.nullable(),
    lastError: z.string().nullable(),
    lastErrorAt: isoDateTime.nullable(),
    queueDepth: z.number().int().describe('pending + failed jobs'),
    pending: z.number().int(),
    failed: z.number().int(),
    oldestPendingAt: isoDateTime.nullable(),
    oldestPendingAgeSeconds: z.number().int().nullable(),
    nextTryAt: isoDateTime.nullable(),
  }),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type ForwardTargetDto = z.infer<typeof forwardTargetSchema>;

export const forwardingStatusSchema = z.object({
  station: z.string(),
  day: localDate.describe('local day of receipt'),
  received: z.number().int().describe('accepted or partial files received'),
  forwarded: z.number().int().describe('every target sent'),
  pending: z.number().int(),
  failed: z.number().int().describe('the last attempt failed (still retried with back-off, never dropped)'),
  notQueued: z.number().int().describe('no enabled target when received'),
});
export type ForwardingStatusDto = z.infer<typeof forwardingStatusSchema>;
