import 'server-only';
import { z } from 'zod';
import { forwardingStatusSchema, forwardTargetSchema } from '@/lib/dto/forwarding';
import { createTargetInput, resendInput, statusQuery, updateTargetInput } from '@/lib/services/forwarding';
import { STAFF_ROLES } from '../auth';
import { pageQuery } from '../pagination';
import { idParams, page } from './common';
import { defineRoutes, type Components } from './define';

export const {
  getForwardingStatus,
  listForwardTargets,
  createForwardTarget,
  getForwardTarget,
  updateForwardTarget,
  resendForwarding,
} = defineRoutes('forwarding', {
  getForwardingStatus: {
    route: 'GET /api/v1/forwarding/status',
    summary: 'Reconciliation per station and local day of receipt: received vs forwarded, pending, failed (staff)',
    description: 'Default: the last 7 days; at most 366 days. `from`/`to` filter the received time.',
    access: STAFF_ROLES,
    query: statusQuery.extend(pageQuery),
    responses: { 200: { description: 'rows', schema: page(forwardingStatusSchema) } },
    errors: ['NOT_FOUND'],
  },
  listForwardTargets: {
    route: 'GET /api/v1/forwarding/targets',
    summary: 'Forwarding targets with health (admin); the password is never returned',
    access: ['admin'],
    query: z.object(pageQuery),
    responses: { 200: { description: 'targets', schema: page(forwardTargetSchema) } },
  },
  createForwardTarget: {
    route: 'POST /api/v1/forwarding/targets',
    summary: 'Add a receiving FTP/FTPS target (admin, audited); the password is stored encrypted (AES-256-GCM)',
    access: ['admin'],
    body: { kind: 'json', schema: createTargetInput },
    responses: { 201: { description: 'created', schema: forwardTargetSchema } },
    errors: ['CONFLICT'],
  },
  getForwardTarget: {
    route: 'GET /api/v1/forwarding/targets/{id}',
    summary: 'One forwarding target with health (admin)',
    access: ['admin'],
    params: idParams,
    responses: { 200: { description: 'target', schema: forwardTargetSchema } },
  },
  updateForwardTarget: {
    route: 'PATCH /api/v1/forwarding/targets/{id}',
    summary: 'Change a forwarding target (admin, audited); omitted fields and the password are kept',
    access: ['admin'],
    params: idParams,
    body: { kind: 'json', schema: updateTargetInput },
    responses: { 200: { description: 'updated', schema: forwardTargetSchema } },
    errors: ['CONFLICT'],
  },
  resendForwarding: {
    route: 'POST /api/v1/forwarding/resend',
    summary: "Queue a station's files received in [from, to) again, sent ones included (admin, operator; audited)",
    access: ['admin', 'operator'],
    body: { kind: 'json', schema: resendInput },
    responses: {
      202: {
        description: 'queued',
        schema: z.object({ requeued: z.number().int(), targets: z.array(z.number().int()).describe('target ids the files were queued for') }),
      },
    },
    errors: ['NOT_FOUND', 'CONFLICT'],
  },
});

export const forwardingRoutes = [getForwardingStatus, listForwardTargets, createForwardTarget, getForwardTarget, updateForwardTarget, resendForwarding];
export const forwardingComponents: Components = {
  request: { CreateForwardTarget: createTargetInput, UpdateForwardTarget: updateTargetInput, Resend: resendInput },
  response: { ForwardTarget: forwardTargetSchema, ForwardingStatus: forwardingStatusSchema },
};
