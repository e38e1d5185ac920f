'use server';
import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { isAppError, type AppErrorCode } from '@/lib/errors';
import {
  listInappForUser,
  markInappNotificationsRead,
  saveSubscriptionSettings,
  type InappNotification,
} from '@/lib/services/notifications';
import { requireActionUser } from '@/server/auth/session';

/** The bell (polled) and the per-user notification settings. Every user acts only on their own rows. */
export type BellResult = { ok: true; unread: number; items: InappNotification[] } | { ok: false; error: AppErrorCode };

export async function getBellAction(): Promise<BellResult> {
  try {
    const user = await requireActionUser();
    return { ok: true, ...(await listInappForUser(user.id, 8)) };
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: e.code };
    console.error('getBellAction failed', e);
    return { ok: false, error: 'INTERNAL' };
  }
}

const readInput = z.union([z.literal('all'), z.array(z.number().int().positive().max(2_147_483_647)).max(200)]);

export async function markNotificationsReadAction(raw: unknown): Promise<{ ok: boolean }> {
  try {
    const user = await requireActionUser();
    const parsed = readInput.safeParse(raw);
    if (!parsed.success) return { ok: false };
    await markInappNotificationsRead(user.id, parsed.data);
    return { ok: true };
  } catch (e) {
    if (!isAppError(e)) console.error('markNotificationsReadAction failed', e);
    return { ok: false };
  }
}

export type SaveSubscriptionsResult = { ok: true } | { ok: false; error: AppErrorCode; message?: string };

export async function saveSubscriptionsAction(raw: unknown): Promise<SaveSubscriptionsResult> {
  try {
    const user = await requireActionUser();
    await saveSubscriptionSettings(user, raw);
    revalidatePath('/settings/notifications');
    return { ok: true };
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: e.code, message: e.message };
    console.error('saveSubscriptionsAction failed', e);
    return { ok: false, error: 'INTERNAL' };
  }
}
