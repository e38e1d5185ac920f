import { z } from 'zod';
import { listHourlyBuckets, toHourlyAverages } from '../db/aggregates';
import { computeDaily, computeEightHour, dayRange, type HourlyAverage } from '../domain/averages';
import { appendAudit } from '../db/audit';
import { findFacilityByCode } from '../db/facilities';
import { latestReadings, listRawReadings, type RawReadingRow } from '../db/readings';
import { createStation, findStationByCode, findStationByFileCode, listStations, type StationRow } from '../db/stations';
import type { Level } from '../domain/level';
import { findParameter, STATION_KINDS, type ParameterDef, type StationKind } from '../domain/parameters';
import { isValidReading } from '../domain/qc-flags';
import { STATION_STATES, type StationState } from '../domain/station-status';
import { parseIsoInstant } from '../domain/iso-time';
import { AppError } from '../errors';
import { CODE_PATTERN, isUniqueViolation } from './facilities';

/** What a caller may see: a facility token/user only its own facility's stations; staff all (facilityId null). */
export type ViewerScope = { facilityId: number | null };

// ---------------------------------------------------------------------------------------------------------------
// Create

/** An instant given as ISO 8601 text with any offset (no offset = Vietnam local time), or a Date from code. */
export const isoInstant = z.union([
  z.date(),
  z.string().transform((text, ctx) => {
    const d = parseIsoInstant(text);
    if (!d) {
      ctx.addIssue({ code: 'custom', message: 'expected an ISO 8601 date-time such as 2024-05-24T10:05:00+07:00' });
      return z.NEVER;
    }
    return d;
  }),
]);

const limitInput = z
  .object({ min: z.number().finite().nullish(), max: z.number().finite().nullish() })
  .refine((l) => l.min == null || l.max == null || l.min <= l.max, { message: 'min must not exceed max', path: ['min'] });

export const createStationInput = z.object({
  code: z.string().trim().regex(CODE_PATTERN, 'letters, digits, _ . - (max 64)'),
  fileCode: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, 'the <FACILITY>_<STATION> part of file names'),
  fileAliases: z.array(z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/)).max(20).optional(),
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
      }),
    )
    .min(1)
    .max(64),
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

function canonicalUnit(def: ParameterDef, given: string | null | undefined): string | null {
  if (given == null || given === '') return def.unit;
  if (def.unit === '-' && ['-', 'ph', '—', 'none'].includes(unitKey(given))) return def.unit;
  return unitKey(given) === unitKey(def.unit) ? def.unit : null;
}

type Issue = { path: string; message: string };

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
  return station;
}

// ---------------------------------------------------------------------------------------------------------------
// Read

export type StationWithState = StationRow & { state: StationState };

// Loaded lazily: station-state → limits → this module would otherwise form an import cycle at start-up.
const liveStates = async () => import('./station-state');

/** Full live state (DOMAIN.md §7) of one station: the same computation as the map, the lists and the station page. */
export async function stationState(s: StationRow, now: Date = new Date()): Promise<StationState> {
  const { computeLiveState } = await liveStates();
  return (await computeLiveState(s, now)).state;
}

export const stationListFilter = z.object({
  kind: z.enum(STATION_KINDS).optional(),
  state: z.enum(STATION_STATES).optional(),
});

/** Visible stations with their full live state, optionally filtered by kind and state (a fixed number of queries). */
export async function listStationsService(
  scope: ViewerScope,
  filter: { kind?: StationKind; state?: StationState },
  now: Date = new Date(),
): Promise<StationWithState[]> {
  const rows = await listStations({ facilityId: scope.facilityId, kind: filter.kind });
  const { computeLiveStates } = await liveStates();
  const live = await computeLiveStates(rows, now);
  return rows.map((s) => ({ ...s, state: live.get(s.id)?.state ?? 'offline' })).filter((s) => !filter.state || s.state === filter.state);
}

/** The station if the viewer may see it; NOT_FOUND otherwise (another facility's station does not "exist"). */
export async function getStationOrThrow(code: string, scope: ViewerScope): Promise<StationRow> {
  const s = await findStationByCode(code);
  if (!s || (scope.facilityId !== null && s.facility.id !== scope.facilityId)) {
    throw new AppError('NOT_FOUND', `station ${code} not found`);
  }
  return s;
}

export async function getStationService(code: string, scope: ViewerScope, now: Date = new Date()): Promise<StationWithState> {
  const s = await getStationOrThrow(code, scope);
  return { ...s, state: await stationState(s, now) };
}

export type LatestValue = {
  parameter: string;
  time: Date;
  value: number;
  unit: string;
  deviceStatus: string;
  qcFlag: number;
  qcReasons: string[];
  valid: boolean;
  level: Level | null;
  limitMin: number | null;
  limitMax: number | null;
};

export type StationLatest = { station: StationWithState; time: Date | null; values: LatestValue[] };

/**
 * The newest reading of each parameter with its early-warning level against the limits in force (the resolved limits
 * the alert engine uses), and the station's full live state: what the map and the station page show.
 */
export async function getLatestService(code: string, scope: ViewerScope, now: Date = new Date()): Promise<StationLatest> {
  const s = await getStationOrThrow(code, scope);
  const { computeLiveState, evaluateReadings, limitsForStation } = await liveStates();
  const [live, limits, rows] = await Promise.all([computeLiveState(s, now), limitsForStation(s, now), latestReadings(s.id)]);
  const params = new Map(s.parameters.map((p) => [p.parameter, p]));
  const values = evaluateReadings(rows, limits).rows.map(
    (r): LatestValue => ({
      parameter: r.parameter,
      time: r.time,
      value: r.value,
      unit: params.get(r.parameter)?.unit ?? findParameter(s.kind, r.parameter)?.unit ?? '',
      deviceStatus: r.deviceStatus,
      qcFlag: r.qcFlag,
      qcReasons: r.qcReasons,
      // Validity of the data (status 00, flag good/suspect); the level also rates a value QC has not finished yet.
      valid: isValidReading(r.deviceStatus, r.qcFlag),
      level: r.level,
      limitMin: r.limit?.min ?? null,
      limitMax: r.limit?.max ?? null,
    }),
  );
  const time = values.reduce<Date | null>((t, v) => (t === null || v.time > t ? v.time : t), null);
  return { station: { ...s, state: live.state }, time, values };
}

export const RESOLUTIONS = ['raw', '1h', '8h', '24h'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export type ReadingsQuery = {
  parameter: string;
  from?: Date;
  to?: Date;
  resolution: Resolution;
  limit: number;
  /** Exclusive lower bound on item time from the previous page. */
  after?: Date;
};

export type RawPoint = RawReadingRow & { valid: boolean };

/** An averaged value: hourly and 8-hourly labelled by the end of the (last) hour, daily by local midnight + `date`. */
export type AggregatePoint = {
  time: Date;
  date?: string;
  value: number | null;
  validCount: number;
  expectedCount: number;
  complete: boolean;
  min: number | null;
  max: number | null;
};

const hourPoint = (h: HourlyAverage): AggregatePoint => ({
  time: new Date(h.hourEnd),
  value: h.value,
  validCount: h.validCount,
  expectedCount: h.expectedCount,
  complete: h.complete,
  min: h.min,
  max: h.max,
});

export type ReadingsPage =
  | { resolution: 'raw'; station: StationRow; parameter: string; unit: string; items: RawPoint[]; next: Date | null }
  | { resolution: '1h' | '8h' | '24h'; station: StationRow; parameter: string; unit: string; items: AggregatePoint[]; next: Date | null };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** On-the-fly aggregates hold the range in memory; a year and a bit is plenty for one request. */
export const MAX_AGGREGATE_SPAN_DAYS = 400;

/**
 * One parameter's readings in [from, to) (default: the last 24 hours; 31 days for daily means), raw or averaged.
 * Pages are keyed by item time.
 */
export async function listReadingsService(code: string, scope: ViewerScope, q: ReadingsQuery, now: Date = new Date()): Promise<ReadingsPage> {
  const s = await getStationOrThrow(code, scope);
  const parameter = q.parameter.toUpperCase();
  const sp = s.parameters.find((p) => p.parameter === parameter);
  if (!sp) {
    throw new AppError('VALIDATION', `station ${s.code} does not measure ${q.parameter}`, [
      { path: 'parameter', message: `one of ${s.parameters.map((p) => p.parameter).join(', ')}` },
    ]);
  }
  const to = q.to ?? now;
  const from = q.from ?? new Date(to.getTime() - (q.resolution === '24h' ? 31 * DAY_MS : DAY_MS));
  if (from.getTime() >= to.getTime()) {
    throw new AppError('VALIDATION', 'from must be before to', [{ path: 'from', message: 'from must be before to' }]);
  }

  if (q.resolution === 'raw') {
    const start = q.after && q.after.getTime() + 1 > from.getTime() ? new Date(q.after.getTime() + 1) : from;
    const rows = start < to ? await listRawReadings(s.id, parameter, start, to, q.limit + 1) : [];
    // Validity includes operator overlays (an invalidated reading is not valid even when its flags are good).
    // Loaded lazily: overlays.ts imports this module (shared scope and time helpers).
    const { withOverlayValidity } = await import('./overlays');
    const page = (await withOverlayValidity(s.id, parameter, rows.slice(0, q.limit))).map(
      ({ invalidatedByOverlay: _overlay, ...r }) => r,
    );
    const last = page.at(-1);
    return { resolution: 'raw', station: s, parameter, unit: sp.unit, items: page, next: rows.length > q.limit && last ? last.time : null };
  }

  if (to.getTime() - from.getTime() > MAX_AGGREGATE_SPAN_DAYS * DAY_MS) {
    throw new AppError('VALIDATION', `averages cover at most ${MAX_AGGREGATE_SPAN_DAYS} days per request`, [
      { path: 'from', message: `to − from must not exceed ${MAX_AGGREGATE_SPAN_DAYS} days` },
    ]);
  }
  // Hours are fetched with the margin the roll-ups need: 7 hours before an 8-hour label, a day after a day's start.
  const inRange = (t: number) => t >= from.getTime() && t < to.getTime();
  let points: AggregatePoint[];
  if (q.resolution === '1h') {
    points = toHourlyAverages(await listHourlyBuckets(s.id, parameter, from, to), s.intervalMinutes).map(hourPoint);
  } else if (q.resolution === '8h') {
    const hourly = toHourlyAverages(await listHourlyBuckets(s.id, parameter, new Date(from.getTime() - 7 * HOUR_MS), to), s.intervalMinutes);
    points = computeEightHour(hourly).filter((h) => inRange(h.hourEnd)).map(hourPoint);
  } else {
    const hourly = toHourlyAverages(await listHourlyBuckets(s.id, parameter, from, new Date(to.getTime() + DAY_MS + HOUR_MS)), s.intervalMinutes);
    points = computeDaily(hourly)
      .map((d) => ({ ...d, start: dayRange(d.day).after }))
      .filter((d) => inRange(d.start))
      .map((d) => ({
        time: new Date(d.start),
        date: d.day,
        value: d.value,
        validCount: d.validCount,
        expectedCount: d.expectedCount,
        complete: d.complete,
        min: d.min,
        max: d.max,
      }));
  }
  const after = q.after?.getTime();
  const remaining = after === undefined ? points : points.filter((p) => p.time.getTime() > after);
  const page = remaining.slice(0, q.limit);
  const last = page.at(-1);
  return {
    resolution: q.resolution,
    station: s,
    parameter,
    unit: sp.unit,
    items: page,
    next: remaining.length > q.limit && last ? last.time : null,
  };
}
