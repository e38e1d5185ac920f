import { z } from 'zod';
import { appendAudit } from '../../db/audit';
import {
  createForwardTarget,
  findForwardTarget,
  findForwardTargetByName,
  forwardingReconciliation,
  listForwardTargets,
  listForwardTargetSecrets,
  requeueForwarding,
  targetQueueStats,
  updateForwardTarget,
  type ForwardTargetData,
  type ForwardTargetRow,
  type ReconciliationRow,
} from '../../db/forwarding';
import { findStationByCode } from '../../db/stations';
import { DEFAULT_PATH_TEMPLATE, pathTemplateProblem, rootFolderProblem } from '../../domain/forward-path';
import { DAY_MS, startOfLocalDay } from '../../domain/time';
import { AppError } from '../../errors';
import { openSecret, sealSecret } from './secret-box';
import { isUniqueViolation } from '../../db/errors';
import { isoInstant } from '../../domain/time';

/** Forwarding to the ministry (DOMAIN.md §10): targets, their health, reconciliation and resend. */

/** Trimmed text of at most `max` characters that `problem` accepts (it names what is wrong, or returns null). */
const checkedText = (max: number, problem: (v: string) => string | null) =>
  z
    .string()
    .trim()
    .max(max)
    .superRefine((v, ctx) => {
      const p = problem(v);
      if (p) ctx.addIssue({ code: 'custom', message: p });
    });
const templateField = checkedText(500, pathTemplateProblem);
const rootField = checkedText(300, rootFolderProblem);
const hostField = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:_-]+$/, 'a host name or IP address');

const protocolField = z.enum(['ftp', 'ftps']);
const portField = z.coerce.number().int().min(1).max(65535);

export const createTargetInput = z.object({
  name: z.string().trim().min(1).max(100),
  protocol: protocolField.default('ftp'),
  host: hostField,
  port: portField.default(21),
  username: z.string().min(1).max(200),
  password: z.string().max(500),
  rootFolder: rootField.default('/'),
  pathTemplate: templateField.default(DEFAULT_PATH_TEMPLATE),
  enabled: z.boolean().default(true),
});
export type CreateTargetInput = z.input<typeof createTargetInput>;

/** Every field optional; an omitted password keeps the stored one. */
export const updateTargetInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    protocol: protocolField,
    host: hostField,
    port: portField,
    username: z.string().min(1).max(200),
    password: z.string().max(500),
    rootFolder: rootField,
    pathTemplate: templateField,
    enabled: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateTargetInput = z.input<typeof updateTargetInput>;

/** A target as shown to admins: settings and health; the password never leaves the server. */
export type ForwardTargetView = Omit<ForwardTargetRow, 'createdAt' | 'updatedAt'> & {
  createdAt: Date;
  updatedAt: Date;
  queue: { pending: number; failed: number; depth: number; oldestQueuedAt: Date | null; nextTryAt: Date | null };
};

/** A target's settings as people see them (audit log, admin screens): everything but the password. */
export function targetSettings(t: ForwardTargetRow) {
  return {
    name: t.name,
    protocol: t.protocol,
    host: t.host,
    port: t.port,
    username: t.username,
    rootFolder: t.rootFolder,
    pathTemplate: t.pathTemplate,
    enabled: t.enabled,
  };
}

export async function createTargetService(raw: unknown, actor: string): Promise<ForwardTargetRow> {
  const input = createTargetInput.parse(raw);
  if (await findForwardTargetByName(input.name)) throw new AppError('CONFLICT', `a target named '${input.name}' already exists`);
  const { password, ...rest } = input;
  let target: ForwardTargetRow;
  try {
    target = await createForwardTarget({ ...rest, passwordEnc: sealSecret(password) });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', `a target named '${input.name}' already exists`);
    throw e;
  }
  await appendAudit({ actor, action: 'forward_target.create', entity: 'forward_target', entityId: target.id, after: targetSettings(target) });
  return target;
}

export async function updateTargetService(id: number, raw: unknown, actor: string): Promise<ForwardTargetRow> {
  const input = updateTargetInput.parse(raw);
  const before = await findForwardTarget(id);
  if (!before) throw new AppError('NOT_FOUND', `no forwarding target ${id}`);
  const { password, ...rest } = input;
  const data: Partial<ForwardTargetData> = { ...rest, ...(password !== undefined ? { passwordEnc: sealSecret(password) } : {}) };
  let after: ForwardTargetRow | null;
  try {
    after = await updateForwardTarget(id, data);
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', `a target named '${input.name ?? ''}' already exists`);
    throw e;
  }
  if (!after) throw new AppError('NOT_FOUND', `no forwarding target ${id}`);
  await appendAudit({
    actor,
    action: 'forward_target.update',
    entity: 'forward_target',
    entityId: id,
    before: targetSettings(before),
    after: { ...targetSettings(after), passwordChanged: password !== undefined },
  });
  return after;
}

export async function listTargetsService(): Promise<ForwardTargetView[]> {
  const [targets, stats] = await Promise.all([listForwardTargets(), targetQueueStats()]);
  return targets.map((t) => {
    const s = stats.get(t.id);
    return {
      ...t,
      queue: {
        pending: s?.pending ?? 0,
        failed: s?.failed ?? 0,
        depth: (s?.pending ?? 0) + (s?.failed ?? 0),
        oldestQueuedAt: s?.oldestQueuedAt ?? null,
        nextTryAt: s?.nextTryAt ?? null,
      },
    };
  });
}

/** Connection settings with the decrypted password, for the worker. */
export type TargetConnection = ForwardTargetRow & { password: string };

export async function loadTargetConnections(ids: readonly number[]): Promise<Map<number, TargetConnection | { id: number; error: string }>> {
  const rows = await listForwardTargetSecrets(ids);
  const out = new Map<number, TargetConnection | { id: number; error: string }>();
  for (const { passwordEnc, ...t } of rows) {
    try {
      out.set(t.id, { ...t, password: openSecret(passwordEnc) });
    } catch (e) {
      out.set(t.id, { id: t.id, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Reconciliation and resend

export const statusQuery = z.object({
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  station: z.string().trim().min(1).max(64).optional(),
  target: z.coerce.number().int().positive().optional(),
});
export type StatusQuery = z.input<typeof statusQuery>;

/** Longest reconciliation window in one request. */
export const MAX_STATUS_DAYS = 366;

/** Default window: the last 7 local days up to now. */
export function defaultStatusWindow(now: Date): { from: Date; to: Date } {
  return { from: startOfLocalDay(now, -6), to: now };
}

export async function forwardingStatusService(raw: StatusQuery, now: Date = new Date()): Promise<ReconciliationRow[]> {
  const q = statusQuery.parse(raw);
  const window = defaultStatusWindow(now);
  const to = q.to ?? (q.from ? new Date(q.from.getTime() + 7 * DAY_MS) : window.to);
  const from = q.from ?? startOfLocalDay(to, -6);
  if (from >= to) throw new AppError('VALIDATION', '`from` must be before `to`', [{ path: 'query.from', message: 'must be before to' }]);
  if (to.getTime() - from.getTime() > MAX_STATUS_DAYS * DAY_MS) {
    throw new AppError('VALIDATION', `at most ${MAX_STATUS_DAYS} days at a time`, [{ path: 'query.to', message: 'range too long' }]);
  }
  let stationIds: number[] | undefined;
  if (q.station) {
    const s = await findStationByCode(q.station);
    if (!s) throw new AppError('NOT_FOUND', `no station '${q.station}'`);
    stationIds = [s.id];
  }
  if (q.target !== undefined && !(await findForwardTarget(q.target))) throw new AppError('NOT_FOUND', `no forwarding target ${q.target}`);
  return forwardingReconciliation({ from, to, stationIds, targetId: q.target });
}

export const resendInput = z
  .object({
    station: z.string().trim().min(1).max(64),
    from: isoInstant,
    to: isoInstant,
    /** Only this target; default every enabled target. */
    target: z.coerce.number().int().positive().optional(),
  })
  .refine((v) => v.from < v.to, { message: '`from` must be before `to`', path: ['from'] })
  .refine((v) => v.to.getTime() - v.from.getTime() <= MAX_STATUS_DAYS * DAY_MS, { message: `at most ${MAX_STATUS_DAYS} days`, path: ['to'] });
export type ResendInput = z.input<typeof resendInput>;

/** Re-queues a station's files received in [from, to): sent jobs go out again, missing ones are created. Audited. */
export async function resendService(raw: ResendInput, actor: string): Promise<{ requeued: number; targets: number[] }> {
  const input = resendInput.parse(raw);
  const station = await findStationByCode(input.station);
  if (!station) throw new AppError('NOT_FOUND', `no station '${input.station}'`);
  let targetIds: number[];
  if (input.target !== undefined) {
    const t = await findForwardTarget(input.target);
    if (!t) throw new AppError('NOT_FOUND', `no forwarding target ${input.target}`);
    targetIds = [t.id];
  } else {
    targetIds = (await listForwardTargets()).filter((t) => t.enabled).map((t) => t.id);
  }
  if (targetIds.length === 0) throw new AppError('CONFLICT', 'no enabled forwarding target');
  const requeued = await requeueForwarding({ stationId: station.id, from: input.from, to: input.to, targetIds });
  await appendAudit({
    actor,
    action: 'forwarding.resend',
    entity: 'station',
    entityId: station.code,
    after: { from: input.from.toISOString(), to: input.to.toISOString(), targets: targetIds, requeued },
  });
  return { requeued, targets: targetIds };
}
