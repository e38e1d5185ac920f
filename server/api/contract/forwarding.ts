import 'server-only';
import { z } from 'zod';
import { forwardingStatusSchema, forwardTargetSchema } from '@/lib/dto/forwarding';
import { createTargetInput, resendInput, statusQuery, updateTargetInput } from '@/lib/services/forwarding';
import { STAFF_ROLES } from '../auth';
import { pageQuery } from '../pagination';
import { idParams, page } from './common';
import { defineRoute, type Components } from './define';

export const getForwardingStatus = defineRoute({
  method: 'GET',
  path: '/api/v1/forwarding/status',
  operationId: 'getForwardingStatus',
  summary: 'Reconciliation per station and local day of receipt: received vs forwarded, pending, failed (staff)',
  description: 'Default: the last 7 days; at most 366 days. `from`/`to` filter the received time.',
  tag: 'forwarding',
  access: STAFF_ROLES,
  query: statusQuery.extend(pageQuery),
  responses: { 200: { description: 'rows', schema: page(forwardingStatusSchema) } },
  errors: ['NOT_FOUND'],
});

export const listForwardTargets = defineRoute({
  method: 'GET',
  path: '/api/v1/forwarding/targets',
  operationId: 'listForwardTargets',
  summary: 'Forwarding targets with health (admin); the password is never returned',
  tag: 'forwarding',
  access: ['admin'],
  query: z.object(pageQuery),
  responses: { 200: { description: 'targets', schema: page(forwardTargetSchema) } },
});

export const createForwardTarget = defineRoute({
  method: 'POST',
  path: '/api/v1/forwarding/targets',
  operationId: 'createForwardTarget',
  summary: 'Add a receiving FTP/FTPS target (admin, audited); the password is stored encrypted (AES-256-GCM)',
  tag: 'forwarding',
  access: ['admin'],
  body: { kind: 'json', schema: createTargetInput },
  responses: { 201: { description: 'created', schema: forwardTargetSchema } },
  errors: ['CONFLICT'],
});

export const getForwardTarget = defineRoute({
  method: 'GET',
  path: '/api/v1/forwarding/targets/{id}',
  operationId: 'getForwardTarget',
  summary: 'One forwarding target with health (admin)',
  tag: 'forwarding',
  access: ['admin'],
  params: idParams,
  responses: { 200: { description: 'target', schema: forwardTargetSchema } },
});

export const updateForwardTarget = defineRoute({
  method: 'PATCH',
  path: '/api/v1/forwarding/targets/{id}',
  operationId: 'updateForwardTarget',
  summary: 'Change a forwarding target (admin, audited); omitted fields and the password are kept',
  tag: 'forwarding',
  access: ['admin'],
  params: idParams,
  body: { kind: 'json', schema: updateTargetInput },
  responses: { 200: { description: 'updated', schema: forwardTargetSchema } },
  errors: ['CONFLICT'],
});

export const resendForwarding = defineRoute({
  method: 'POST',
  path: '/api/v1/forwarding/resend',
  operationId: 'resendForwarding',
  summary: "Queue a station's files received in [from, to) again, sent ones included (admin, operator; audited)",
  tag: 'forwarding',
  access: ['admin', 'operator'],
  body: { kind: 'json', schema: resendInput },
  responses: {
    202: {
      description: 'queued',
      schema: z.object({ requeued: z.number().int(), targets: z.array(z.number().int()).describe('target ids the files were queued for') }),
    },
  },
  errors: ['NOT_FOUND', 'CONFLICT'],
});

export const forwardingRoutes = [getForwardingStatus, listForwardTargets, createForwardTarget, getForwardTarget, updateForwardTarget, resendForwarding];
export const forwardingComponents: Components = {
  request: { CreateForwardTarget: createTargetInput, UpdateForwardTarget: updateTargetInput, Resend: resendInput },
  response: { ForwardTarget: forwardTargetSchema, ForwardingStatus: forwardingStatusSchema },
};
