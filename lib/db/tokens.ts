import type { Role } from './generated/enums';
import { prisma } from './client';

export type ApiTokenRow = {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  facilityId: number | null;
  revokedAt: Date | null;
};

const select = { id: true, name: true, prefix: true, role: true, facilityId: true, revokedAt: true } as const;

export async function createApiToken(d: {
  name: string;
  prefix: string;
  tokenHash: string;
  role: Role;
  facilityId?: number | null;
}): Promise<ApiTokenRow> {
  return prisma().apiToken.create({ data: { ...d, facilityId: d.facilityId ?? null }, select });
}

export async function findApiTokenByHash(tokenHash: string): Promise<ApiTokenRow | null> {
  return prisma().apiToken.findUnique({ where: { tokenHash }, select });
}

export async function markApiTokenUsed(id: number, at: Date): Promise<void> {
  await prisma().apiToken.update({ where: { id }, data: { lastUsedAt: at } });
}
