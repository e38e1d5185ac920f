import { z } from 'zod';
import { listAuditLog, listAuditVocabulary, type AuditRow } from '../../db/admin-audit';
import { parseLocalDate, startOfLocalDay } from '../../domain/time';
import { AppError } from '../../errors';
import { assertAdmin, type AdminActor } from '../accounts';

/** The audit log is read-only here (the database refuses updates and deletes); admins page and filter it. */
export const AUDIT_PAGE_SIZE = 50;

export const auditQueryInput = z.object({
  actor: z.string().trim().max(254).optional(),
  entity: z.string().trim().max(64).optional(),
  action: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(100).optional(),
  /** dd/MM/yyyy local days, both inclusive. */
  from: z.string().trim().max(10).optional(),
  to: z.string().trim().max(10).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type AuditQueryInput = z.input<typeof auditQueryInput>;

export type AuditPage = {
  rows: AuditRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  entities: string[];
  actions: string[];
};

function dayOrThrow(text: string | undefined, field: 'from' | 'to'): Date | undefined {
  if (!text) return undefined;
  const d = parseLocalDate(text);
  if (!d) throw new AppError('VALIDATION', `${field}: expected dd/MM/yyyy`, [{ path: field, message: 'expected dd/MM/yyyy' }]);
  return d;
}

/** One page, newest first. `to` is inclusive: the whole local day it names is included. */
export async function listAuditForAdmin(actor: AdminActor, raw: AuditQueryInput): Promise<AuditPage> {
  assertAdmin(actor);
  const q = auditQueryInput.parse(raw);
  const from = dayOrThrow(q.from, 'from');
  const toDay = dayOrThrow(q.to, 'to');
  const to = toDay ? startOfLocalDay(toDay, 1) : undefined;
  if (from && to && from >= to)
    throw new AppError('VALIDATION', 'from must not be after to', [{ path: 'from', message: 'from must not be after to' }]);
  const filter = {
    actor: q.actor || undefined,
    entity: q.entity || undefined,
    action: q.action || undefined,
    entityId: q.entityId || undefined,
    from,
    to,
  };
  const [vocabulary, first] = await Promise.all([
    listAuditVocabulary(),
    listAuditLog(filter, { offset: (q.page - 1) * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE }),
  ]);
  const pageCount = Math.max(1, Math.ceil(first.total / AUDIT_PAGE_SIZE));
  // A page past the end (a stale link after filtering) shows the last page rather than an empty table.
  const result =
    q.page > pageCount ? await listAuditLog(filter, { offset: (pageCount - 1) * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE }) : first;
  return { rows: result.rows, total: result.total, page: Math.min(q.page, pageCount), pageCount, pageSize: AUDIT_PAGE_SIZE, ...vocabulary };
}
