import 'server-only';
import { z } from 'zod';
import type { Role } from '@/lib/db/users';
import { isAppError, type AppError, type AppErrorCode } from '@/lib/errors';
import { requireActionUser, type SessionUser } from '@/server/auth/session';

/** What the forms of server actions share: the frame of an action, its failure state and the field readers. */

/** A form's failure: the error code and a readable line; never a stack trace. */
export type FormFailure = { ok: false; error: AppErrorCode; details: string };

/** `path: message; …` of a zod error, or of an AppError's details when they are such a list ('' otherwise). */
export function issuesText(e: z.ZodError | AppError): string {
  if (e instanceof z.ZodError) return e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  const issues = Array.isArray(e.details) ? (e.details as { path?: unknown; message?: unknown }[]) : [];
  return issues.map((i) => `${String(i.path ?? '')}: ${String(i.message ?? '')}`).join('; ');
}

/**
 * Anything an action threw, as its form shows it: VALIDATION with the zod issues, an AppError's own code with
 * `details(e)`, otherwise INTERNAL without details (logged as "<label> failed").
 */
export function toFormFailure(e: unknown, label: string, details: (e: AppError) => string): FormFailure {
  if (e instanceof z.ZodError) return { ok: false, error: 'VALIDATION', details: issuesText(e) };
  if (isAppError(e)) return { ok: false, error: e.code, details: details(e) };
  console.error(`${label} failed`, e);
  return { ok: false, error: 'INTERNAL', details: '' };
}

/**
 * The frame of a form action `(previous state, form)`: the caller's role is checked before anything else, then `body`
 * runs; whatever is thrown (UNAUTHORIZED / FORBIDDEN included) becomes the form state `onError(e)`.
 */
export function formAction<S>(
  roles: readonly Role[],
  onError: (e: unknown) => S,
  body: (user: SessionUser, fd: FormData) => Promise<S>,
): (prev: S, fd: FormData) => Promise<S> {
  return async (_prev, fd) => {
    try {
      return await body(await requireActionUser(roles), fd);
    } catch (e) {
      return onError(e);
    }
  };
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
