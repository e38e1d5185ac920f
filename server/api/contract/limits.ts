import 'server-only';
import { z } from 'zod';
import { isoInstant } from '@/lib/domain/time';
import { LIMIT_AVERAGINGS, LIMIT_CSV_COLUMNS, limitStandardImportSchema } from '@/lib/domain/limits';
import { STATION_KINDS } from '@/lib/domain/parameters';
import { STAFF_ROLES } from '../auth';
import { localDate, wholeList } from './common';
import { defineRoutes, type Components } from './define';

export const limitStandardSchema = z.object({
  code: z.string(),
  name: z.string(),
  version: z.string(),
  kind: z.enum(STATION_KINDS),
  effectiveFrom: localDate,
  effectiveTo: localDate.nullable().describe('exclusive; null when open-ended'),
  source: z.enum(['builtin', 'import']),
  inForce: z.boolean(),
  values: z.array(
    z.object({
      column: z.string(),
      parameter: z.string(),
      min: z.number().nullable(),
      max: z.number().nullable(),
      averaging: z.enum(LIMIT_AVERAGINGS),
      applyCoefficients: z.boolean(),
    }),
  ),
});
export type LimitStandardDto = z.infer<typeof limitStandardSchema>;

const bindingBody = z.object({
  standardCode: z.string().trim().min(1).max(40).describe('standard code as in GET /api/v1/limits, e.g. QCVN40:2011'),
  column: z.string().trim().min(1).max(20).describe("column / class / zone ('all' for standards without columns)"),
  coefficients: z
    .object({ kq: z.number().positive().max(10).optional(), kf: z.number().positive().max(10).optional(), kp: z.number().positive().max(10).optional(), kv: z.number().positive().max(10).optional(), o2Ref: z.number().min(0).lt(21).optional() })
    .strict()
    .default({}),
});
const bindingSchema = z.object({ station: z.string(), standardCode: z.string(), column: z.string(), coefficients: z.record(z.string(), z.number()) });

export const { listLimits, importLimits, bindStationStandard } = defineRoutes('limits', {
  listLimits: {
    route: 'GET /api/v1/limits',
    summary: 'Limit standards and the versions in force (staff)',
    access: STAFF_ROLES,
    query: z.object({
      at: isoInstant.optional().describe('instant (default now)'),
      versions: z.enum(['in_force', 'all']).default('in_force').describe('`all` also lists versions not in force at `at` (past and future)'),
    }),
    responses: { 200: { description: 'standards', schema: wholeList(limitStandardSchema) } },
  },
  importLimits: {
    route: 'POST /api/v1/limits/import',
    summary: 'Import a new standard version from JSON or CSV (admin, audited)',
    access: ['admin'],
    body: {
      kind: 'raw',
      description: 'one standard version or an array of them (JSON), or CSV rows; all-or-nothing',
      content: {
        'application/json': { schema: z.union([limitStandardImportSchema, z.array(limitStandardImportSchema)]) },
        'text/csv': { description: `header: ${LIMIT_CSV_COLUMNS.join(',')}[,name]` },
      },
    },
    responses: {
      201: {
        description: 'imported',
        schema: z.object({ imported: z.array(z.object({ code: z.string(), version: z.string(), values: z.number().int() })) }),
      },
    },
    errors: ['CONFLICT'],
  },
  bindStationStandard: {
    route: 'PUT /api/v1/stations/{code}/bindings',
    summary: "Bind a standard (column, coefficients) to a station, replacing that standard's earlier binding (admin, audited)",
    description: 'Ambient and river stations are judged by QCVN 05:2023 / QCVN 08:2023 (class B) without a binding; wastewater and emission stations need one (or a permit).',
    access: ['admin'],
    params: z.object({ code: z.string().min(1).max(64).describe('station code') }),
    body: { kind: 'json', schema: bindingBody, example: { standardCode: 'QCVN40:2011', column: 'B', coefficients: { kq: 0.9, kf: 1.1 } } },
    responses: { 200: { description: 'the binding now in place', schema: bindingSchema } },
  },
});

export const limitRoutes = [listLimits, importLimits, bindStationStandard];
export const limitComponents: Components = { request: { LimitStandardImport: limitStandardImportSchema }, response: { LimitStandard: limitStandardSchema } };
