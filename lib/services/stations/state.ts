import { latestForStations, refreshReceiptDays, type LatestRow } from '../../db/monitoring';
import { closeOutage, listOpenOutageStationIds, openOutage } from '../../db/outages';
import { listStations, type StationRow } from '../../db/stations';
import type { Level } from '../../domain/level';
import { correctToReferenceO2 } from '../../domain/oxygen-correction';
import { computeStationState, countsForEarlyWarning, planOutage, readingLevel, type StateReading } from '../../domain/station-state';
import { parseStateColors, STATION_STATES, type StateColors, type StationState } from '../../domain/stations/states';
import { z } from 'zod';
import { latestReadings } from '../../db/readings';
import { findParameter, STATION_KINDS, type StationKind } from '../../domain/parameters';
import { isValidReading } from '../../domain/qc-flags';
import { startOfLocalDay } from '../../domain/time';
import { env } from '../../env';
import { resolveLimitsForStations, type StationLimit } from '../limits';
import { getStationOrThrow, listVisibleStations, type ViewerScope } from './access';

/** A limit in force for one station parameter (null bound = none), with the reference O2 of stack gases. */
export type LimitInForce = { min: number | null; max: number | null; o2Ref?: number | null };

/**
 * Limits in force per station parameter for 5-minute values: the resolved limits of lib/services/limits.ts (permit →
 * bound standard with coefficients → the station parameter's own min/max), exactly what the alert engine compares to.
 */
export async function limitsForStations(stations: readonly StationRow[], at: Date = new Date()): Promise<Map<number, Map<string, LimitInForce>>> {
  const resolved = await resolveLimitsForStations(stations, at);
  const out = new Map<number, Map<string, LimitInForce>>();
  for (const s of stations) {
    const m = new Map<string, LimitInForce>();
    for (const [p, l] of resolved.get(s.id) ?? new Map<string, StationLimit>()) {
      if (l.min !== null || l.max !== null) m.set(p, { min: l.min, max: l.max, o2Ref: l.o2Ref });
    }
    out.set(s.id, m);
  }
  return out;
}

export async function limitsForStation(station: StationRow, at: Date = new Date()): Promise<Map<string, LimitInForce>> {
  return (await limitsForStations([station], at)).get(station.id) ?? new Map();
}

// Same exemptions as the alert engine: O2 itself and the physical quantities are never corrected.
const NOT_O2_CORRECTED = new Set(['O2', 'FLOW', 'TEMP', 'PRESSURE']);

export type LatestWithLevel = LatestRow & { valid: boolean; level: Level | null; limit: { min: number | null; max: number | null } | null };

export type StationLive = { state: StationState; latest: LatestWithLevel[] };

type Evaluable = Pick<LatestRow, 'parameter' | 'time' | 'value' | 'deviceStatus' | 'qcFlag'>;

/**
 * Early-warning level of each reading against the limits in force. Stack gases with a reference O2 are compared after
 * correction with the O2 of the same time slot, as the alert engine does; the value shown stays the measured one.
 */
export function evaluateReadings<R extends Evaluable>(
  rows: readonly R[],
  limits: ReadonlyMap<string, LimitInForce> | undefined,
): { rows: (R & { valid: boolean; level: Level | null; limit: { min: number | null; max: number | null } | null })[]; state: StateReading[] } {
  const o2 = rows.find((r) => r.parameter === 'O2');
  const o2Valid = o2 && countsForEarlyWarning(o2) ? o2 : null;
  const state: StateReading[] = [];
  const out = rows.map((r) => {
    const limit = limits?.get(r.parameter) ?? null;
    const corrected =
      limit?.o2Ref != null && !NOT_O2_CORRECTED.has(r.parameter)
        ? correctToReferenceO2(r.value, o2Valid && o2Valid.time.getTime() === r.time.getTime() ? o2Valid.value : null, limit.o2Ref).value
        : r.value;
    const sr: StateReading = { time: r.time, value: corrected, deviceStatus: r.deviceStatus, qcFlag: r.qcFlag, limitMin: limit?.min ?? null, limitMax: limit?.max ?? null };
    state.push(sr);
    return { ...r, valid: countsForEarlyWarning(sr), level: readingLevel(sr), limit: limit ? { min: limit.min, max: limit.max } : null };
  });
  return { rows: out, state };
}

/**
 * Newest readings change only when data arrives, and then the station's last data time moves: they are kept per
 * station and re-read only for stations whose last data time changed (or after LATEST_TTL_MS, so that a QC recompute
 * of the newest values shows within a minute). A live map of 300 stations then probes the readings of the few that
 * sent something since its last refresh instead of 2,400 parameters every time.
 */
const LATEST_TTL_MS = 60_000;
const latestCache = new Map<number, { dataAt: number; readAt: number; rows: LatestRow[] }>();

async function latestFor(stations: readonly StationRow[]): Promise<Map<number, LatestRow[]>> {
  const out = new Map<number, LatestRow[]>();
  const stale: number[] = [];
  const clock = Date.now();
  for (const s of stations) {
    if (!s.enabled || !s.lastDataAt) continue;
    const hit = latestCache.get(s.id);
    if (hit && hit.dataAt === s.lastDataAt.getTime() && clock - hit.readAt < LATEST_TTL_MS) out.set(s.id, hit.rows);
    else stale.push(s.id);
  }
  if (stale.length === 0) return out;
  const fresh = await latestForStations(stale);
  const dataAt = new Map(stations.map((s) => [s.id, s.lastDataAt?.getTime() ?? 0]));
  for (const id of stale) {
    const rows = fresh.get(id) ?? [];
    out.set(id, rows);
    latestCache.set(id, { dataAt: dataAt.get(id) ?? 0, readAt: clock, rows });
  }
  return out;
}

/** Forgets the kept newest readings (tests that rewrite readings in place; a recompute that changed flags). */
export function clearLatestCache(): void {
  latestCache.clear();
}

/** State and current values (with early-warning levels) for many stations: a fixed number of queries whatever their number. */
export async function computeLiveStates(stations: readonly StationRow[], now: Date = new Date()): Promise<Map<number, StationLive>> {
  const [latest, limits] = await Promise.all([latestFor(stations), limitsForStations(stations, now)]);
  const out = new Map<number, StationLive>();
  for (const s of stations) {
    const evaluated = evaluateReadings(latest.get(s.id) ?? [], limits.get(s.id));
    const state = computeStationState({
      enabled: s.enabled,
      lastFileAt: s.lastFileAt,
      intervalMinutes: s.intervalMinutes,
      graceMinutes: s.graceMinutes,
      now,
      latest: evaluated.state,
    });
    out.set(s.id, { state, latest: evaluated.rows });
  }
  return out;
}

export async function computeLiveState(station: StationRow, now: Date = new Date()): Promise<StationLive> {
  return (await computeLiveStates([station], now)).get(station.id) ?? { state: 'offline', latest: [] };
}

/** Marker/legend colours: DOMAIN.md §7 defaults overridden by STATION_STATE_COLORS (JSON) when set. */
export function stateColors(): StateColors {
  const raw = env().STATION_STATE_COLORS;
  if (!raw) return parseStateColors(null);
  try {
    const parsed: unknown = JSON.parse(raw);
    return parseStateColors(parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null);
  } catch {
    return parseStateColors(null);
  }
}

export type StateSweepResult = { stations: number; opened: number; closed: number; receiptDays: number };

let lastFullReceiptSweep = 0;

/**
 * The every-minute schedule: computes every station's state, opens/closes outage log rows, and refreshes the daily
 * receipt roll-up for today and yesterday (every 30 days once an hour, so late re-sent files reach older days too).
 */
export async function refreshStationStates(now: Date = new Date(), opts: { fullReceipt?: boolean } = {}): Promise<StateSweepResult> {
  const stations = await listStations();
  const [live, open] = await Promise.all([computeLiveStates(stations, now), listOpenOutageStationIds()]);
  let opened = 0;
  let closed = 0;
  for (const s of stations) {
    const state = live.get(s.id)?.state ?? 'offline';
    const plan = planOutage({
      state,
      hasOpenOutage: open.has(s.id),
      lastFileAt: s.lastFileAt,
      activeFrom: s.activeFrom,
      intervalMinutes: s.intervalMinutes,
      graceMinutes: s.graceMinutes,
      now,
    });
    if (plan.open && plan.startedAt && (await openOutage(s.id, plan.startedAt))) opened++;
    if (plan.close && plan.endedAt && (await closeOutage(s.id, plan.endedAt))) closed++;
  }
  const full = opts.fullReceipt ?? now.getTime() - lastFullReceiptSweep >= 3_600_000;
  if (full) lastFullReceiptSweep = now.getTime();
  const receiptDays = await refreshReceiptDays(startOfLocalDay(now, full ? -30 : -1), startOfLocalDay(now, 1));
  return { stations: stations.length, opened, closed, receiptDays };
}

// ---------------------------------------------------------------------------------------------------------------
// Stations with their live state, as every list, page and API answer shows them

export type StationWithState = StationRow & { state: StationState };

/** Full live state (DOMAIN.md §7) of one station: the same computation as the map, the lists and the station page. */
export async function stationState(s: StationRow, now: Date = new Date()): Promise<StationState> {
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
  const rows = await listVisibleStations(scope, { kind: filter.kind });
  const live = await computeLiveStates(rows, now);
  return rows.map((s) => ({ ...s, state: live.get(s.id)?.state ?? 'offline' })).filter((s) => !filter.state || s.state === filter.state);
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

