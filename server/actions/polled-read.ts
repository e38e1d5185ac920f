import 'server-only';
import { isAppError } from '@/lib/errors';
import { requireActionUser } from '@/server/auth/session';

/** What a screen polls through an action: the data, or why not (signed out or refused; anything else). */
export type PolledRead<T> = { ok: true; data: T } | { ok: false; error: 'UNAUTHORIZED' | 'INTERNAL' };

/**
 * Runs `load` for any signed-in user (the caller is checked here; `load` scopes the data). `name` labels the log line
 * of an unexpected failure.
 */
export async function readForUser<T>(name: string, load: () => Promise<T>): Promise<PolledRead<T>> {
  try {
    await requireActionUser();
    return { ok: true, data: await load() };
  } catch (e) {
    if (isAppError(e) && (e.code === 'UNAUTHORIZED' || e.code === 'FORBIDDEN')) return { ok: false, error: 'UNAUTHORIZED' };
    console.error(`${name} failed`, e);
    return { ok: false, error: 'INTERNAL' };
  }
}
