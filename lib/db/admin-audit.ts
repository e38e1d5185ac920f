import type { Prisma } from './generated/client';
import { prisma } from './client';

export type AuditJson = Prisma.JsonValue;

export type AuditRow = {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: AuditJson | null;
  after: AuditJson | null;
};

export type AuditFilter = {
  /** Substring of the actor (case-insensitive), e.g. an e-mail. */
  actor?: string;
  entity?: string;
  /** Exact action, or a prefix ending in '.' (e.g. "user."). */
  action?: string;
  entityId?: string;
  /** [from, to) */
  from?: Date;
  to?: Date;
};

function where(f: AuditFilter): Prisma.AuditLogWhereInput {
  return {
    ...(f.actor ? { actor: { contains: f.actor, mode: 'insensitive' } } : {}),
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.action ? (f.action.endsWith('.') ? { action: { startsWith: f.action } } : { action: f.action }) : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
  };
}

/** One page of the audit log, newest first, with the total count for the pager. */
export async function listAuditLog(
  f: AuditFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const w = where(f);
  const [rows, total] = await Promise.all([
    prisma().auditLog.findMany({
      where: w,
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      skip: page.offset,
      take: page.limit,
    }),
    prisma().auditLog.count({ where: w }),
  ]);
  return { rows, total };
}

/** The entities and actions present, for the filter drop-downs. */
export async function listAuditVocabulary(): Promise<{ entities: string[]; actions: string[] }> {
  const [entities, actions] = await Promise.all([
    prisma().auditLog.findMany({ distinct: ['entity'], select: { entity: true }, orderBy: { entity: 'asc' } }),
    prisma().auditLog.findMany({ distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } }),
  ]);
  return { entities: entities.map((e) => e.entity), actions: actions.map((a) => a.action) };
}
