import 'server-only';
import { z } from 'zod';
import { completenessQuery } from '@/lib/services/reports';
import { STAFF_ROLES } from '../auth';
import { pageQuery } from '../pagination';
import { localDate, page } from './common';
import { defineRoutes, type Components } from './define';

export const completenessItemSchema = z.object({
  station: z.string(),
  parameter: z.string().optional().describe('groupBy=parameter only'),
  day: localDate.optional().describe('groupBy=day only'),
  expected: z.number().int().describe('period / interval from max(activeFrom, from), never beyond now'),
  received: z.number().int().describe('distinct interval slots with a value'),
  valid: z.number().int().describe('slots with a valid reading (status 00, flag good/suspect, not invalidated)'),
  receiptRate: z.number().nullable().describe('received / expected; null when nothing is expected'),
  validRate: z.number().nullable().describe('valid / expected; null when nothing is expected'),
  belowThreshold: z.boolean().describe('validRate < KPI_THRESHOLD (default 0.8)'),
});

export const { getKpiCompleteness } = defineRoutes('kpi', {
  getKpiCompleteness: {
    route: 'GET /api/v1/kpi/completeness',
    summary: 'Data completeness (receipt and valid rates) per station, station × parameter or station × day (staff)',
    description: 'Default: the last 7 whole local days; at most 366 days. `from`/`to` filter the reading time.',
    access: STAFF_ROLES,
    query: completenessQuery.extend(pageQuery),
    responses: { 200: { description: 'rows', schema: page(completenessItemSchema) } },
    errors: ['NOT_FOUND'],
  },
});

export const kpiRoutes = [getKpiCompleteness];
export const kpiComponents: Components = { response: { CompletenessItem: completenessItemSchema } };
