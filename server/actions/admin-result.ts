import 'server-only';
import type { AppErrorCode } from '@/lib/errors';
import { issuesText, toFormFailure } from './form';

/**
 * What an admin form gets back: ok (with a secret to show once, when one was generated) or an error code with
 * readable details. Never a stack trace, never a hash. Same shape as components/admin/types.ts AdminFormState.
 */
export type AdminActionState =
  { ok: true; at: number; secret?: string; subject?: string } | { ok: false; at: number; error: AppErrorCode; details: string } | null;

export function fail(e: unknown): AdminActionState {
  return { ...toFormFailure(e, 'admin action', (a) => issuesText(a) || a.message), at: Date.now() };
}

export const done = (extra: { secret?: string; subject?: string } = {}): AdminActionState => ({ ok: true, at: Date.now(), ...extra });
