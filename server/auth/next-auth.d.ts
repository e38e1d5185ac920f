import type { Role } from '@/lib/db/users';

declare module 'next-auth' {
  interface Session {
    user: { id: number; email: string; name: string; role: Role; facilityId: number | null };
  }
  interface User {
    id: string;
    email: string;
    name: string;
    role: Role;
    facilityId: number | null;
    sessionVersion: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: number;
    role?: Role;
    facilityId?: number | null;
    name?: string | null;
    email?: string | null;
    /** users.session_version at sign-in; the session ends when it differs. */
    sv?: number;
  }
}
