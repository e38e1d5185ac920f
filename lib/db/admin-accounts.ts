import type { Role } from './generated/enums';
import { prisma } from './client';

/**
 * Account administration: users, FTP accounts and API tokens. Selects never include password or token hashes;
 * the only functions that write a hash take it from lib/services/passwords.
 */

export type AdminUserRow = {
  id: number;
  email: string;
  name: string;
  role: Role;
  facilityId: number | null;
  facilityCode: string | null;
  disabledAt: Date | null;
  createdAt: Date;
};

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  facilityId: true,
  disabledAt: true,
  createdAt: true,
  facility: { select: { code: true } },
} as const;

type RawUser = Omit<AdminUserRow, 'facilityCode'> & { facility: { code: string } | null };
const toUser = ({ facility, ...u }: RawUser): AdminUserRow => ({ ...u, facilityCode: facility?.code ?? null });

export async function listAdminUsers(): Promise<AdminUserRow[]> {
  return (await prisma().user.findMany({ select: userSelect, orderBy: { email: 'asc' } })).map(toUser);
}

export async function findAdminUser(id: number): Promise<AdminUserRow | null> {
  const r = await prisma().user.findUnique({ where: { id }, select: userSelect });
  return r ? toUser(r) : null;
}

export async function updateUserRole(id: number, role: Role, facilityId: number | null): Promise<AdminUserRow> {
  return toUser(await prisma().user.update({ where: { id }, data: { role, facilityId, sessionVersion: { increment: 1 } }, select: userSelect }));
}

export async function setUserPasswordHash(id: number, passwordHash: string): Promise<void> {
  await prisma().user.update({ where: { id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
}

export async function setUserDisabledAt(id: number, disabledAt: Date | null): Promise<AdminUserRow> {
  return toUser(await prisma().user.update({ where: { id }, data: { disabledAt, sessionVersion: { increment: 1 } }, select: userSelect }));
}

export type AdminFtpAccountRow = {
  id: number;
  username: string;
  facilityId: number;
  facilityCode: string;
  enabled: boolean;
  createdAt: Date;
};

const ftpSelect = {
  id: true,
  username: true,
  facilityId: true,
  enabled: true,
  createdAt: true,
  facility: { select: { code: true } },
} as const;
type RawFtp = Omit<AdminFtpAccountRow, 'facilityCode'> & { facility: { code: string } };
const toFtp = ({ facility, ...a }: RawFtp): AdminFtpAccountRow => ({ ...a, facilityCode: facility.code });

export async function listAdminFtpAccounts(filter: { facilityId?: number } = {}): Promise<AdminFtpAccountRow[]> {
  const rows = await prisma().ftpAccount.findMany({
    where: filter.facilityId != null ? { facilityId: filter.facilityId } : {},
    select: ftpSelect,
    orderBy: [{ facility: { code: 'asc' } }, { username: 'asc' }],
  });
  return rows.map(toFtp);
}

export async function findAdminFtpAccount(id: number): Promise<AdminFtpAccountRow | null> {
  const r = await prisma().ftpAccount.findUnique({ where: { id }, select: ftpSelect });
  return r ? toFtp(r) : null;
}

export async function setFtpPasswordHash(id: number, passwordHash: string): Promise<void> {
  await prisma().ftpAccount.update({ where: { id }, data: { passwordHash } });
}

export async function setFtpEnabled(id: number, enabled: boolean): Promise<void> {
  await prisma().ftpAccount.update({ where: { id }, data: { enabled } });
}

export type AdminTokenRow = {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  facilityCode: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const tokenSelect = {
  id: true,
  name: true,
  prefix: true,
  role: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  facility: { select: { code: true } },
} as const;
type RawToken = Omit<AdminTokenRow, 'facilityCode'> & { facility: { code: string } | null };
const toToken = ({ facility, ...t }: RawToken): AdminTokenRow => ({ ...t, facilityCode: facility?.code ?? null });

export async function listAdminTokens(): Promise<AdminTokenRow[]> {
  return (
    await prisma().apiToken.findMany({
      select: tokenSelect,
      orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    })
  ).map(toToken);
}

export async function findAdminToken(id: number): Promise<AdminTokenRow | null> {
  const r = await prisma().apiToken.findUnique({ where: { id }, select: tokenSelect });
  return r ? toToken(r) : null;
}

export async function revokeTokenRow(id: number, at: Date): Promise<void> {
  await prisma().apiToken.update({ where: { id }, data: { revokedAt: at } });
}
