import type { LimitAveraging, LimitCoefficients, LimitStandard, PermitTerms } from '../domain/limits';
import { LIMIT_AVERAGINGS } from '../domain/limits';
import type { StationKind } from '../domain/parameters';
import { pool, prisma } from './client';

/** Versioned limit standards, station bindings and permit limits. DATE columns travel as 'YYYY-MM-DD'. */
const toDate = (d: string): Date => new Date(`${d}T00:00:00.000Z`);
const fromDate = (d: Date): string => d.toISOString().slice(0, 10);
const averaging = (a: string): LimitAveraging =>
  (LIMIT_AVERAGINGS as readonly string[]).includes(a) ? (a as LimitAveraging) : '24h';

export type StoredLimitStandard = LimitStandard & {
  id: number;
  source: 'builtin' | 'import';
  importedBy: string | null;
  createdAt: Date;
};

export async function listLimitStandardRows(): Promise<StoredLimitStandard[]> {
  const rows = await prisma().limitStandard.findMany({
    include: { values: { orderBy: [{ parameter: 'asc' }, { columnCode: 'asc' }, { averaging: 'asc' }] } },
    orderBy: [{ code: 'asc' }, { effectiveFrom: 'asc' }],
  });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    version: r.version,
    kind: r.kind as StationKind,
    effectiveFrom: fromDate(r.effectiveFrom),
    ...(r.effectiveTo ? { effectiveTo: fromDate(r.effectiveTo) } : {}),
    source: r.source === 'builtin' ? 'builtin' : 'import',
    importedBy: r.importedBy,
    createdAt: r.createdAt,
    values: r.values.map((v) => ({
      column: v.columnCode,
      parameter: v.parameter,
      ...(v.min !== null ? { min: v.min } : {}),
      ...(v.max !== null ? { max: v.max } : {}),
      averaging: averaging(v.averaging),
      applyCoefficients: v.applyCoefficients,
    })),
  }));
}

export async function limitStandardExists(code: string, version: string): Promise<boolean> {
  return (await prisma().limitStandard.count({ where: { code, version } })) > 0;
}

/** Inserts a standard with its values; returns false when (code, version) already exists (nothing changed). */
export async function insertLimitStandard(
  s: LimitStandard,
  source: 'builtin' | 'import',
  importedBy: string | null,
): Promise<boolean> {
  return prisma().$transaction(async (tx) => {
    if ((await tx.limitStandard.count({ where: { code: s.code, version: s.version } })) > 0) return false;
    await tx.limitStandard.create({
      data: {
        code: s.code,
        name: s.name,
        version: s.version,
        kind: s.kind,
        effectiveFrom: toDate(s.effectiveFrom),
        effectiveTo: s.effectiveTo ? toDate(s.effectiveTo) : null,
        source,
        importedBy,
        values: {
          create: s.values.map((v) => ({
            columnCode: v.column,
            parameter: v.parameter,
            min: v.min ?? null,
            max: v.max ?? null,
            averaging: v.averaging,
            applyCoefficients: v.applyCoefficients,
          })),
        },
      },
    });
    return true;
  });
}

export type BindingCoefficients = LimitCoefficients & { o2Ref?: number };
export type StationLimitBindingRow = {
  stationId: number;
  standardCode: string;
  columnCode: string;
  coefficients: BindingCoefficients;
  updatedBy?: string | null;
  createdAt?: Date;
};

function coefficientsOf(j: unknown): BindingCoefficients {
  const o = j && typeof j === 'object' && !Array.isArray(j) ? (j as Record<string, unknown>) : {};
  const out: BindingCoefficients = {};
  for (const k of ['kq', 'kf', 'kp', 'kv', 'o2Ref'] as const) {
    const v = o[k];
    if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  }
  return out;
}

/** Read for every station on each stations-list request: plain SQL (the ORM's round trip costs more than the rows). */
export async function listBindings(stationIds: number[]): Promise<StationLimitBindingRow[]> {
  if (stationIds.length === 0) return [];
  const r = await pool().query<Omit<StationLimitBindingRow, 'coefficients'> & { coefficients: unknown }>({
    name: 'list_limit_bindings_v2',
    text: `SELECT station_id AS "stationId", standard_code AS "standardCode", column_code AS "columnCode", coefficients,
                  updated_by AS "updatedBy", created_at AS "createdAt"
           FROM station_limit_binding WHERE station_id = ANY($1::int[]) ORDER BY created_at`,
    values: [stationIds],
  });
  return r.rows.map((x) => ({ ...x, coefficients: coefficientsOf(x.coefficients) }));
}

export async function upsertBinding(
  b: StationLimitBindingRow & { updatedBy: string },
): Promise<StationLimitBindingRow | null> {
  const before = await prisma().stationLimitBinding.findUnique({
    where: { stationId_standardCode: { stationId: b.stationId, standardCode: b.standardCode } },
  });
  await prisma().stationLimitBinding.upsert({
    where: { stationId_standardCode: { stationId: b.stationId, standardCode: b.standardCode } },
    create: {
      stationId: b.stationId,
      standardCode: b.standardCode,
      columnCode: b.columnCode,
      coefficients: b.coefficients,
      updatedBy: b.updatedBy,
    },
    update: { columnCode: b.columnCode, coefficients: b.coefficients, updatedBy: b.updatedBy },
  });
  return before
    ? {
        stationId: before.stationId,
        standardCode: before.standardCode,
        columnCode: before.columnCode,
        coefficients: coefficientsOf(before.coefficients),
      }
    : null;
}

export async function deleteBinding(stationId: number, standardCode: string): Promise<boolean> {
  const r = await prisma().stationLimitBinding.deleteMany({ where: { stationId, standardCode } });
  return r.count > 0;
}

export type PermitLimitRow = { id: number; facilityId: number; stationId: number | null; parameter: string } & PermitTerms;

/** permit_limit columns named as PermitLimitRow's fields; dates as text (node-pg would read a DATE as local midnight). */
const PERMIT_COLUMNS = `id, facility_id AS "facilityId", station_id AS "stationId", parameter, min, max, averaging,
  to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom", to_char(effective_to, 'YYYY-MM-DD') AS "effectiveTo", note`;
type DbPermit = Omit<PermitLimitRow, 'averaging'> & { averaging: string };
const toPermitRow = (x: DbPermit): PermitLimitRow => ({ ...x, averaging: averaging(x.averaging) });

export async function listPermitLimits(facilityIds: number[]): Promise<PermitLimitRow[]> {
  if (facilityIds.length === 0) return [];
  const r = await pool().query<DbPermit>({
    name: 'list_permit_limits_v2',
    text: `SELECT ${PERMIT_COLUMNS} FROM permit_limit WHERE facility_id = ANY($1::int[]) ORDER BY id`,
    values: [facilityIds],
  });
  return r.rows.map(toPermitRow);
}

export async function findPermitLimit(id: number): Promise<PermitLimitRow | null> {
  const r = await pool().query<DbPermit>(`SELECT ${PERMIT_COLUMNS} FROM permit_limit WHERE id = $1`, [id]);
  return r.rows[0] ? toPermitRow(r.rows[0]) : null;
}

/** Sets the permit's end date (exclusive, 'YYYY-MM-DD'); the row is kept so past verdicts still explain themselves. */
export async function setPermitLimitEnd(id: number, effectiveTo: string): Promise<PermitLimitRow | null> {
  const r = await prisma().permitLimit.updateMany({ where: { id }, data: { effectiveTo: toDate(effectiveTo) } });
  return r.count > 0 ? findPermitLimit(id) : null;
}

export async function insertPermitLimit(
  p: Omit<PermitLimitRow, 'id'> & { createdBy: string },
): Promise<PermitLimitRow> {
  const r = await prisma().permitLimit.create({
    data: {
      facilityId: p.facilityId,
      stationId: p.stationId,
      parameter: p.parameter,
      min: p.min,
      max: p.max,
      averaging: p.averaging,
      effectiveFrom: toDate(p.effectiveFrom),
      effectiveTo: p.effectiveTo ? toDate(p.effectiveTo) : null,
      note: p.note,
      createdBy: p.createdBy,
    },
  });
  return { ...p, id: r.id };
}
