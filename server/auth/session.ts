import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { notFound, redirect } from 'next/navigation';
import { AppError } from '@/lib/errors';
import { findUserByEmail, type Role } from '@/lib/db/users';
import { authOptions } from './options';

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  facilityId: number | null;
};

export const STAFF_ROLES = ['admin', 'operator', 'inspector', 'manager'] as const satisfies readonly Role[];

/**
 * The signed-in user, re-read from the database once per request so that a disabled account or a changed role takes
 * effect at once rather than when the JWT expires. Null when not signed in or no longer allowed.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const email = session?.user?.email;
  if (!email) return null;
  const row = await findUserByEmail(email);
  if (!row || row.disabledAt || row.id !== session.user.id) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, facilityId: row.facilityId };
});

/**
 * For pages and page queries: redirects to /login when nobody is signed in; a role outside `roles` gets a 404
 * (the page's existence is not revealed).
 */
export async function requireUser(roles?: readonly Role[]): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect('/login');
  if (roles && !roles.includes(user.role)) notFound();
  return user;
}

/** For server actions (public POST endpoints): throws AppError instead of redirecting. */
export async function requireActionUser(roles?: readonly Role[]): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AppError('UNAUTHORIZED', 'Not signed in');
  if (roles && !roles.includes(user.role)) throw new AppError('FORBIDDEN', 'Not allowed for this role');
  return user;
}
