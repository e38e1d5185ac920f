import 'server-only';
import type { Role } from '@/lib/db/users';
import { authenticateToken } from '@/lib/services/accounts';

/** What a caller may see is decided in one place: lib/services/stations (access). */
export { scopeFor } from '@/lib/services/stations';

/**
 * Who is calling the API. Today: a bearer token (`Authorization: Bearer qt_…`). A browser session can be added here
 * (the UI's next-auth session) without touching the routes: `authenticate` is the only entry point they use.
 */
export type Principal = {
  kind: 'token' | 'session';
  id: number;
  /** Token name or user e-mail; recorded as the actor of changes and as the ingest account. */
  name: string;
  role: Role;
  facilityId: number | null;
};

export const STAFF_ROLES = ['admin', 'operator', 'inspector', 'manager'] as const satisfies readonly Role[];
export const ALL_ROLES = ['admin', 'operator', 'inspector', 'manager', 'facility'] as const satisfies readonly Role[];

export function bearerToken(req: Request): string | null {
  const header = req.headers.get('authorization');
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? null;
}

/** The caller, or null when no valid credentials were presented. */
export async function authenticate(req: Request): Promise<Principal | null> {
  const token = bearerToken(req);
  if (token) {
    const row = await authenticateToken(token);
    if (!row) return null;
    return { kind: 'token', id: row.id, name: row.name, role: row.role, facilityId: row.facilityId };
  }
  return null;
}

/** Actor string for the audit log. */
export function actorOf(p: Principal | null): string {
  if (!p) return 'anonymous';
  return `${p.kind}:${p.name}`;
}
