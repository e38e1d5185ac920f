/**
 * Limits as data (DOMAIN.md §6): the builtin catalogue seeded into limit_standard/limit_value, admin imports of new
 * versions (JSON or CSV, no code change), and the resolution of each station parameter's limit with its derivation
 * from its bindings and permits. A station's own bindings and permits are edited in lib/services/stations (limits.ts).
 *
 *   ensureBuiltinLimits(): Promise<{ inserted: number }>                       idempotent; worker start + tests
 *   listStandards(): Promise<StoredLimitStandard[]>                            the catalogue, cached 30 s
 *   resolveStationLimits(station, at, { averaging? }): Promise<Map<parameter, StationLimit>>
 *   resolveLimitsForStations(stations, at, { averaging? }): Promise<Map<stationId, Map<parameter, StationLimit>>>  batched
 *   listLimitStandardsService(at?): Promise<LimitStandardView[]>                 with inForce
 *   previewLimitImport({ content, format }): Promise<LimitImportPreview>        parse + validate + clash check, stores nothing
 *   importLimitStandards({ content, format: 'json'|'csv', actor }): Promise<{ imported: {code, version}[] }>
 */
import { z } from 'zod';
import { appendAudit } from '../../db/audit';
import {
  insertLimitStandard,
  listBindings,
  listLimitStandardRows,
  listPermitLimits,
  type StoredLimitStandard,
} from '../../db/limits';
import {
  BUILT_IN_LIMIT_STANDARDS,
  defaultBindingFor,
  isInForce,
  parseLimitImport,
  resolveLimit,
  limitImportProblem,
  type LimitAveraging,
  type LimitImportError,
  type LimitImportIssue,
  type LimitStandard,
  type ResolvedLimit,
} from '../../domain/limits';
import type { StationKind } from '../../domain/parameters';
import { DEFAULT_COMPLIANCE_BASES } from '../../domain/verdicts';
import { AppError } from '../../errors';
import { isUniqueViolation } from '../../db/errors';

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

/** The standards catalogue (cached for 30 s; the first read of a process seeds the builtin versions). */
export async function listStandards(): Promise<StoredLimitStandard[]> {
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
    listStandards(),
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
    // No binding: the national standard of the kind applies (QCVN 05 ambient, QCVN 08 class B river), unless the
    // admin set the parameter's own limit (DOMAIN.md §6).
    const national = defaultBindingFor(station.kind);
    const hasOwn = p.limitMin !== null || p.limitMax !== null;
    const effective =
      bindings.length > 0 || hasOwn || !national ? bindings : [{ stationId: station.id, standardCode: national.standardCode, columnCode: national.columnCode, coefficients: {} }];
    for (const b of effective) {
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

// ---------------------------------------------------------------------------------------------------------------
// Catalogue and import

export type LimitStandardView = Omit<StoredLimitStandard, 'id'> & { inForce: boolean };

export async function listLimitStandardsService(at: Date = new Date(), opts: { inForceOnly?: boolean } = {}): Promise<LimitStandardView[]> {
  await listStandards();
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
