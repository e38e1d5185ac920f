import 'server-only';
import { z } from 'zod';
import { isoDateTime } from './common';
import { defineRoutes, type Components } from './define';

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['ok', 'down']),
  worker: z.object({
    lagSeconds: z.number().int().nullable().describe('seconds since the worker heartbeat; null when it never ran'),
    at: isoDateTime.nullable(),
  }),
  ftp: z.object({ listening: z.boolean() }),
});
export type HealthDto = z.infer<typeof healthSchema>;

export const { getHealth, getOpenApi } = defineRoutes('system', {
  getHealth: {
    route: 'GET /api/v1/health',
    summary: 'Liveness of database, worker and FTP receiver',
    description: '200 while the database answers (status `degraded` when the worker or FTP receiver is not running); 503 when it does not.',
    access: 'public',
    responses: { 200: { description: 'health', schema: healthSchema }, 503: { description: 'database down', schema: healthSchema } },
  },
  getOpenApi: {
    route: 'GET /api/v1/openapi.json',
    summary: 'This document (OpenAPI 3.1), generated from the route declarations',
    access: 'public',
    responses: { 200: { description: 'OpenAPI 3.1 document', schema: z.record(z.string(), z.unknown()) } },
  },
});

export const systemRoutes = [getHealth, getOpenApi];
export const systemComponents: Components = { response: { Health: healthSchema } };
