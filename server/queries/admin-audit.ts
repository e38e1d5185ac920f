import 'server-only';
import { z } from 'zod';
import type { AuditRow } from '@/lib/db/admin-audit';
import { isAppError } from '@/lib/errors';
import { listAuditForAdmin } from '@/lib/services/audit';
import { requireUser } from '@/server/auth/session';

export type AuditEntryDto = Omit<AuditRow, 'at'> & { at: string };

export type AuditFilterValues = { actor: string; entity: string; action: string; entityId: string; from: string; to: string };

export type AdminAuditPage = {
  entries: AuditEntryDto[];
  total: number;
  page: number;
  pageCount: number;
  entities: string[];
  actions: string[];
  filter: AuditFilterValues;
  /** A filter the service refused (a date not in dd/MM/yyyy); the page shows it instead of the rows. */
  error: string | null;
};

/** Admins only: one page of the audit log with the filters as typed (so the form shows them back). */
export async function getAdminAudit(search: Record<string, string | undefined>): Promise<AdminAuditPage> {
  const u = await requireUser(['admin']);
  const filter: AuditFilterValues = {
    actor: search.actor ?? '',
    entity: search.entity ?? '',
    action: search.action ?? '',
    entityId: search.entityId ?? '',
    from: search.from ?? '',
    to: search.to ?? '',
  };
  try {
    const r = await listAuditForAdmin(
      { email: u.email, role: u.role },
      {
        actor: filter.actor || undefined,
        entity: filter.entity || undefined,
        action: filter.action || undefined,
        entityId: filter.entityId || undefined,
        from: filter.from || undefined,
        to: filter.to || undefined,
        page: search.page || undefined,
      },
    );
    return {
      entries: r.rows.map((e) => ({ ...e, at: e.at.toISOString() })),
      total: r.total,
      page: r.page,
      pageCount: r.pageCount,
      entities: r.entities,
      actions: r.actions,
      filter,
      error: null,
    };
  } catch (e) {
    const invalid =
      e instanceof z.ZodError
        ? e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
        : isAppError(e) && e.code === 'VALIDATION'
          ? e.message
          : null;
    if (invalid !== null) {
      return { entries: [], total: 0, page: 1, pageCount: 1, entities: [], actions: [], filter, error: invalid };
    }
    throw e;
  }
}
