import { z } from 'zod';
import { appendAudit } from '../../db/audit';
import { updateDeviceSettings } from '../../db/camera-images';
import { cameraSettingsInput, DEFAULT_PULL_INTERVAL_MINUTES } from '../../domain/camera';
import { DEFAULT_SAMPLER_COOLDOWN_MINUTES, samplerSettingsInput } from '../../domain/sampler';
import { isUniqueViolation } from '../../db/errors';
import { findFacilityByCode } from '../../db/facilities';
import { createStation, findStationByCode, findStationByFileCode, type StationRow } from '../../db/stations';
import { CODE_PATTERN, FILE_CODE_PATTERN } from '../../domain/codes';
import { isoInstant } from '../../domain/time';
import { findParameter, STATION_KINDS, type ParameterDef } from '../../domain/parameters';
import { ANY_COLUMN, defaultBindingFor } from '../../domain/limits';
import { AppError } from '../../errors';
import { listStandards } from '../limits';
import { bindingInput, setStationLimitBinding } from './limits';

const limitInput = z
  .object({ min: z.number().finite().nullish(), max: z.number().finite().nullish() })
  .refine((l) => l.min == null || l.max == null || l.min <= l.max, { message: 'min must not exceed max', path: ['min'] });

export const createStationInput = z.object({
  code: z.string().trim().regex(CODE_PATTERN, 'letters, digits, _ . - (max 64)'),
  fileCode: z.string().trim().regex(FILE_CODE_PATTERN, 'the <FACILITY>_<STATION> part of file names'),
  fileAliases: z.array(z.string().trim().regex(FILE_CODE_PATTERN)).max(20).optional(),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(STATION_KINDS),
  facilityCode: z.string().trim().min(1).max(64),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  intervalMinutes: z.number().int().min(1).max(1440).default(5),
  graceMinutes: z.number().int().min(0).max(10080).default(15),
  activeFrom: isoInstant.optional(),
  parameters: z
    .array(
      z.object({
        code: z.string().trim().min(1).max(32),
        unit: z.string().trim().max(32).nullish(),
        limit: limitInput.nullish(),
        /** Standard binding (API.md): code as in GET /api/v1/limits; column defaults to the kind's national one. */
        standard: z
          .object({ code: bindingInput.shape.standardCode, column: bindingInput.shape.column.optional(), coefficients: bindingInput.shape.coefficients.optional() })
          .nullish(),
      }),
    )
    .min(1)
    .max(64),
  camera: cameraSettingsInput.optional(),
  sampler: samplerSettingsInput.optional(),
});
export type CreateStationInput = z.infer<typeof createStationInput>;

/** Compares unit spellings loosely (mg/l = mg/L, m3/h = m³/h, ug/m3 = µg/m³, oC = °C). */
function unitKey(unit: string): string {
  return unit
    .trim()
    .toLowerCase()
    .replace(/³/g, '3')
    .replace(/[µμ]/g, 'u')
    .replace(/°/g, 'o')
    .replace(/\s+/g, '');
}

/** The registry's unit when `given` is empty or a spelling of it (mg/l = mg/L); null when it is another unit. */
export function canonicalUnit(def: ParameterDef, given: string | null | undefined): string | null {
  if (given == null || given.trim() === '') return def.unit;
  if (def.unit === '-' && ['-', 'ph', '—', 'none'].includes(unitKey(given))) return def.unit;
  return unitKey(given) === unitKey(def.unit) ? def.unit : null;
}

type Issue = { path: string; message: string };
type Coefficients = NonNullable<NonNullable<CreateStationInput['parameters'][number]['standard']>['coefficients']>;
type Binding = { standardCode: string; column: string; coefficients: Coefficients };

/**
 * The distinct standard bindings asked for by `parameters[].standard` (a binding is per station and standard): the
 * standard must exist for the station's kind and have the column; one standard named twice must agree.
 */
async function checkStandards(input: CreateStationInput, issues: Issue[]): Promise<Binding[]> {
  const asked = input.parameters.flatMap((p, i) => (p.standard ? [{ i, s: p.standard }] : []));
  if (asked.length === 0) return [];
  const catalogue = await listStandards();
  const out = new Map<string, Binding>();
  for (const { i, s } of asked) {
    const path = `parameters.${i}.standard`;
    const versions = catalogue.filter((x) => x.code === s.code && x.kind === input.kind);
    if (versions.length === 0) {
      issues.push({ path: `${path}.code`, message: `${s.code} is not a ${input.kind} standard` });
      continue;
    }
    const national = defaultBindingFor(input.kind);
    const column = s.column ?? (national?.standardCode === s.code ? national.columnCode : undefined);
    if (column === undefined) {
      issues.push({ path: `${path}.column`, message: `${s.code} needs a column` });
      continue;
    }
    if (!versions.some((x) => x.values.some((v) => v.column === column || v.column === ANY_COLUMN))) {
      issues.push({ path: `${path}.column`, message: `${s.code} has no column ${column}` });
      continue;
    }
    const b: Binding = { standardCode: s.code, column, coefficients: s.coefficients ?? {} };
    const earlier = out.get(s.code);
    if (earlier && JSON.stringify(earlier) !== JSON.stringify(b)) {
      issues.push({ path, message: `${s.code} is bound with another column or coefficients on an earlier parameter` });
      continue;
    }
    out.set(s.code, b);
  }
  return [...out.values()];
}

/**
 * Registers a station: its kind's registry decides which parameters exist and their canonical units; the facility must
 * exist; code and file code are unique (CONFLICT).
 */
export async function createStationService(input: CreateStationInput, actor = 'system', now: Date = new Date()): Promise<StationRow> {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const parameters: { parameter: string; unit: string; limitMin: number | null; limitMax: number | null }[] = [];
  input.parameters.forEach((p, i) => {
    const code = p.code.toUpperCase();
    const def = findParameter(input.kind, code);
    if (!def) {
      issues.push({ path: `parameters.${i}.code`, message: `${p.code} is not a ${input.kind} parameter` });
      return;
    }
    if (seen.has(code)) {
      issues.push({ path: `parameters.${i}.code`, message: `${code} is listed twice` });
      return;
    }
    seen.add(code);
    const unit = canonicalUnit(def, p.unit);
    if (!unit) {
      issues.push({ path: `parameters.${i}.unit`, message: `${code} is measured in ${def.unit}, not ${p.unit ?? ''}` });
      return;
    }
    parameters.push({ parameter: code, unit, limitMin: p.limit?.min ?? null, limitMax: p.limit?.max ?? null });
  });
  const bindings = await checkStandards(input, issues);
  const facility = await findFacilityByCode(input.facilityCode);
  if (!facility) issues.push({ path: 'facilityCode', message: `facility ${input.facilityCode} does not exist` });
  if (issues.length > 0 || !facility) throw new AppError('VALIDATION', 'invalid station', issues);

  if (await findStationByCode(input.code)) throw new AppError('CONFLICT', `station ${input.code} already exists`, { field: 'code' });
  for (const fc of [input.fileCode, ...(input.fileAliases ?? [])]) {
    const other = await findStationByFileCode(fc);
    if (other) throw new AppError('CONFLICT', `file code ${fc} is already used by station ${other.code}`, { field: 'fileCode' });
  }

  let station: StationRow;
  try {
    station = await createStation({
      code: input.code,
      fileCode: input.fileCode,
      fileAliases: input.fileAliases,
      name: input.name,
      kind: input.kind,
      facilityId: facility.id,
      lat: input.lat,
      lon: input.lon,
      intervalMinutes: input.intervalMinutes,
      graceMinutes: input.graceMinutes,
      activeFrom: input.activeFrom ?? now,
      parameters,
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', `station ${input.code} or file code ${input.fileCode} already exists`);
    throw e;
  }
  for (const b of bindings) {
    await setStationLimitBinding({ stationCode: station.code, standardCode: b.standardCode, column: b.column, coefficients: b.coefficients, actor });
  }
  await appendAudit({
    actor,
    action: 'station.create',
    entity: 'station',
    entityId: station.code,
    after: {
      code: station.code,
      fileCode: station.fileCode,
      name: station.name,
      kind: station.kind,
      facility: facility.code,
      lat: station.lat,
      lon: station.lon,
      intervalMinutes: station.intervalMinutes,
      graceMinutes: station.graceMinutes,
      activeFrom: station.activeFrom.toISOString(),
      parameters: parameters.map((p) => ({ code: p.parameter, unit: p.unit, min: p.limitMin, max: p.limitMax })),
    },
  });
  // Camera and sampler settings (issue #21); the route is admin-only, as setting a snapshot URL must be.
  if (input.camera || input.sampler) await updateDeviceSettings(station.id, deviceSettingsFromInput(input));
  return station;
}

function deviceSettingsFromInput(input: CreateStationInput) {
  const c = input.camera;
  const sm = input.sampler;
  return {
    camera: c ? { snapshotUrl: c.snapshotUrl || null, streamUrl: c.streamUrl || null, intervalMinutes: c.intervalMinutes ?? DEFAULT_PULL_INTERVAL_MINUTES } : undefined,
    sampler: sm ? { enabled: sm.enabled, autoAfter: sm.autoAfter ?? 0, cooldownMinutes: sm.cooldownMinutes ?? DEFAULT_SAMPLER_COOLDOWN_MINUTES } : undefined,
  };
}

