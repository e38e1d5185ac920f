import { prisma } from './client';

export type FacilityRow = { id: number; code: string; name: string; address: string | null };

const select = { id: true, code: true, name: true, address: true } as const;

export async function listFacilities(opts: { facilityId?: number | null } = {}): Promise<FacilityRow[]> {
  return prisma().facility.findMany({
    where: opts.facilityId != null ? { id: opts.facilityId } : {},
    select,
    orderBy: { code: 'asc' },
  });
}

export async function findFacilityByCode(code: string): Promise<FacilityRow | null> {
  return prisma().facility.findUnique({ where: { code }, select });
}

export async function createFacility(data: {
  code: string;
  name: string;
  address?: string | null;
}): Promise<FacilityRow> {
  return prisma().facility.create({
    data: { code: data.code, name: data.name, address: data.address ?? null },
    select,
  });
}
