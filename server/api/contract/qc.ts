import 'server-only';
import { z } from 'zod';
import { isoInstant } from '@/lib/domain/time';
import { qcConfigSchema, qcOverrideSchema } from '@/lib/domain/qc';
import { QC_FLAG_NAMES, type QcFlagName } from '@/lib/domain/qc-flags';
import { createOverlayInput, OVERLAY_ACTIONS, recomputeRequestInput, updateQcSettingsInput } from '@/lib/services/qc';
import { STAFF_ROLES } from '../auth';
import { pageQuery } from '../pagination';
import { codeParams, isoDateTime, localDate, page, stationIdParams, wholeList } from './common';
import { defineRoutes, type Components } from './define';
import { deviceStatusSchema, qcFlagSchema } from './stations';

export const overlaySchema = z.object({
  id: z.number().int(),
  station: z.string(),
  parameters: z.array(z.string()).describe('empty = all parameters'),
  from: isoDateTime,
  to: isoDateTime.describe('exclusive'),
  action: z.enum(OVERLAY_ACTIONS),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: isoDateTime,
  revokedAt: isoDateTime.nullable(),
  revokedBy: z.string().nullable(),
  active: z.boolean(),
});

export const reviewItemSchema = z.object({
  station: z.string(),
  stationName: z.string(),
  parameter: z.string(),
  time: isoDateTime,
  value: z.number(),
  deviceStatus: deviceStatusSchema,
  flag: qcFlagSchema,
  reasons: z.array(z.string()),
});

export const flaggedPeriodSchema = z.object({
  parameter: z.string(),
  from: isoDateTime,
  to: isoDateTime,
  flag: qcFlagSchema.describe('worst flag of the period (suspect or fail), or not_evaluated for device periods'),
  reasons: z.array(z.string()),
  count: z.number().int(),
});

// One count per flag of the registry, so a new flag appears here without an edit.
const flagCounts = Object.fromEntries(QC_FLAG_NAMES.map((n) => [n, z.number().int()])) as Record<QcFlagName, z.ZodNumber>;
export const flagDaySchema = z.object({ day: localDate, ...flagCounts });

export const qcParameterSettingsSchema = z
  .object({
    parameter: z.string(),
    unit: z.string(),
    defaults: qcConfigSchema,
    override: qcOverrideSchema.nullable().describe('stored partial override; null when none'),
    effective: qcConfigSchema,
    overrideError: z.string().nullable().describe('set when the stored override is unusable (the defaults are in force meanwhile)'),
  })
  .describe("`defaults`: the registry's; `effective`: the configuration in force (defaults merged with the override)");

export type OverlayDto = z.infer<typeof overlaySchema>;
export type ReviewItemDto = z.infer<typeof reviewItemSchema>;
export type FlaggedPeriodDto = z.infer<typeof flaggedPeriodSchema>;

const readingWindow = {
  from: isoInstant.optional().describe('reading time, inclusive'),
  to: isoInstant.optional().describe('reading time, exclusive'),
};
const OPERATORS = ['operator', 'inspector', 'admin'] as const;

export const {
  listOverlays,
  createOverlay,
  revokeOverlay,
  getQcSettings,
  updateQcSettings,
  getRecomputeProgress,
  requestRecompute,
  listFlaggedPeriods,
  countQcFlags,
  listQcReviewQueue,
} = defineRoutes('qc', {
  listOverlays: {
    route: 'GET /api/v1/stations/{code}/overlays',
    summary: "A station's overlays (invalidations / restorations), newest first",
    access: 'authenticated',
    params: codeParams,
    query: z.object({ ...pageQuery, active: z.enum(['true', 'false']).optional().describe('true: only overlays not revoked') }),
    responses: { 200: { description: 'overlays', schema: page(overlaySchema) } },
  },
  createOverlay: {
    route: 'POST /api/v1/stations/{code}/overlays',
    summary: 'Invalidate or restore a period (operator, inspector, admin; audited); raw values never change',
    description: 'Empty parameters = all. The newest active overlay covering a reading decides; averages of the covered hours are recomputed.',
    access: OPERATORS,
    params: codeParams,
    body: { kind: 'json', schema: createOverlayInput },
    responses: { 201: { description: 'created', schema: overlaySchema } },
  },
  revokeOverlay: {
    route: 'DELETE /api/v1/stations/{code}/overlays/{id}',
    summary: 'Revoke an overlay (kept, marked revoked; audited); operator, inspector, admin',
    access: OPERATORS,
    params: stationIdParams,
    responses: { 200: { description: 'revoked', schema: overlaySchema } },
    errors: ['CONFLICT'],
  },
  getQcSettings: {
    route: 'GET /api/v1/stations/{code}/qc',
    summary: 'QC settings per parameter: registry defaults, override, configuration in force (staff)',
    access: STAFF_ROLES,
    params: codeParams,
    responses: {
      200: {
        description: 'settings',
        schema: z.object({ station: z.string(), pendingJobs: z.number().int(), parameters: z.array(qcParameterSettingsSchema) }),
      },
    },
  },
  updateQcSettings: {
    route: 'PUT /api/v1/stations/{code}/qc',
    summary: "Set or clear one parameter's QC override (admin; audited)",
    description: 'Partial override of the registry defaults (unknown keys rejected); null or {} restores the defaults. Flags change after POST …/qc/recompute.',
    access: ['admin'],
    params: codeParams,
    body: { kind: 'json', schema: updateQcSettingsInput },
    responses: { 200: { description: 'saved', schema: qcParameterSettingsSchema } },
  },
  getRecomputeProgress: {
    route: 'GET /api/v1/stations/{code}/qc/recompute',
    summary: 'Recompute jobs of the station still pending (staff)',
    access: STAFF_ROLES,
    params: codeParams,
    responses: { 200: { description: 'progress', schema: z.object({ station: z.string(), pending: z.number().int() }) } },
  },
  requestRecompute: {
    route: 'POST /api/v1/stations/{code}/qc/recompute',
    summary: 'Recompute QC flags and averages of [from, to) (admin; audited; one job per day)',
    access: ['admin'],
    params: codeParams,
    body: { kind: 'json', schema: recomputeRequestInput },
    responses: { 202: { description: 'queued', schema: z.object({ station: z.string(), queued: z.number().int(), pending: z.number().int() }) } },
  },
  listFlaggedPeriods: {
    route: 'GET /api/v1/stations/{code}/qc/periods',
    summary: 'Flagged periods (suspect, fail, device not measuring) per parameter with reasons (default: 7 days)',
    access: 'authenticated',
    params: codeParams,
    query: z.object(readingWindow),
    responses: {
      200: {
        description: 'periods',
        schema: wholeList(flaggedPeriodSchema).extend({ station: z.string(), truncated: z.boolean().describe('more flagged readings than one answer holds') }),
      },
    },
  },
  countQcFlags: {
    route: 'GET /api/v1/qc/flags',
    summary: 'Readings per local day and QC flag (default: 14 days; facility tokens: own stations)',
    access: 'authenticated',
    query: z.object({ ...readingWindow, station: z.string().min(1).max(64).optional().describe('station code') }),
    responses: { 200: { description: 'counts', schema: wholeList(flagDaySchema) } },
    errors: ['NOT_FOUND'],
  },
  listQcReviewQueue: {
    route: 'GET /api/v1/qc/review',
    summary: 'Readings that failed QC, newest first (default: 14 days; facility tokens: own stations)',
    access: 'authenticated',
    query: z.object({
      ...pageQuery,
      ...readingWindow,
      station: z.string().min(1).max(64).optional().describe('station code'),
      parameter: z.string().min(1).max(32).optional(),
    }),
    responses: { 200: { description: 'failed readings', schema: page(reviewItemSchema) } },
    errors: ['NOT_FOUND'],
  },
});

export const qcRoutes = [
  listOverlays,
  createOverlay,
  revokeOverlay,
  getQcSettings,
  updateQcSettings,
  getRecomputeProgress,
  requestRecompute,
  listFlaggedPeriods,
  countQcFlags,
  listQcReviewQueue,
];
export const qcComponents: Components = {
  request: { CreateOverlay: createOverlayInput, UpdateQcSettings: updateQcSettingsInput, RecomputeRequest: recomputeRequestInput },
  response: { Overlay: overlaySchema, QcConfig: qcConfigSchema, QcParameterSettings: qcParameterSettingsSchema },
};
