import 'server-only';
import { z } from 'zod';
import { isAppError, type AppErrorCode } from '@/lib/errors';
import type { AdminActor } from '@/lib/services/accounts';
import { requireActionUser } from '@/server/auth/session';

/**
 * What an admin form gets back: ok (with a secret to show once, when one was generated) or an error code with
 * readable details. Never a stack trace, never a hash. Same shape as components/admin/types.ts AdminFormState.
 */
export type AdminActionState =
  { ok: true; at: number; secret?: string; subject?: string } | { ok: false; at: number; error: AppErrorCode; details: string } | null;

export function fail(e: unknown): AdminActionState {
  if (e instanceof z.ZodError) {
    return { ok: false, at: Date.now(), error: 'VALIDATION', details: e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  }
  if (isAppError(e)) {
    const issues = Array.isArray(e.details) ? (e.details as { path?: unknown; message?: unknown }[]) : [];
    const details = issues.length > 0 ? issues.map((i) => `${String(i.path ?? '')}: ${String(i.message ?? '')}`).join('; ') : e.message;
    return { ok: false, at: Date.now(), error: e.code, details };
  }
  console.error('admin action failed', e);
  return { ok: false, at: Date.now(), error: 'INTERNAL', details: '' };
}

export const done = (extra: { secret?: string; subject?: string } = {}): AdminActionState => ({ ok: true, at: Date.now(), ...extra });

/** The signed-in admin as the services want it; FORBIDDEN for every other role, UNAUTHORIZED when signed out. */
export async function requireAdminActor(): Promise<AdminActor> {
  const user = await requireActionUser(['admin']);
  return { email: user.email, role: user.role };
}

/** A trimmed text field; undefined when absent or blank. */
export function text(fd: FormData, key: string): string | undefined {
  const v = fd.get(key);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** A number typed with a decimal comma or point (Vietnamese forms use the comma). */
export function decimal(fd: FormData, key: string): number | undefined {
  const v = text(fd, key);
  return v === undefined ? undefined : Number(v.replace(',', '.'));
}

export function integer(fd: FormData, key: string): number | undefined {
  const v = text(fd, key);
  return v === undefined ? undefined : Number(v);
}

export const positiveId = z.coerce.number().int().positive();

/** Aliases typed as one field: separated by commas, semicolons or spaces. */
export function list(fd: FormData, key: string): string[] {
  return (text(fd, key) ?? '')
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
