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
};

const select = {
  id: true,
  email: true,
  name: true,
  role: true,
  facilityId: true,
  locale: true,
  disabledAt: true,
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
