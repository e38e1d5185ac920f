import { env } from '@/lib/env';

/**
 * The secret that signs session JWTs: NEXTAUTH_SECRET, else AUTH_SECRET. Shared by the auth options and proxy.ts
 * (which must not import `server-only` modules, so this file does not).
 */
export function authSecret(): string | undefined {
  const e = env();
  return e.NEXTAUTH_SECRET || e.AUTH_SECRET || undefined;
}
