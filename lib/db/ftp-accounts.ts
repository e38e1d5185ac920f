import { prisma } from './client';

export type FtpAccountCredentials = {
  id: number;
  username: string;
  passwordHash: string;
  enabled: boolean;
  facilityId: number;
  facilityCode: string;
};

export async function findFtpAccountByUsername(username: string): Promise<FtpAccountCredentials | null> {
  const r = await prisma().ftpAccount.findUnique({
    where: { username },
    select: {
      id: true,
      username: true,
      passwordHash: true,
      enabled: true,
      facilityId: true,
      facility: { select: { code: true } },
    },
  });
  return r
    ? {
        id: r.id,
        username: r.username,
        passwordHash: r.passwordHash,
        enabled: r.enabled,
        facilityId: r.facilityId,
        facilityCode: r.facility.code,
      }
    : null;
}

export async function createFtpAccount(d: {
  username: string;
  passwordHash: string;
  facilityId: number;
}): Promise<{ id: number; username: string }> {
  return prisma().ftpAccount.create({ data: d, select: { id: true, username: true } });
}

export async function listFtpAccounts(): Promise<
  { id: number; username: string; facilityCode: string; enabled: boolean }[]
> {
  const rows = await prisma().ftpAccount.findMany({
    select: { id: true, username: true, enabled: true, facility: { select: { code: true } } },
    orderBy: { username: 'asc' },
  });
  return rows.map((r) => ({ id: r.id, username: r.username, enabled: r.enabled, facilityCode: r.facility.code }));
}
