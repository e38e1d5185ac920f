import 'server-only';
import { notFound } from 'next/navigation';
import type { AdminTokenRow, AdminUserRow } from '@/lib/db/admin-accounts';
import type { AdminFacilityRow } from '@/lib/db/admin-facilities';
import { listFacilities } from '@/lib/db/facilities';
import { listFtpAccounts } from '@/lib/db/ftp-accounts';
import { listStations, type StationRow } from '@/lib/db/stations';
import { listUsers, type Role } from '@/lib/db/users';
import { PARAMETERS_BY_KIND, STATION_KINDS, type StationKind } from '@/lib/domain/parameters';
import { isAppError } from '@/lib/errors';
import type { AdminActor } from '@/lib/services/accounts';
import { facilitySnapshot, getFacilityForAdminOrThrow, listFacilitiesForAdmin } from '@/lib/services/accounts';
import { listFtpAccountsForAdmin, listTokensForAdmin, listUsersForAdmin } from '@/lib/services/accounts';
import {
  adminStationFilter,
  aliasesOf,
  getStationForAdminOrThrow,
  listStationsForAdmin,
  VIETNAM_BOUNDS,
} from '@/lib/services/stations';
import { currentUser, requireUser } from '@/server/auth/session';
import { stationBasics, type StationBasics, type StationSummary } from './station-dto';

/** Page reads of the admin area. Every one requires the admin role (others get a 404) and returns DTOs without secrets. */

export type AdminOverview = {
  facilities: { code: string; name: string; address: string | null }[];
  stations: {
    code: string;
    name: string;
    fileCode: string;
    kind: StationKind;
    facilityCode: string;
    intervalMinutes: number;
    enabled: boolean;
  }[];
  users: { email: string; name: string; role: Role; facilityCode: string | null; disabled: boolean }[];
  ftpAccounts: { username: string; facilityCode: string; enabled: boolean }[];
};

async function requireAdmin(): Promise<AdminActor> {
  const u = await requireUser(['admin']);
  return { email: u.email, role: u.role };
}

/** Whether the signed-in user is an admin (the admin sub-navigation is shown only then). */
export async function isAdminViewer(): Promise<boolean> {
  return (await currentUser())?.role === 'admin';
}

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

// ── facilities ──

export type AdminFacilityDto = ReturnType<typeof facilitySnapshot> & {
  createdAt: string;
} & Pick<AdminFacilityRow, 'stationCount' | 'userCount' | 'ftpAccountCount'>;

const facilityDto = (f: Awaited<ReturnType<typeof listFacilitiesForAdmin>>[number]): AdminFacilityDto => ({
  ...facilitySnapshot(f),
  createdAt: f.createdAt.toISOString(),
  stationCount: f.stationCount,
  userCount: f.userCount,
  ftpAccountCount: f.ftpAccountCount,
});

export type FacilityOption = { code: string; name: string; active: boolean };

export async function getAdminFacilities(): Promise<AdminFacilityDto[]> {
  return (await listFacilitiesForAdmin(await requireAdmin())).map(facilityDto);
}

async function facilityOptions(actor: AdminActor): Promise<FacilityOption[]> {
  return (await listFacilitiesForAdmin(actor)).map((f) => ({ code: f.code, name: f.name, active: f.disabledAt == null }));
}

/** A 404 for an unknown code, like any page that does not exist. */
async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}

export async function getAdminFacility(code: string): Promise<AdminFacilityDto> {
  const actor = await requireAdmin();
  return facilityDto(await orNotFound(getFacilityForAdminOrThrow(actor, code)));
}

// ── stations ──

export type AdminStationParameterDto = { code: string; unit: string; registryUnit: string; aliases: string[] };
export type AdminStationDto = StationBasics &
  Pick<StationSummary, 'intervalMinutes' | 'graceMinutes'> & { fileCode: string; active: boolean; parameters: AdminStationParameterDto[] };

function stationDto(s: StationRow): AdminStationDto {
  return {
    ...stationBasics(s),
    fileCode: s.fileCode,
    intervalMinutes: s.intervalMinutes,
    graceMinutes: s.graceMinutes,
    active: s.enabled,
    parameters: s.parameters
      .filter((p) => p.enabled)
      .map((p) => ({
        code: p.parameter,
        unit: p.unit,
        registryUnit: PARAMETERS_BY_KIND[s.kind].find((d) => d.code === p.parameter)?.unit ?? p.unit,
        aliases: aliasesOf(s, p.parameter),
      })),
  };
}

/** The parameter registry by kind, as the station forms offer it. */
export type RegistryDto = Record<StationKind, { code: string; nameVi: string; nameEn: string; unit: string }[]>;

function registry(): RegistryDto {
  const out = {} as RegistryDto;
  for (const k of STATION_KINDS)
    out[k] = PARAMETERS_BY_KIND[k].map((p) => ({ code: p.code, nameVi: p.nameVi, nameEn: p.nameEn, unit: p.unit }));
  return out;
}

export type AdminStationsPage = {
  stations: AdminStationDto[];
  facilities: FacilityOption[];
  registry: RegistryDto;
  bounds: typeof VIETNAM_BOUNDS;
  filter: { facility: string; kind: string; active: string; q: string };
};

export async function getAdminStations(search: Record<string, string | undefined>): Promise<AdminStationsPage> {
  const parsed = adminStationFilter.safeParse({
    facility: search.facility || undefined,
    kind: search.kind || undefined,
    active: search.active || undefined,
    q: search.q || undefined,
  });
  const filter = parsed.success ? parsed.data : {};
  const { rows, facilities } = await adminList((actor) => listStationsForAdmin(actor, filter));
  return {
    stations: rows.map(stationDto),
    facilities,
    registry: registry(),
    bounds: VIETNAM_BOUNDS,
    filter: { facility: filter.facility ?? '', kind: filter.kind ?? '', active: filter.active ?? '', q: filter.q ?? '' },
  };
}

export async function getAdminStation(
  code: string,
): Promise<{ station: AdminStationDto; facilities: FacilityOption[]; registry: RegistryDto; bounds: typeof VIETNAM_BOUNDS }> {
  const actor = await requireAdmin();
  const [s, facilities] = await Promise.all([orNotFound(getStationForAdminOrThrow(actor, code)), facilityOptions(actor)]);
  return { station: stationDto(s), facilities, registry: registry(), bounds: VIETNAM_BOUNDS };
}

// ── accounts ──

/** An admin list read with the facilities its forms offer. */
async function adminList<T>(list: (actor: AdminActor) => Promise<T[]>): Promise<{ actor: AdminActor; rows: T[]; facilities: FacilityOption[] }> {
  const actor = await requireAdmin();
  const [rows, facilities] = await Promise.all([list(actor), facilityOptions(actor)]);
  return { actor, rows, facilities };
}

export type AdminUserDto = Omit<AdminUserRow, 'facilityId' | 'disabledAt' | 'createdAt'> & {
  active: boolean;
  createdAt: string;
  isSelf: boolean;
};

export async function getAdminUsers(): Promise<{ users: AdminUserDto[]; facilities: FacilityOption[] }> {
  const { actor, rows, facilities } = await adminList(listUsersForAdmin);
  const users = rows.map(({ facilityId: _id, disabledAt, createdAt, ...u }) => ({
    ...u,
    active: disabledAt == null,
    createdAt: createdAt.toISOString(),
    isSelf: u.email === actor.email,
  }));
  return { users, facilities };
}

export type AdminFtpDto = { id: number; username: string; facilityCode: string; enabled: boolean; createdAt: string };

export async function getAdminFtpAccounts(
  facility: string | undefined,
): Promise<{ accounts: AdminFtpDto[]; facilities: FacilityOption[]; facility: string }> {
  const { rows, facilities } = await adminList((actor) => listFtpAccountsForAdmin(actor, { facilityCode: facility || undefined }));
  return {
    accounts: rows.map((a) => ({
      id: a.id,
      username: a.username,
      facilityCode: a.facilityCode,
      enabled: a.enabled,
      createdAt: a.createdAt.toISOString(),
    })),
    facilities,
    facility: facility ?? '',
  };
}

export type AdminTokenDto = Omit<AdminTokenRow, 'createdAt' | 'lastUsedAt' | 'revokedAt'> & {
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export async function getAdminTokens(): Promise<{ tokens: AdminTokenDto[]; facilities: FacilityOption[] }> {
  const { rows, facilities } = await adminList(listTokensForAdmin);
  const tokens = rows.map((t) => ({
    ...t,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  }));
  return { tokens, facilities };
}
