'use server';
import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { appendAudit } from '@/lib/db/audit';
import { resolveReadingConflict } from '@/lib/db/conflicts';
import { isAppError } from '@/lib/errors';
import { requireActionUser } from '@/server/auth/session';
import { CONFLICT_RESOLVER_ROLES, findConflictInScope } from '@/server/queries/ingest';

export type ResolveConflictResult =
  | { ok: true }
  | { ok: false; error: 'UNAUTHORIZED' | 'FORBIDDEN' | 'VALIDATION' | 'NOT_FOUND' | 'INTERNAL' };

const input = z.object({ id: z.number().int().positive().max(2_147_483_647) });

/**
 * Marks a reading conflict as reviewed ("Đánh dấu đã xem"). The stored value stays: this records that someone looked.
 * A public POST like any action: role, input and scope are checked here.
 */
export async function resolveConflictAction(raw: unknown): Promise<ResolveConflictResult> {
  try {
    const user = await requireActionUser(CONFLICT_RESOLVER_ROLES);
    const parsed = input.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'VALIDATION' };
    const conflict = await findConflictInScope(user, parsed.data.id);
    if (!conflict) return { ok: false, error: 'NOT_FOUND' };
    const at = new Date();
    // Already reviewed by someone else: nothing to record, the panel just refreshes.
    if (await resolveReadingConflict(conflict.id, user.email, at)) {
      await appendAudit({
        actor: user.email,
        action: 'reading_conflict.resolve',
        entity: 'reading_conflict',
        entityId: conflict.id,
        before: { resolvedAt: null },
        after: {
          resolvedAt: at.toISOString(),
          resolvedBy: user.email,
          station: conflict.stationCode,
          parameter: conflict.parameter,
          time: conflict.time.toISOString(),
          storedValue: conflict.storedValue,
          newValue: conflict.newValue,
          fileId: conflict.fileId,
        },
      });
    }
    revalidatePath('/ingest', 'layout');
    return { ok: true };
  } catch (e) {
    if (isAppError(e) && (e.code === 'UNAUTHORIZED' || e.code === 'FORBIDDEN')) return { ok: false, error: e.code };
    console.error('resolveConflictAction failed', e);
    return { ok: false, error: 'INTERNAL' };
  }
}
