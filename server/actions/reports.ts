'use server';
import 'server-only';
import { revalidatePath } from 'next/cache';
import { isAppError } from '@/lib/errors';
import { MONTHLY_REPORT_ROLES, setMonthlySubscription } from '@/lib/services/reports';
import { requireActionUser } from '@/server/auth/session';

export type MonthlySubscriptionActionResult = { ok: true } | { ok: false; message: string };

/** The caller's own opt-in to the monthly report e-mail (staff only). */
export async function saveMonthlySubscriptionAction(raw: unknown): Promise<MonthlySubscriptionActionResult> {
  try {
    const user = await requireActionUser([...MONTHLY_REPORT_ROLES]);
    await setMonthlySubscription(user, raw);
    revalidatePath('/settings/notifications');
    return { ok: true };
  } catch (e) {
    if (isAppError(e)) return { ok: false, message: e.message };
    if (e && typeof e === 'object' && 'issues' in e) return { ok: false, message: 'invalid input' };
    console.error('saveMonthlySubscriptionAction failed', e);
    return { ok: false, message: 'internal error' };
  }
}
