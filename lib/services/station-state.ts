import { latestForStations, refreshReceiptDays, type LatestRow } from '../db/monitoring';
import { closeOutage, listOpenOutageStationIds, openOutage } from '../db/outages';
import { listStations, type StationRow } from '../db/stations';
import type { Level } from '../domain/level';
import { computeStationState, countsForEarlyWarning, parseStateColors, planOutage, readingLevel, type StateColors, type StationState } from '../domain/station-state';
import { env } from '../env';

/** A limit in force for one station parameter (null bound = none). */
export type LimitInForce = { min: number | null; max: number | null };

/**
 * Limits in force per station parameter. Until the limits service (lib/services/limits.ts) exists this reads
 * station_parameter.limit_min / limit_max, which StationRow already carries; switch here, nowhere else.
 */
export async function limitsForStations(stations: readonly StationRow[]): Promise<Map<number, Map<string, LimitInForce>>> {
  return new Map(stations.map((s) => [s.id, new Map(s.parameters.map((p) => [p.parameter, { min: p.limitMin, max: p.limitMax }]))]));
}

export async function limitsForStation(station: StationRow): Promise<Map<string, LimitInForce>> {
  return (await limitsForStations([station])).get(station.id) ?? new Map();
}

export type LatestWithLevel = LatestRow & { valid: boolean; level: Level | null; limit: LimitInForce | null };

export type StationLive = { state: StationState; latest: LatestWithLevel[] };

/** State and current values (with early-warning levels) for many stations: two queries whatever their number. */
export async function computeLiveStates(stations: readonly StationRow[], now: Date = new Date()): Promise<Map<number, StationLive>> {
  const [latest, limits] = await Promise.all([latestForStations(stations.filter((s) => s.enabled).map((s) => s.id)), limitsForStations(stations)]);
  const out = new Map<number, StationLive>();
  for (const s of stations) {
    const lim = limits.get(s.id);
    const rows = (latest.get(s.id) ?? []).map((r): LatestWithLevel => {
      const limit = lim?.get(r.parameter) ?? null;
      const sr = { time: r.time, value: r.value, deviceStatus: r.deviceStatus, qcFlag: r.qcFlag, limitMin: limit?.min ?? null, limitMax: limit?.max ?? null };
      return { ...r, valid: countsForEarlyWarning(sr), level: readingLevel(sr), limit: limit && (limit.min !== null || limit.max !== null) ? limit : null };
    });
    const state = computeStationState({
      enabled: s.enabled,
      lastFileAt: s.lastFileAt,
      intervalMinutes: s.intervalMinutes,
      graceMinutes: s.graceMinutes,
      now,
      latest: rows.map((r) => ({ time: r.time, value: r.value, deviceStatus: r.deviceStatus, qcFlag: r.qcFlag, limitMin: r.limit?.min ?? null, limitMax: r.limit?.max ?? null })),
    });
    out.set(s.id, { state, latest: rows });
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

const DAY_MS = 86_400_000;
const LOCAL_OFFSET_MS = 7 * 3_600_000;

/** Start (UTC instant) of the local day holding `t`, `daysBack` days earlier. */
export function localDayStart(t: Date, daysBack = 0): Date {
  const local = t.getTime() + LOCAL_OFFSET_MS;
  return new Date(Math.floor(local / DAY_MS) * DAY_MS - LOCAL_OFFSET_MS - daysBack * DAY_MS);
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
  const receiptDays = await refreshReceiptDays(localDayStart(now, full ? 30 : 1), localDayStart(now, -1));
  return { stations: stations.length, opened, closed, receiptDays };
}
