import 'server-only';
import { z } from 'zod';
import { isoInstant } from '@/lib/domain/time';
import {
  acknowledgeInputSchema,
  ALERT_BASES,
  ALERT_EVENT_TYPES,
  ALERT_KINDS,
  ALERT_STATES,
  DISPOSITIONS,
  dispositionInputSchema,
} from '@/lib/services/alerts';
import { STAFF_ROLES } from '../auth';
import { pageQuery } from '../pagination';
import { idParams, isoDateTime, page } from './common';
import { defineRoutes, type Components } from './define';

export const alertSchema = z.object({
  id: z.number().int(),
  kind: z.enum(ALERT_KINDS),
  station: z.string().describe('station code'),
  parameter: z.string().nullable(),
  state: z.enum(ALERT_STATES),
  openedAt: isoDateTime,
  lastSeenAt: isoDateTime,
  resolvedAt: isoDateTime.nullable(),
  count: z.number().int(),
  peakValue: z.number().nullable(),
  limit: z.number().nullable(),
  basis: z.enum(ALERT_BASES).nullable(),
  averageValue: z.number().nullable(),
  completeness: z.number().nullable().describe('valid / expected readings of the averaging period, 0…1'),
  disposition: z.enum(DISPOSITIONS).nullable(),
  // Beyond API.md's minimum: evidence and review fields.
  dispositionNote: z.string().nullable(),
  dueAt: isoDateTime.nullable(),
  acknowledgedAt: isoDateTime.nullable(),
  acknowledgedBy: z.string().nullable(),
  limitDerivation: z.unknown().describe('standard, version, column, coefficients, base (and o2Correction); null when none'),
  periodStart: isoDateTime.nullable(),
  periodEnd: isoDateTime.nullable(),
  reopenedByRecompute: z.boolean(),
  resolvedByRecompute: z.boolean(),
  suppressed: z.boolean(),
  confirmed: z.boolean().describe('instant exceedance: N consecutive values beyond the limit; approaching: lasted its minimum; other kinds: true. Only confirmed alerts notify'),
  historical: z.boolean().describe('raised from data that arrived more than 24 h (configurable) after their time; notifies nobody'),
  withdrawnReason: z.string().nullable().describe('set when a compliance exceedance was withdrawn after recomputation (period_complies)'),
});

export const alertEventSchema = z.object({
  at: isoDateTime,
  type: z.enum(ALERT_EVENT_TYPES),
  actor: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export const alertDetailSchema = alertSchema.extend({ events: z.array(alertEventSchema) });

export type AlertDto = z.infer<typeof alertSchema>;
export type AlertEventDto = z.infer<typeof alertEventSchema>;
export type AlertDetailDto = z.infer<typeof alertDetailSchema>;

export const { listAlerts, getAlert, acknowledgeAlert, setAlertDisposition } = defineRoutes('alerts', {
  listAlerts: {
    route: 'GET /api/v1/alerts',
    summary: 'Alerts, newest opening first, cursor paging (staff)',
    description: '`from`/`to` filter the opening time.',
    access: STAFF_ROLES,
    query: z.object({
      station: z.string().trim().min(1).max(64).optional().describe('station code'),
      kind: z.enum(ALERT_KINDS).optional(),
      state: z.enum(ALERT_STATES).optional(),
      parameter: z.string().trim().max(32).optional(),
      disposition: z.enum(DISPOSITIONS).optional(),
      from: isoInstant.optional().describe('opening time, inclusive'),
      to: isoInstant.optional().describe('opening time, exclusive'),
      confirmed: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('only confirmed (true) or only brief (false) episodes'),
      historical: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('only historical (true) or only live (false) alerts'),
      ...pageQuery,
    }),
    responses: { 200: { description: 'alerts', schema: page(alertSchema) } },
    errors: ['NOT_FOUND'],
  },
  getAlert: {
    route: 'GET /api/v1/alerts/{id}',
    summary: 'One alert with its event history (staff)',
    access: STAFF_ROLES,
    params: idParams,
    responses: { 200: { description: 'the alert', schema: alertDetailSchema } },
  },
  acknowledgeAlert: {
    route: 'POST /api/v1/alerts/{id}/acknowledge',
    summary: 'Acknowledge an open alert (operator, inspector)',
    access: ['operator', 'inspector'],
    params: idParams,
    body: { kind: 'json', schema: acknowledgeInputSchema, required: false, description: 'may be empty' },
    responses: { 200: { description: 'acknowledged', schema: alertSchema } },
    errors: ['CONFLICT'],
  },
  setAlertDisposition: {
    route: 'POST /api/v1/alerts/{id}/disposition',
    summary: 'Inspector disposition of a compliance exceedance (inspector)',
    access: ['inspector'],
    params: idParams,
    body: { kind: 'json', schema: dispositionInputSchema },
    responses: { 200: { description: 'updated', schema: alertSchema } },
  },
});

export const alertRoutes = [listAlerts, getAlert, acknowledgeAlert, setAlertDisposition];
export const alertComponents: Components = {
  request: { AcknowledgeAlert: acknowledgeInputSchema, AlertDisposition: dispositionInputSchema },
  response: { Alert: alertSchema, AlertEvent: alertEventSchema, AlertDetail: alertDetailSchema },
};
