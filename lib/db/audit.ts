import { prisma } from './client';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** Appends to the audit log (the database refuses updates and deletes of it). */
export async function appendAudit(e: {
  actor: string;
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: Json;
  after?: Json;
}): Promise<void> {
  await prisma().auditLog.create({
    data: {
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId == null ? null : String(e.entityId),
      before: e.before ?? undefined,
      after: e.after ?? undefined,
    },
  });
}
