'use server';
import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { MINUTE_MS, parseLocalDate, startOfLocalDay } from '@/lib/domain/time';
import { isAppError, type AppErrorCode } from '@/lib/errors';
import { acknowledgeAlert, acknowledgeAlerts, DISPOSITIONS, setDisposition } from '@/lib/services/alerts';
import { notifyAlertEvent } from '@/lib/services/notifications';
import { requireActionUser } from '@/server/auth/session';
import { scopeFor } from '@/lib/services/stations';

/** UI mutations of an alert. Public POSTs: role, input and facility scope are checked here and in the service. */
export type AlertActionResult = { ok: true } | { ok: false; error: AppErrorCode };

function failure(e: unknown, what: string): AlertActionResult {
  if (isAppError(e)) return { ok: false, error: e.code };
  if (e instanceof z.ZodError) return { ok: false, error: 'VALIDATION' };
  console.error(`${what} failed`, e);
  return { ok: false, error: 'INTERNAL' };
}

const id = z.number().int().positive().max(2_147_483_647);
const ackInput = z.object({ id, note: z.string().trim().max(2000).optional() });

export async function acknowledgeAlertAction(raw: unknown): Promise<AlertActionResult> {
  try {
    const user = await requireActionUser(['operator', 'inspector']);
    const parsed = ackInput.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'VALIDATION' };
    await acknowledgeAlert({ id: parsed.data.id, actor: user.email, note: parsed.data.note || undefined }, scopeFor(user));
    revalidatePath(`/alerts/${parsed.data.id}`);
    revalidatePath('/alerts');
    return { ok: true };
  } catch (e) {
    return failure(e, 'acknowledgeAlertAction');
  }
}

/** The list's "acknowledge selected" form: FormData with `ids` (checkboxes). Operators and inspectors. */
export async function acknowledgeSelectedAlertsAction(form: FormData): Promise<void> {
  const user = await requireActionUser(['operator', 'inspector']);
  const ids = form
    .getAll('ids')
    .map((v) => Number(v))
    .filter((n) => Number.isSafeInteger(n) && n > 0);
  if (ids.length > 0) await acknowledgeAlerts({ ids, actor: user.email }, scopeFor(user));
  revalidatePath('/alerts');
}

const dispositionInput = z.object({
  id,
  disposition: z.enum(DISPOSITIONS),
  note: z.string().trim().min(1).max(4000),
  assigneeId: z.number().int().positive().nullable(),
  /** dd/MM/yyyy (local); the end of that day is the due time. */
  dueDate: z.string().trim().max(20).nullable(),
});

export async function setDispositionAction(raw: unknown): Promise<AlertActionResult> {
  try {
    const user = await requireActionUser(['inspector']);
    const parsed = dispositionInput.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'VALIDATION' };
    const v = parsed.data;
    let dueAt: Date | null = null;
    if (v.dueDate) {
      const day = parseLocalDate(v.dueDate);
      if (!day) return { ok: false, error: 'VALIDATION' };
      dueAt = new Date(startOfLocalDay(day, 1).getTime() - MINUTE_MS);
    }
    await setDisposition(
      { id: v.id, actor: user.email, disposition: v.disposition, note: v.note, assigneeId: v.assigneeId, dueAt },
      scopeFor(user),
    );
    // Subscribers hear about the decision now rather than at the next poll (never throws).
    await notifyAlertEvent(v.id, 'disposition');
    revalidatePath(`/alerts/${v.id}`);
    revalidatePath('/alerts');
    return { ok: true };
  } catch (e) {
    return failure(e, 'setDispositionAction');
  }
}
