/**
 * Test data written through lib/db, shared by the integration tests and the Playwright fixtures (no vitest here):
 * codes unique to the run, a facility with its stations, an FTP account. Each test still creates its own rows.
 */
import { createFacility, type FacilityRow } from '../../lib/db/facilities';
import { createFtpAccount } from '../../lib/db/ftp-accounts';
import { createStation, type CreateStationData, type StationRow } from '../../lib/db/stations';
import { findParameter } from '../../lib/domain/parameters';
import { hashPassword } from '../../lib/services/accounts';

/** A code unique to this run: the prefix, the time and a random tail, upper case. */
export function uid(prefix = ''): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`.toUpperCase();
}

type ParameterData = CreateStationData['parameters'][number];

/** A parameter by its code (the registry's unit), or with its unit and limits spelled out. */
export type TestParameter = string | (Omit<ParameterData, 'unit'> & { unit?: string });

export type TestStationOptions = Omit<Partial<CreateStationData>, 'facilityId' | 'parameters'> & {
  parameters: readonly TestParameter[];
};

/**
 * A station of `facilityId`: wastewater near Bắc Ninh unless told otherwise, file code = code; a parameter given by
 * code gets the unit of the parameter registry.
 */
export async function createTestStation(facilityId: number, opts: TestStationOptions): Promise<StationRow> {
  const code = opts.code ?? uid('S');
  const kind = opts.kind ?? 'wastewater';
  const unitOf = (parameter: string) => findParameter(kind, parameter)?.unit ?? '';
  return createStation({
    fileCode: code,
    name: `Trạm ${code}`,
    lat: 21.25,
    lon: 106.1,
    ...opts,
    code,
    kind,
    facilityId,
    parameters: opts.parameters.map((p) =>
      typeof p === 'string' ? { parameter: p, unit: unitOf(p) } : { ...p, unit: p.unit ?? unitOf(p.parameter) },
    ),
  });
}

export type TestFacilityOptions = { code?: string; name?: string; station: TestStationOptions };

/** A facility and one station of it (code `<facility>_NT01` unless given): the shape most tests start from. */
export async function createFacilityWithStation(
  opts: TestFacilityOptions,
): Promise<{ facility: FacilityRow; station: StationRow }> {
  const code = opts.code ?? uid('F');
  const facility = await createFacility({ code, name: opts.name ?? `Công ty ${code}` });
  const station = await createTestStation(facility.id, { code: `${code}_NT01`, ...opts.station });
  return { facility, station };
}

export type FtpLogin = { user: string; password: string };

/** An FTP account (bcrypt-hashed password) of the facility, with a user name unique to the run. */
export async function createTestFtpAccount(
  facilityId: number,
  prefix = 'ftp',
  password = `${prefix}-pass-123`,
): Promise<FtpLogin> {
  const user = uid(prefix).toLowerCase();
  await createFtpAccount({ username: user, passwordHash: await hashPassword(password), facilityId });
  return { user, password };
}
