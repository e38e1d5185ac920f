import 'server-only';
import { listFacilities } from '@/lib/db/facilities';
import { listFtpAccounts } from '@/lib/db/ftp-accounts';
import { listStations } from '@/lib/db/stations';
import { listUsers, type Role } from '@/lib/db/users';
import type { StationKind } from '@/lib/domain/parameters';
import { requireUser } from '@/server/auth/session';

export type AdminOverview = {
  facilities: { code: string; name: string; address: string | null }[];
  stations: { code: string; name: string; fileCode: string; kind: StationKind; facilityCode: string; intervalMinutes: number; enabled: boolean }[];
  users: { email: string; name: string; role: Role; facilityCode: string | null; disabled: boolean }[];
  ftpAccounts: { username: string; facilityCode: string; enabled: boolean }[];
};

/** Admins only. Never returns password hashes or token hashes. */
export async function getAdminOverview(): Promise<AdminOverview> {
  await requireUser(['admin']);
  const [facilities, stations, users, ftp] = await Promise.all([listFacilities(), listStations(), listUsers(), listFtpAccounts()]);
  const facilityCode = new Map(facilities.map((f) => [f.id, f.code]));
  return {
    facilities: facilities.map((f) => ({ code: f.code, name: f.name, address: f.address })),
    stations: stations.map((s) => ({
      code: s.code,
      name: s.name,
      fileCode: s.fileCode,
      kind: s.kind,
      facilityCode: s.facility.code,
      intervalMinutes: s.intervalMinutes,
      enabled: s.enabled,
    })),
    users: users.map((u) => ({
      email: u.email,
      name: u.name,
      role: u.role,
      facilityCode: u.facilityId != null ? (facilityCode.get(u.facilityId) ?? null) : null,
      disabled: u.disabledAt != null,
    })),
    ftpAccounts: ftp.map((a) => ({ username: a.username, facilityCode: a.facilityCode, enabled: a.enabled })),
  };
}
