import 'server-only';
import type { Role } from '@/lib/db/users';
import { currentUser, requireUser } from '@/server/auth/session';

export type ShellUser = { name: string; email: string; role: Role };

/** The signed-in user for the app shell (redirects to /login when there is none). */
export async function getShellUser(): Promise<ShellUser> {
  const u = await requireUser();
  return { name: u.name, email: u.email, role: u.role };
}

/** Whether someone is already signed in (the login page sends them on to the map). */
export async function isSignedIn(): Promise<boolean> {
  return (await currentUser()) != null;
}
