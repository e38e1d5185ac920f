/**
 * Limits as data (DOMAIN.md §6): the builtin catalogue seeded into limit_standard/limit_value, admin imports of new
 * versions (JSON or CSV, no code change), station bindings (standard + column + coefficients), permit overrides, and
 * the resolution of each station parameter's limit with its derivation.
 *
 *   ensureBuiltinLimits(): Promise<{ inserted: number }>                       idempotent; worker start + tests
 *   resolveStationLimits(station, at, { averaging? }): Promise<Map<parameter, StationLimit>>
 *   resolveLimitsForStations(stations, at, { averaging? }): Promise<Map<stationId, Map<parameter, StationLimit>>>  batched
 *   getStationLimitsService(code, scope, at?): Promise<StationLimit[]>
 *   listLimitStandardsService(at?): Promise<LimitStandardView[]>                 with inForce
 *   importLimitStandards({ content, format: 'json'|'csv', actor }): Promise<{ imported: {code, version}[] }>
 *   setStationLimitBinding({ stationCode, standardCode, column, coefficients, actor })
 *   createPermitLimit({ facilityCode, stationCode?, parameter, min?, max?, averaging, effectiveFrom, effectiveTo?, note?, actor })
 *   previewLimitImport({ content, format }): Promise<LimitImportPreview>        parse + validate + clash check, stores nothing
 *   removeStationLimitBinding({ stationCode, standardCode, actor })            audited
 *   endPermitLimit({ id, effectiveTo, actor })                                  audited; the row is kept
 *   getStationLimitDetail(code, scope, at?): Promise<StationLimitDetail>        bindings, permits, every averaging's limit
 */
import { z } from 'zod';
import { appendAudit } from '../db/audit';
import { findFacilityByCode } from '../db/facilities';
import {
  insertLimitStandard,
  insertPermitLimit,
  listBindings,
  listLimitStandardRows,
  deleteBinding,
  findPermitLimit,
  listPermitLimits,
  setPermitLimitEnd,
  upsertBinding,
  type BindingCoefficients,
  type PermitLimitRow,
  type StoredLimitStandard,
} from '../db/limits';
import {
  ANY_COLUMN,
  BUILT_IN_LIMIT_STANDARDS,
  isInForce,
  LIMIT_AVERAGINGS,
  parseLimitImport,
  resolveLimit,
  limitImportProblem,
  type LimitAveraging,
  type LimitImportError,
  type LimitImportIssue,
  type LimitStandard,
  type ResolvedLimit,
} from '../domain/limits';
import type { StationKind } from '../domain/parameters';
import { DEFAULT_COMPLIANCE_BASES } from '../domain/verdicts';
import { AppError } from '../errors';
import { isUniqueViolation } from './facilities';
import { getStationOrThrow, type ViewerScope } from './stations';

export type LimitDerivation = ResolvedLimit['derivation'] & { o2Ref?: number };

export type StationLimit = {
  parameter: string;
  min: number | null;
  max: number | null;
  averaging: LimitAveraging;
  /** permit: facility permit; standard: a bound standard; station: station_parameter.limit_min/max (no binding). */
  source: 'permit' | 'standard' | 'station';
  derivation: LimitDerivation;
  /** Reference O2 (%) for stack gases when the binding sets one. */
  o2Ref: number | null;
};

export type LimitStationInput = {
  id: number;
  kind: StationKind;
  facility: { id: number };
  parameters: readonly { parameter: string; limitMin: number | null; limitMax: number | null }[];
};

// Standards change rarely; a short cache keeps the engine from re-reading them for every hour it evaluates.
const CACHE_MS = 30_000;
let cache: { at: number; rows: StoredLimitStandard[] } | null = null;

export function clearLimitCache(): void {
  cache = null;
}

let builtinsEnsured: Promise<unknown> | null = null;

async function standards(): Promise<StoredLimitStandard[]> {
  if (cache && Date.now() - cache.at < CACHE_MS) return cache.rows;
  // First read in a process seeds the builtin catalogue (idempotent), so web, worker and CLI never see it empty.
  // One seeding per process even when the first page view reads limits from several requests at once.
  builtinsEnsured ??= ensureBuiltinLimits().catch((e: unknown) => {
    builtinsEnsured = null;
    throw e;
  });
  await builtinsEnsured;
  const rows = await listLimitStandardRows();
  cache = { at: Date.now(), rows };
  return rows;
}

export async function ensureBuiltinLimits(): Promise<{ inserted: number }> {
  let inserted = 0;
  for (const s of BUILT_IN_LIMIT_STANDARDS) {
    try {
      if (await insertLimitStandard(s, 'builtin', null)) inserted += 1;
    } catch (e) {
      // Another process (worker, web) seeded the same version between the check and the insert: it is there.
      if (!isUniqueViolation(e)) throw e;
    }
  }
  if (inserted > 0) clearLimitCache();
  return { inserted };
}

/**
 * Each parameter's limit in force at `at`: a permit in force (station-specific before facility-wide) overrides; else
 * the first binding whose standard has a value for it (coefficients applied by resolveLimit); else the station
 * parameter's own min/max, which applies to the kind's primary compliance basis. Without `averaging`, the shortest
 * period in force (what 5-minute values compare to).
 */
export async function resolveStationLimits(
  station: LimitStationInput,
  at: Date,
  opts: { averaging?: LimitAveraging } = {},
): Promise<Map<string, StationLimit>> {
  return (await resolveLimitsForStations([station], at, opts)).get(station.id) ?? new Map();
}

/**
 * resolveStationLimits for many stations with three queries in all (live map, station lists): same rules, per station
 * id. Stations without any limit get an empty map.
 */
export async function resolveLimitsForStations(
  stations: readonly LimitStationInput[],
  at: Date,
  opts: { averaging?: LimitAveraging } = {},
): Promise<Map<number, Map<string, StationLimit>>> {
  const out = new Map<number, Map<string, StationLimit>>();
  if (stations.length === 0) return out;
  const [all, bindings, permits] = await Promise.all([
    standards(),
    listBindings(stations.map((s) => s.id)),
    listPermitLimits([...new Set(stations.map((s) => s.facility.id))]),
  ]);
  for (const station of stations) {
    out.set(
      station.id,
      resolveWith(
        station,
        all,
        bindings.filter((b) => b.stationId === station.id),
        permits.filter((x) => x.facilityId === station.facility.id),
        at,
        opts,
      ),
    );
  }
  return out;
}

function resolveWith(
  station: LimitStationInput,
  all: StoredLimitStandard[],
  bindings: Awaited<ReturnType<typeof listBindings>>,
  permits: Awaited<ReturnType<typeof listPermitLimits>>,
  at: Date,
  opts: { averaging?: LimitAveraging },
): Map<string, StationLimit> {
  const t = at.getTime();
  const out = new Map<string, StationLimit>();
  for (const p of station.parameters) {
    const permit = permits
      .filter(
        (x) =>
          x.parameter === p.parameter &&
          (x.stationId === null || x.stationId === station.id) &&
          (opts.averaging === undefined || x.averaging === opts.averaging) &&
          isInForce({ effectiveFrom: x.effectiveFrom, effectiveTo: x.effectiveTo ?? undefined }, t),
      )
      .sort((a, b) => Number(b.stationId !== null) - Number(a.stationId !== null) || b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
    const permitOverride = permit
      ? {
          reference: `permit#${permit.id}${permit.note ? ` ${permit.note}` : ''}`,
          ...(permit.min !== null ? { min: permit.min } : {}),
          ...(permit.max !== null ? { max: permit.max } : {}),
          averaging: permit.averaging,
        }
      : null;
    let resolved: { r: ResolvedLimit; o2Ref: number | null } | null = null;
    for (const b of bindings) {
      const r = resolveLimit({
        standards: all,
        stationKind: station.kind,
        parameter: p.parameter,
        column: b.columnCode,
        coefficients: b.coefficients,
        at: t,
        averaging: opts.averaging,
        standardCode: b.standardCode,
        permitOverride,
      });
      if (r) {
        resolved = { r, o2Ref: b.coefficients.o2Ref ?? null };
        break;
      }
    }
    if (!resolved && permitOverride) {
      const r = resolveLimit({ standards: [], stationKind: station.kind, parameter: p.parameter, at: t, permitOverride });
      if (r) resolved = { r, o2Ref: bindings[0]?.coefficients.o2Ref ?? null };
    }
    if (resolved) {
      const { r, o2Ref } = resolved;
      out.set(p.parameter, {
        parameter: p.parameter,
        min: r.min ?? null,
        max: r.max ?? null,
        averaging: r.averaging,
        source: r.derivation.standard === 'permit' ? 'permit' : 'standard',
        derivation: { ...r.derivation, ...(o2Ref !== null ? { o2Ref } : {}) },
        o2Ref,
      });
      continue;
    }
    if (bindings.length > 0 || (p.limitMin === null && p.limitMax === null)) continue;
    const primary = DEFAULT_COMPLIANCE_BASES[station.kind][0] ?? '24h';
    if (opts.averaging !== undefined && opts.averaging !== primary) continue;
    const base = { ...(p.limitMin !== null ? { min: p.limitMin } : {}), ...(p.limitMax !== null ? { max: p.limitMax } : {}) };
    out.set(p.parameter, {
      parameter: p.parameter,
      min: p.limitMin,
      max: p.limitMax,
      averaging: primary,
      source: 'station',
      derivation: { standard: 'station', version: '', column: '', coefficients: {}, base },
      o2Ref: null,
    });
  }
  return out;
}

export async function getStationLimitsService(code: string, scope: ViewerScope, at: Date = new Date()): Promise<StationLimit[]> {
  const s = await getStationOrThrow(code, scope);
  return [...(await resolveStationLimits(s, at)).values()];
}

// ---------------------------------------------------------------------------------------------------------------
// Catalogue and import

export type LimitStandardView = Omit<StoredLimitStandard, 'id'> & { inForce: boolean };

export async function listLimitStandardsService(at: Date = new Date(), opts: { inForceOnly?: boolean } = {}): Promise<LimitStandardView[]> {
  await standards();
  const rows = await listLimitStandardRows();
  return rows
    .map(({ id: _id, ...s }) => ({ ...s, inForce: isInForce(s, at.getTime()) }))
    .filter((s) => !opts.inForceOnly || s.inForce);
}

export const limitImportInput = z.object({
  format: z.enum(['json', 'csv']),
  /** JSON: one standard object or an array of them (limitStandardImportSchema); CSV: LIMIT_CSV_COLUMNS header. */
  content: z.string().min(1).max(5_000_000),
});

export type LimitImportPreview = {
  ok: boolean;
  /** What the file holds, each with whether its (code, version) already exists (then it cannot be imported). */
  standards: { code: string; name: string; version: string; kind: LimitStandard['kind']; effectiveFrom: string; effectiveTo: string | null; values: LimitStandard['values']; exists: boolean }[];
  errors: LimitImportError[];
};

/** Parses and validates a file exactly as importLimitStandards would, and stores nothing. */
export async function previewLimitImport(input: { format: 'json' | 'csv'; content: string }): Promise<LimitImportPreview> {
  const { format, content } = limitImportInput.parse(input);
  const r = parseLimitImport(format, content);
  if (!r.ok) return { ok: false, standards: [], errors: r.errors };
  const existing = await listLimitStandardRows();
  const standards = r.standards.map((p) => ({
    code: p.code,
    name: p.name,
    version: p.version,
    kind: p.kind,
    effectiveFrom: p.effectiveFrom,
    effectiveTo: p.effectiveTo ?? null,
    values: p.values,
    exists: existing.some((e) => e.code === p.code && e.version === p.version),
  }));
  const errors: LimitImportIssue[] = standards
    .filter((p) => p.exists)
    .map((p) => ({
      line: null,
      path: `${p.code} ${p.version}`,
      ...limitImportProblem('version_exists', { standard: p.code, version: p.version }, 'this version already exists'),
    }));
  return { ok: errors.length === 0, standards, errors };
}

/** Parses and stores new standard versions; all-or-nothing; an existing (code, version) is a CONFLICT. */
export async function importLimitStandards(input: { format: 'json' | 'csv'; content: string; actor: string }): Promise<{ imported: { code: string; version: string; values: number }[] }> {
  const { format, content } = limitImportInput.parse(input);
  const r = parseLimitImport(format, content);
  if (!r.ok) {
    const what = format === 'csv' ? 'invalid limit CSV' : r.errors.some((e) => e.code === 'invalid_json') ? 'invalid JSON' : 'invalid limit standard';
    // code + params let a client render the problem in its own language (messages limitsAdmin.import.issues).
    throw new AppError(
      'VALIDATION',
      what,
      r.errors.map((e) => ({ path: e.line !== null ? `line ${e.line}` : e.path || 'content', message: e.message, code: e.code, params: e.params })),
    );
  }
  const parsed: LimitStandard[] = r.standards;
  const existing = await listLimitStandardRows();
  const clash = parsed.find((p) => existing.some((e) => e.code === p.code && e.version === p.version));
  if (clash) throw new AppError('CONFLICT', `${clash.code} version ${clash.version} already exists`, { code: clash.code, version: clash.version });
  const imported: { code: string; version: string; values: number }[] = [];
  for (const s of parsed) {
    if (!(await insertLimitStandard(s, 'import', input.actor))) throw new AppError('CONFLICT', `${s.code} version ${s.version} already exists`);
    imported.push({ code: s.code, version: s.version, values: s.values.length });
    await appendAudit({
      actor: input.actor,
      action: 'limits.import',
      entity: 'limit_standard',
      entityId: `${s.code}@${s.version}`,
      after: { code: s.code, name: s.name, version: s.version, kind: s.kind, effectiveFrom: s.effectiveFrom, effectiveTo: s.effectiveTo ?? null, values: s.values.length, format },
    });
  }
  clearLimitCache();
  return { imported };
}

// ---------------------------------------------------------------------------------------------------------------
// Bindings and permits

const coefficientsSchema = z
  .object({
    kq: z.number().positive().max(10).optional(),
    kf: z.number().positive().max(10).optional(),
    kp: z.number().positive().max(10).optional(),
    kv: z.number().positive().max(10).optional(),
    o2Ref: z.number().min(0).lt(21).optional(),
  })
  .strict();

export const bindingInput = z.object({
  stationCode: z.string().trim().min(1).max(64),
  standardCode: z.string().trim().min(1).max(40),
  column: z.string().trim().min(1).max(20),
  coefficients: coefficientsSchema.default({}),
});

export async function setStationLimitBinding(input: z.input<typeof bindingInput> & { actor: string }): Promise<void> {
  const b = bindingInput.parse(input);
  const s = await getStationOrThrow(b.stationCode, { facilityId: null });
  const known = (await standards()).filter((x) => x.code === b.standardCode);
  if (known.length === 0) throw new AppError('VALIDATION', `unknown standard ${b.standardCode}`, [{ path: 'standardCode', message: 'not in the catalogue' }]);
  if (!known.some((x) => x.kind === s.kind)) {
    throw new AppError('VALIDATION', `${b.standardCode} is not a ${s.kind} standard`, [{ path: 'standardCode', message: `station ${s.code} is ${s.kind}` }]);
  }
  // A column no version of the standard has would silently resolve to nothing; 'all' values accept any column.
  if (!known.some((x) => x.values.some((v) => v.column === b.column || v.column === ANY_COLUMN))) {
    const columns = [...new Set(known.flatMap((x) => x.values.map((v) => v.column)))].sort();
    throw new AppError('VALIDATION', `${b.standardCode} has no column ${b.column}`, [{ path: 'column', message: `expected one of ${columns.join(', ')}` }]);
  }
  const coefficients: BindingCoefficients = b.coefficients;
  const before = await upsertBinding({ stationId: s.id, standardCode: b.standardCode, columnCode: b.column, coefficients, updatedBy: input.actor });
  await appendAudit({
    actor: input.actor,
    action: 'limits.bind',
    entity: 'station',
    entityId: s.code,
    before: before ? { standardCode: before.standardCode, column: before.columnCode, coefficients: before.coefficients } : null,
    after: { standardCode: b.standardCode, column: b.column, coefficients },
  });
}

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const permitInput = z
  .object({
    facilityCode: z.string().trim().min(1).max(64),
    stationCode: z.string().trim().min(1).max(64).optional(),
    parameter: z.string().trim().toUpperCase().min(1).max(32),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    averaging: z.enum(LIMIT_AVERAGINGS),
    effectiveFrom: localDate,
    effectiveTo: localDate.optional(),
    note: z.string().trim().max(500).optional(),
  })
  .refine((p) => p.min !== undefined || p.max !== undefined, { message: 'min or max is required', path: ['max'] })
  .refine((p) => p.min === undefined || p.max === undefined || p.min <= p.max, { message: 'min must not exceed max', path: ['min'] })
  .refine((p) => p.effectiveTo === undefined || p.effectiveTo > p.effectiveFrom, { message: 'effectiveTo must be after effectiveFrom', path: ['effectiveTo'] });

export async function createPermitLimit(input: z.input<typeof permitInput> & { actor: string }): Promise<{ id: number }> {
  const p = permitInput.parse(input);
  const facility = await findFacilityByCode(p.facilityCode);
  if (!facility) throw new AppError('VALIDATION', `facility ${p.facilityCode} does not exist`, [{ path: 'facilityCode', message: 'unknown' }]);
  let stationId: number | null = null;
  if (p.stationCode) {
    const s = await getStationOrThrow(p.stationCode, { facilityId: facility.id });
    stationId = s.id;
  }
  const row = await insertPermitLimit({
    facilityId: facility.id,
    stationId,
    parameter: p.parameter,
    min: p.min ?? null,
    max: p.max ?? null,
    averaging: p.averaging,
    effectiveFrom: p.effectiveFrom,
    effectiveTo: p.effectiveTo ?? null,
    note: p.note ?? null,
    createdBy: input.actor,
  });
  await appendAudit({ actor: input.actor, action: 'limits.permit', entity: 'permit_limit', entityId: row.id, after: { ...p } });
  return { id: row.id };
}

export const removeBindingInput = z.object({ stationCode: z.string().trim().min(1).max(64), standardCode: z.string().trim().min(1).max(40) });

export async function removeStationLimitBinding(input: z.input<typeof removeBindingInput> & { actor: string }): Promise<void> {
  const b = removeBindingInput.parse(input);
  const s = await getStationOrThrow(b.stationCode, { facilityId: null });
  const before = (await listBindings([s.id])).find((x) => x.standardCode === b.standardCode);
  if (!before || !(await deleteBinding(s.id, b.standardCode))) throw new AppError('NOT_FOUND', `station ${s.code} is not bound to ${b.standardCode}`);
  await appendAudit({
    actor: input.actor,
    action: 'limits.unbind',
    entity: 'station',
    entityId: s.code,
    before: { standardCode: before.standardCode, column: before.columnCode, coefficients: before.coefficients },
    after: null,
  });
}

export const endPermitInput = z.object({ id: z.number().int().positive(), effectiveTo: localDate });

/** Ends a permit limit on a date (exclusive, local); the date must fall after its start. */
export async function endPermitLimit(input: z.input<typeof endPermitInput> & { actor: string }): Promise<void> {
  const p = endPermitInput.parse(input);
  const before = await findPermitLimit(p.id);
  if (!before) throw new AppError('NOT_FOUND', `permit limit ${p.id} not found`);
  if (p.effectiveTo <= before.effectiveFrom) {
    throw new AppError('VALIDATION', 'effectiveTo must be after effectiveFrom', [{ path: 'effectiveTo', message: `after ${before.effectiveFrom}` }]);
  }
  await setPermitLimitEnd(p.id, p.effectiveTo);
  await appendAudit({
    actor: input.actor,
    action: 'limits.permit.end',
    entity: 'permit_limit',
    entityId: p.id,
    before: { effectiveTo: before.effectiveTo },
    after: { effectiveTo: p.effectiveTo },
  });
}

export type StationLimitRow = StationLimit & {
  /** The period of the standard version or permit that gives this limit ('YYYY-MM-DD', local; to exclusive). */
  effectiveFrom: string | null;
  effectiveTo: string | null;
  permitId: number | null;
  /** The limit live 5-minute values are compared to (the shortest period in force). */
  live: boolean;
};

export type StationLimitDetail = {
  station: { code: string; name: string; kind: StationKind; facility: { id: number; code: string; name: string } };
  at: Date;
  bindings: { standardCode: string; column: string; coefficients: BindingCoefficients; updatedBy: string | null; createdAt: Date | null }[];
  /** The facility's permits that can apply here: facility-wide ones and this station's. */
  permits: (PermitLimitRow & { stationCode: string | null; inForce: boolean })[];
  parameters: { parameter: string; unit: string; limits: StationLimitRow[] }[];
  /** Standards of the station's kind that it may be bound to, with the columns their versions use. */
  standards: { code: string; name: string; columns: string[]; versions: { version: string; effectiveFrom: string; effectiveTo: string | null }[] }[];
};

/** Everything the admin needs to see how each parameter's limits are derived at `at`, for every averaging period. */
export async function getStationLimitDetail(code: string, scope: ViewerScope, at: Date = new Date()): Promise<StationLimitDetail> {
  const s = await getStationOrThrow(code, scope);
  const [all, bindings, permits] = await Promise.all([standards(), listBindings([s.id]), listPermitLimits([s.facility.id])]);
  const live = await resolveStationLimits(s, at);
  const perAveraging = await Promise.all(LIMIT_AVERAGINGS.map((averaging) => resolveStationLimits(s, at, { averaging })));
  const ownPermits = permits.filter((p) => p.stationId === null || p.stationId === s.id);
  const datesOf = (l: StationLimit): Pick<StationLimitRow, 'effectiveFrom' | 'effectiveTo' | 'permitId'> => {
    if (l.source === 'permit') {
      const id = Number(/^permit#(\d+)/.exec(l.derivation.version)?.[1]);
      const p = ownPermits.find((x) => x.id === id);
      return { effectiveFrom: p?.effectiveFrom ?? null, effectiveTo: p?.effectiveTo ?? null, permitId: p?.id ?? null };
    }
    const v = all.find((x) => x.code === l.derivation.standard && x.version === l.derivation.version);
    return { effectiveFrom: v?.effectiveFrom ?? null, effectiveTo: v?.effectiveTo ?? null, permitId: null };
  };
  const same = (a: StationLimit, b: StationLimit | undefined) =>
    b !== undefined && a.averaging === b.averaging && a.min === b.min && a.max === b.max && a.derivation.standard === b.derivation.standard && a.derivation.version === b.derivation.version;
  const parameters = s.parameters.map((p) => {
    const rows: StationLimitRow[] = [];
    for (const m of perAveraging) {
      const l = m.get(p.parameter);
      if (!l || rows.some((r) => same(r, l))) continue;
      rows.push({ ...l, ...datesOf(l), live: same(l, live.get(p.parameter)) });
    }
    return { parameter: p.parameter, unit: p.unit, limits: rows };
  });
  const ofKind = all.filter((x) => x.kind === s.kind);
  const codes = [...new Set(ofKind.map((x) => x.code))].sort();
  return {
    station: { code: s.code, name: s.name, kind: s.kind, facility: s.facility },
    at,
    bindings: bindings.map((b) => ({ standardCode: b.standardCode, column: b.columnCode, coefficients: b.coefficients, updatedBy: b.updatedBy ?? null, createdAt: b.createdAt ?? null })),
    permits: ownPermits.map((p) => ({
      ...p,
      stationCode: p.stationId === null ? null : s.code,
      inForce: isInForce({ effectiveFrom: p.effectiveFrom, effectiveTo: p.effectiveTo ?? undefined }, at.getTime()),
    })),
    parameters,
    standards: codes.map((c) => {
      const versions = ofKind.filter((x) => x.code === c);
      return {
        code: c,
        name: versions[versions.length - 1]?.name ?? c,
        columns: [...new Set(versions.flatMap((v) => v.values.map((x) => x.column)))].sort(),
        versions: versions.map((v) => ({ version: v.version, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo ?? null })),
      };
    }),
  };
}
