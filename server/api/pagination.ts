import 'server-only';
import { z } from 'zod';
import { AppError } from '@/lib/errors';

/**
 * Lists return `{items, nextCursor}` and page with `?limit=&cursor=`. Cursors are opaque (base64url of a key the
 * endpoint chooses: a code, an id or a time in ms).
 */
export type Page<T> = { items: T[]; nextCursor: string | null };

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT).describe(`page size (default ${DEFAULT_LIMIT}, max ${MAX_LIMIT})`),
  cursor: z.string().max(500).optional().describe('nextCursor of the previous page'),
};

export function encodeCursor(key: string | number): string {
  return Buffer.from(String(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const key = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!key) throw new AppError('VALIDATION', 'invalid cursor', [{ path: 'query.cursor', message: 'not a cursor from this API' }]);
  return key;
}

export function decodeIntCursor(cursor: string): number {
  const n = Number(decodeCursor(cursor));
  if (!Number.isSafeInteger(n)) throw new AppError('VALIDATION', 'invalid cursor', [{ path: 'query.cursor', message: 'not a cursor from this API' }]);
  return n;
}

/** A cursor holding a row id (int4): anything larger was not issued by this API. */
export function decodeIdCursor(cursor: string): number {
  const n = decodeIntCursor(cursor);
  if (n < 0 || n > 2_147_483_647) throw new AppError('VALIDATION', 'invalid cursor', [{ path: 'query.cursor', message: 'not a cursor from this API' }]);
  return n;
}

export function decodeTimeCursor(cursor: string): Date {
  return new Date(decodeIntCursor(cursor));
}

/** Pages an in-memory list by a unique string key (code-point order, whatever the database collation). */
export function pageByKey<T>(items: readonly T[], keyOf: (t: T) => string, limit: number, cursor?: string): Page<T> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  const sorted = [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const rest = after === undefined ? sorted : sorted.filter((t) => keyOf(t) > after);
  const page = rest.slice(0, limit);
  const last = page.at(-1);
  return { items: page, nextCursor: rest.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
