/**
 * A station's limits: what is in force for each parameter (with its derivation), its standard bindings and the
 * facility's permit limits. Station lookups go through getStationOrThrow (the viewer's scope).
 */
import { z } from 'zod';
import { appendAudit } from '../../db/audit';
import { findFacilityByCode } from '../../db/facilities';
import {
  insertPermitLimit,
  listBindings,
  deleteBinding,
  findPermitLimit,
  listPermitLimits,
  setPermitLimitEnd,
  upsertBinding,
  type BindingCoefficients,
  type PermitLimitRow,
} from '../../db/limits';
import { ANY_COLUMN, isInForce, LIMIT_AVERAGINGS } from '../../domain/limits';
import type { StationKind } from '../../domain/parameters';
import { AppError } from '../../errors';
import { listStandards, resolveStationLimits, type StationLimit } from '../limits';
import { getStationOrThrow, type ViewerScope } from './access';

export async function getStationLimitsService(code: string, scope: ViewerScope, at: Date = new Date()): Promise<StationLimit[]> {
  const s = await getStationOrThrow(code, scope);
  return [...(await resolveStationLimits(s, at)).values()];
}

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
  const known = (await listStandards()).filter((x) => x.code === b.standardCode);
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
  const [all, bindings, permits] = await Promise.all([listStandards(), listBindings([s.id]), listPermitLimits([s.facility.id])]);
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
