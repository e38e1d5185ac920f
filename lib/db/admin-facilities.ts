import { prisma } from './client';

/** A facility as the admin area sees it (contact details and whether it is still active). */
export type AdminFacilityRow = {
  id: number;
  code: string;
  name: string;
  address: string | null;
  province: string | null;
  contactEmail: string | null;
  disabledAt: Date | null;
  createdAt: Date;
  stationCount: number;
  userCount: number;
  ftpAccountCount: number;
};

const select = {
  id: true,
  code: true,
  name: true,
  address: true,
  province: true,
  contactEmail: true,
  disabledAt: true,
  createdAt: true,
  _count: { select: { stations: true, users: true, ftpAccounts: true } },
} as const;

type Raw = Omit<AdminFacilityRow, 'stationCount' | 'userCount' | 'ftpAccountCount'> & {
  _count: { stations: number; users: number; ftpAccounts: number };
};

function toRow({ _count, ...r }: Raw): AdminFacilityRow {
  return { ...r, stationCount: _count.stations, userCount: _count.users, ftpAccountCount: _count.ftpAccounts };
}

export async function listAdminFacilities(): Promise<AdminFacilityRow[]> {
  const rows = await prisma().facility.findMany({ select, orderBy: { code: 'asc' } });
  return rows.map(toRow);
}

export async function findAdminFacility(code: string): Promise<AdminFacilityRow | null> {
  const r = await prisma().facility.findUnique({ where: { code }, select });
  return r ? toRow(r) : null;
}

export type FacilityDetails = {
  name: string;
  address: string | null;
  province: string | null;
  contactEmail: string | null;
};

export async function insertFacility(d: FacilityDetails & { code: string }): Promise<AdminFacilityRow> {
  return toRow(await prisma().facility.create({ data: d, select }));
}

export async function updateFacilityDetails(id: number, d: FacilityDetails): Promise<AdminFacilityRow> {
  return toRow(await prisma().facility.update({ where: { id }, data: d, select }));
}

export type FacilityDeactivation = { ftpAccounts: string[]; users: string[]; stations: string[]; tokens: number };

/**
 * Deactivates a facility in one transaction: it can no longer upload (FTP accounts off), sign in (its users
 * disabled) or call the API (its tokens revoked), and its stations stop being expected (enabled = false).
 * Rows stay, so history and the ledger remain intact. Returns what was switched off.
 */
export async function deactivateFacilityRows(id: number, at: Date): Promise<FacilityDeactivation> {
  return prisma().$transaction(async (tx) => {
    const [ftp, users, stations] = await Promise.all([
      tx.ftpAccount.findMany({
        where: { facilityId: id, enabled: true },
        select: { username: true },
        orderBy: { username: 'asc' },
      }),
      tx.user.findMany({
        where: { facilityId: id, disabledAt: null },
        select: { email: true },
        orderBy: { email: 'asc' },
      }),
      tx.station.findMany({
        where: { facilityId: id, enabled: true },
        select: { code: true },
        orderBy: { code: 'asc' },
      }),
    ]);
    await tx.ftpAccount.updateMany({ where: { facilityId: id, enabled: true }, data: { enabled: false } });
    await tx.user.updateMany({ where: { facilityId: id, disabledAt: null }, data: { disabledAt: at, sessionVersion: { increment: 1 } } });
    await tx.station.updateMany({ where: { facilityId: id, enabled: true }, data: { enabled: false } });
    const tokens = await tx.apiToken.updateMany({
      where: { facilityId: id, revokedAt: null },
      data: { revokedAt: at },
    });
    await tx.facility.update({ where: { id }, data: { disabledAt: at } });
    return {
      ftpAccounts: ftp.map((a) => a.username),
      users: users.map((u) => u.email),
      stations: stations.map((s) => s.code),
      tokens: tokens.count,
    };
  });
}

/** Marks a deactivated facility active again; its accounts and stations are switched back on one by one. */
export async function reactivateFacilityRow(id: number): Promise<void> {
  await prisma().facility.update({ where: { id }, data: { disabledAt: null } });
}
