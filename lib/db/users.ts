import type { Role } from './generated/enums';
import { prisma } from './client';

export type { Role };
export const ROLES = ['admin', 'operator', 'inspector', 'manager', 'facility'] as const satisfies readonly Role[];

export type UserRow = {
  id: number;
  email: string;
  name: string;
  role: Role;
  facilityId: number | null;
  locale: string;
  disabledAt: Date | null;
  /** Sessions issued under another version are no longer valid (security round 2). */
  sessionVersion: number;
};

const select = {
  id: true,
  email: true,
  name: true,
  role: true,
  facilityId: true,
  locale: true,
  disabledAt: true,
  sessionVersion: true,
} as const;

export async function findUserByEmail(email: string): Promise<UserRow | null> {
  return prisma().user.findUnique({ where: { email: email.toLowerCase() }, select });
}

/** For credential checks only: the hash never leaves lib/services. */
export async function findUserCredentials(email: string): Promise<(UserRow & { passwordHash: string }) | null> {
  return prisma().user.findUnique({ where: { email: email.toLowerCase() }, select: { ...select, passwordHash: true } });
}

export async function createUser(d: {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  facilityId?: number | null;
  locale?: string;
}): Promise<UserRow> {
  return prisma().user.create({
    data: {
      email: d.email.toLowerCase(),
      name: d.name,
      passwordHash: d.passwordHash,
      role: d.role,
      facilityId: d.facilityId ?? null,
      locale: d.locale ?? 'vi',
    },
    select,
  });
}

export async function listUsers(): Promise<UserRow[]> {
  return prisma().user.findMany({ select, orderBy: { email: 'asc' } });
}

/** Ends every session of the user (sign-out everywhere): their JWTs carry the old version. */
export async function bumpSessionVersion(id: number): Promise<void> {
  await prisma().user.updateMany({ where: { id }, data: { sessionVersion: { increment: 1 } } });
}

/** The session version of an enabled user; null for an unknown or disabled user. */
export async function findActiveSessionVersion(id: number): Promise<number | null> {
  const r = await prisma().user.findUnique({ where: { id }, select: { sessionVersion: true, disabledAt: true } });
  return r && !r.disabledAt ? r.sessionVersion : null;
}
