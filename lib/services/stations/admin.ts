import { z } from 'zod';
import { appendAudit } from '../../db/audit';
import { findAdminFacility } from '../../db/admin-facilities';
import { disableStationParameter, setStationSymbolAliases, updateStationSettings, upsertStationParameter } from '../../db/admin-stations';
import { findStationByCode, findStationByFileCode, listStations, type StationRow } from '../../db/stations';
import { findParameter, STATION_KINDS, type ParameterDef, type StationKind } from '../../domain/parameters';
import { symbolKey } from '../../domain/symbols';
import { AppError } from '../../errors';
import { activeFacilityOrThrow, assertAdmin, type AdminActor } from '../accounts';
import { canonicalUnit, createStationService } from './create';
import { CODE_PATTERN, FILE_CODE_PATTERN } from '../../domain/codes';

/**
 * Station administration for the admin area. New functions only: creation goes through createStationService (the
 * same path as POST /api/v1/stations); edits, parameters and symbol aliases are added here.
 */

/**
 * Vietnam's mainland and near-shore islands (Phú Quốc, Côn Đảo, Bạch Long Vĩ) lie within lat 8.0–23.5 °N and
 * lon 102.0–110.0 °E; a point outside is a typo (swapped lat/lon, a missing digit). Bounds are inclusive.
 */
export const VIETNAM_BOUNDS = { latMin: 8.0, latMax: 23.5, lonMin: 102.0, lonMax: 110.0 } as const;

export function isInsideVietnam(lat: number, lon: number): boolean {
  const b = VIETNAM_BOUNDS;
  return Number.isFinite(lat) && Number.isFinite(lon) && lat >= b.latMin && lat <= b.latMax && lon >= b.lonMin && lon <= b.lonMax;
}

const aliasList = z
  .array(z.string().trim().min(1).max(32))
  .max(10)
  .default([])
  .transform((a) => [...new Set(a)]);

const parameterInput = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .transform((c) => c.toUpperCase()),
  unit: z.string().trim().max(32).nullish(),
  aliases: aliasList,
});
export type StationParameterInput = z.input<typeof parameterInput>;

const settings = {
  fileCode: z.string().trim().regex(FILE_CODE_PATTERN, 'the <FACILITY>_<STATION> part of file names'),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(STATION_KINDS),
  facilityCode: z.string().trim().min(1).max(64),
  lat: z.number().finite(),
  lon: z.number().finite(),
  intervalMinutes: z.number().int().min(1).max(1440),
  graceMinutes: z.number().int().min(0).max(10080),
};

const insideVietnam = (v: { lat: number; lon: number }) => isInsideVietnam(v.lat, v.lon);
const boundsIssue = {
  message: `lat/lon must lie in Vietnam (lat ${VIETNAM_BOUNDS.latMin}–${VIETNAM_BOUNDS.latMax}, lon ${VIETNAM_BOUNDS.lonMin}–${VIETNAM_BOUNDS.lonMax})`,
  path: ['lat'],
};

export const adminStationCreateInput = z
  .object({
    code: z.string().trim().regex(CODE_PATTERN, 'letters, digits, _ . - (max 64)'),
    ...settings,
    parameters: z.array(parameterInput).min(1).max(64),
  })
  .refine(insideVietnam, boundsIssue);
export type AdminStationCreateInput = z.input<typeof adminStationCreateInput>;

/** The code is not editable: it is the station's identity in URLs, the API, reports and forwarded paths. */
export const adminStationUpdateInput = z
  .object({ ...settings, enabled: z.boolean() })
  .strict()
  .refine(insideVietnam, boundsIssue);
export type AdminStationUpdateInput = z.input<typeof adminStationUpdateInput>;

export const stationParameterEdit = z.object({ unit: z.string().trim().max(32).nullish(), aliases: aliasList });
export type StationParameterEdit = z.input<typeof stationParameterEdit>;

// ---------------------------------------------------------------------------------------------------------------

function registryParameter(kind: StationKind, code: string, path: string): ParameterDef {
  const def = findParameter(kind, code);
  if (!def)
    throw new AppError('VALIDATION', `${code} is not a ${kind} parameter`, [{ path, message: `${code} is not a ${kind} parameter` }]);
  return def;
}

function unitOrThrow(def: ParameterDef, given: string | null | undefined, path: string): string {
  const unit = canonicalUnit(def, given);
  if (!unit)
    throw new AppError('VALIDATION', `${def.code} is measured in ${def.unit}`, [
      { path, message: `${def.code} is measured in ${def.unit}, not ${given ?? ''}` },
    ]);
  return unit;
}

/** Aliases of one parameter: the symbol-alias map's keys that point at it. */
export function aliasesOf(station: Pick<StationRow, 'symbolAliases'>, parameter: string): string[] {
  return Object.entries(station.symbolAliases)
    .filter(([, code]) => code === parameter)
    .map(([alias]) => alias)
    .sort();
}

/**
 * The station's alias map with `parameter`'s aliases replaced. An alias may not read as another measured parameter's
 * code or as another parameter's alias (compared by symbol key, as the parser does), since the parser would then
 * send that parameter's values to the wrong series.
 */
function withAliases(
  station: StationRow,
  parameter: string,
  aliases: readonly string[],
  measured: readonly string[],
): Record<string, string> {
  const next: Record<string, string> = {};
  for (const [alias, code] of Object.entries(station.symbolAliases)) if (code !== parameter) next[alias] = code;
  for (const alias of aliases) {
    const key = symbolKey(alias);
    if (key === '')
      throw new AppError('VALIDATION', `alias ${alias} has no letters or digits`, [
        { path: 'aliases', message: `alias ${alias} is empty` },
      ]);
    const clashCode = measured.find((c) => c !== parameter && symbolKey(c) === key);
    const clashAlias = Object.entries(next).find(([a]) => symbolKey(a) === key);
    if (clashCode || clashAlias) {
      const other = clashCode ?? clashAlias![1];
      throw new AppError('CONFLICT', `alias ${alias} already means ${other} at station ${station.code}`, { field: 'aliases' });
    }
    next[alias] = parameter;
  }
  return next;
}

const measuredCodes = (s: StationRow) => s.parameters.filter((p) => p.enabled).map((p) => p.parameter);

const snapshot = (s: StationRow) => ({
  code: s.code,
  fileCode: s.fileCode,
  name: s.name,
  kind: s.kind,
  facility: s.facility.code,
  lat: s.lat,
  lon: s.lon,
  intervalMinutes: s.intervalMinutes,
  graceMinutes: s.graceMinutes,
  active: s.enabled,
});

const parameterSnapshot = (s: StationRow, parameter: string) => {
  const p = s.parameters.find((x) => x.parameter === parameter);
  return p ? { parameter, unit: p.unit, active: p.enabled, aliases: aliasesOf(s, parameter) } : null;
};

/** Reads the station again after a change of one of its parameters and audits that parameter before and after. */
async function auditParameterChange(who: string, action: string, code: string, before: StationRow, parameter: string): Promise<StationRow> {
  const after = await stationOrThrow(code);
  await appendAudit({
    actor: who,
    action,
    entity: 'station',
    entityId: code,
    before: parameterSnapshot(before, parameter),
    after: parameterSnapshot(after, parameter),
  });
  return after;
}

async function stationOrThrow(code: string): Promise<StationRow> {
  const s = await findStationByCode(code);
  if (!s) throw new AppError('NOT_FOUND', `station ${code} not found`);
  return s;
}

// ---------------------------------------------------------------------------------------------------------------

export const adminStationFilter = z.object({
  facility: z.string().trim().max(64).optional(),
  kind: z.enum(STATION_KINDS).optional(),
  active: z.enum(['yes', 'no']).optional(),
  q: z.string().trim().max(100).optional(),
});
export type AdminStationFilter = z.infer<typeof adminStationFilter>;

export async function listStationsForAdmin(actor: AdminActor, filter: AdminStationFilter): Promise<StationRow[]> {
  assertAdmin(actor);
  let facilityId: number | undefined;
  if (filter.facility) {
    const f = await findAdminFacility(filter.facility);
    if (!f) return [];
    facilityId = f.id;
  }
  const q = filter.q?.toLowerCase();
  return (await listStations({ facilityId, kind: filter.kind })).filter(
    (s) =>
      (!filter.active || s.enabled === (filter.active === 'yes')) &&
      (!q || s.code.toLowerCase().includes(q) || s.name.toLowerCase().includes(q) || s.fileCode.toLowerCase().includes(q)),
  );
}

export async function getStationForAdminOrThrow(actor: AdminActor, code: string): Promise<StationRow> {
  assertAdmin(actor);
  return stationOrThrow(code);
}

/** Creates a station (through createStationService) in an active facility inside Vietnam, then its symbol aliases. */
export async function createStationAsAdmin(actor: AdminActor, raw: AdminStationCreateInput, now: Date = new Date()): Promise<StationRow> {
  const who = assertAdmin(actor);
  const input = adminStationCreateInput.parse(raw);
  await activeFacilityOrThrow(input.facilityCode);
  const created = await createStationService(
    { ...input, parameters: input.parameters.map((p) => ({ code: p.code, unit: p.unit })) },
    who,
    now,
  );
  if (!input.parameters.some((p) => p.aliases.length > 0)) return created;
  let aliases: Record<string, string> = {};
  const measured = measuredCodes(created);
  for (const p of input.parameters) aliases = withAliases({ ...created, symbolAliases: aliases }, p.code, p.aliases, measured);
  await setStationSymbolAliases(created.id, aliases);
  await appendAudit({ actor: who, action: 'station.aliases', entity: 'station', entityId: created.code, before: {}, after: aliases });
  return stationOrThrow(created.code);
}

export async function updateStationAsAdmin(actor: AdminActor, code: string, raw: AdminStationUpdateInput): Promise<StationRow> {
  const who = assertAdmin(actor);
  const input = adminStationUpdateInput.parse(raw);
  const before = await stationOrThrow(code);
  const facility =
    input.facilityCode === before.facility.code
      ? await findAdminFacility(input.facilityCode)
      : await activeFacilityOrThrow(input.facilityCode);
  if (!facility) throw new AppError('NOT_FOUND', `facility ${input.facilityCode} not found`);
  if (input.kind !== before.kind) {
    const foreign = measuredCodes(before).filter((p) => !findParameter(input.kind, p));
    if (foreign.length > 0) {
      throw new AppError('VALIDATION', `a ${input.kind} station cannot measure ${foreign.join(', ')}`, [
        { path: 'kind', message: `remove ${foreign.join(', ')} first` },
      ]);
    }
  }
  if (input.fileCode.toLowerCase() !== before.fileCode.toLowerCase()) {
    const other = await findStationByFileCode(input.fileCode);
    if (other && other.id !== before.id)
      throw new AppError('CONFLICT', `file code ${input.fileCode} is already used by station ${other.code}`, { field: 'fileCode' });
  }
  const { facilityCode: _code, ...settings } = input;
  await updateStationSettings(before.id, { ...settings, facilityId: facility.id }).catch((e: unknown) => {
    if (typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'P2002') {
      throw new AppError('CONFLICT', `file code ${input.fileCode} is already used`, { field: 'fileCode' });
    }
    throw e;
  });
  const after = await stationOrThrow(code);
  await appendAudit({
    actor: who,
    action: 'station.update',
    entity: 'station',
    entityId: code,
    before: snapshot(before),
    after: snapshot(after),
  });
  return after;
}

/** Adds a registry parameter to a station (or switches a removed one back on). */
export async function addStationParameterAsAdmin(actor: AdminActor, code: string, raw: StationParameterInput): Promise<StationRow> {
  const who = assertAdmin(actor);
  const input = parameterInput.parse(raw);
  const station = await stationOrThrow(code);
  const def = registryParameter(station.kind, input.code, 'code');
  const unit = unitOrThrow(def, input.unit, 'unit');
  const existing = station.parameters.find((p) => p.parameter === def.code);
  if (existing?.enabled) throw new AppError('CONFLICT', `station ${code} already measures ${def.code}`, { field: 'code' });
  const aliases = withAliases(station, def.code, input.aliases, [...measuredCodes(station), def.code]);
  await upsertStationParameter(station.id, def.code, unit);
  await setStationSymbolAliases(station.id, aliases);
  return auditParameterChange(who, 'station.parameter.add', code, station, def.code);
}

export async function updateStationParameterAsAdmin(
  actor: AdminActor,
  code: string,
  parameter: string,
  raw: StationParameterEdit,
): Promise<StationRow> {
  const who = assertAdmin(actor);
  const input = stationParameterEdit.parse(raw);
  const station = await stationOrThrow(code);
  const p = station.parameters.find((x) => x.parameter === parameter.toUpperCase() && x.enabled);
  if (!p) throw new AppError('NOT_FOUND', `station ${code} does not measure ${parameter}`);
  const def = registryParameter(station.kind, p.parameter, 'parameter');
  const unit = unitOrThrow(def, input.unit, 'unit');
  const aliases = withAliases(station, p.parameter, input.aliases, measuredCodes(station));
  await upsertStationParameter(station.id, p.parameter, unit);
  await setStationSymbolAliases(station.id, aliases);
  return auditParameterChange(who, 'station.parameter.update', code, station, p.parameter);
}

/** Switches a parameter off (readings stay); a station keeps at least one parameter. Its aliases go with it. */
export async function removeStationParameterAsAdmin(actor: AdminActor, code: string, parameter: string): Promise<StationRow> {
  const who = assertAdmin(actor);
  const station = await stationOrThrow(code);
  const target = parameter.toUpperCase();
  const measured = measuredCodes(station);
  if (!measured.includes(target)) throw new AppError('NOT_FOUND', `station ${code} does not measure ${parameter}`);
  if (measured.length === 1) {
    throw new AppError('VALIDATION', 'a station keeps at least one parameter', [
      { path: 'parameter', message: 'a station keeps at least one parameter' },
    ]);
  }
  await disableStationParameter(station.id, target);
  await setStationSymbolAliases(station.id, withAliases(station, target, [], measured));
  return auditParameterChange(who, 'station.parameter.remove', code, station, target);
}
