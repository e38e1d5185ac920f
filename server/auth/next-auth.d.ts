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
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: number;
    role?: Role;
    facilityId?: number | null;
    name?: string | null;
    email?: string | null;
  }
}
