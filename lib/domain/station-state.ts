/**
 * Deciding a station's state (DOMAIN.md §7; the states, worst first, in lib/domain/stations/states.ts): not_in_use
 * for disabled stations, offline once no file has arrived for interval + grace (the grace is per station, default 15
 * minutes), then the station's newest readings decide the value-driven states.
 */
import type { Level } from './level';
import { QC_FLAGS } from './qc-flags';
import { computeConnectivityState } from './station-status';
import type { StationState } from './stations/states';
import { earlyWarningLevel } from './verdicts';

export type StateReading = {
  time: Date;
  value: number;
  deviceStatus: string;
  qcFlag: number;
  limitMin: number | null;
  limitMax: number | null;
};

export type StationStateInput = {
  enabled: boolean;
  lastFileAt: Date | null;
  intervalMinutes: number;
  graceMinutes: number;
  now: Date;
  /** The newest reading of each parameter (any age; older ones are ignored, see below). */
  latest: readonly StateReading[];
  approachingRatio?: number;
};

/**
 * Whether a reading counts for the live early warning: measuring (`00`) and not failed/missing by QC. A reading still
 * `not_evaluated` counts, because the newest value awaits its successor before QC can finish it.
 */
export function countsForEarlyWarning(r: Pick<StateReading, 'deviceStatus' | 'qcFlag'>): boolean {
  return r.deviceStatus === '00' && (r.qcFlag === QC_FLAGS.good || r.qcFlag === QC_FLAGS.suspect || r.qcFlag === QC_FLAGS.not_evaluated);
}

/**
 * Early-warning level of one reading, the same rule as the alert engine (verdicts.earlyWarningLevel): above max / below
 * min → exceeding; ≥ 80 % of max, or for a two-sided range (pH 6–9) within 20 % of the range from either edge →
 * approaching; readings that do not count get no level.
 */
export function readingLevel(r: StateReading, approachingRatio?: number): Level | null {
  return earlyWarningLevel({ value: r.value, valid: countsForEarlyWarning(r), bounds: { min: r.limitMin, max: r.limitMax }, ratio: approachingRatio });
}

/**
 * Readings that belong to the station's current measurement: within one interval of its newest reading. A parameter
 * silent for hours keeps its old value on screen but no longer drives the state.
 */
export function currentReadings(latest: readonly StateReading[], intervalMinutes: number): StateReading[] {
  if (latest.length === 0) return [];
  const newest = Math.max(...latest.map((r) => r.time.getTime()));
  const window = Math.max(1, intervalMinutes) * 60_000;
  return latest.filter((r) => newest - r.time.getTime() < window);
}

/**
 * The station's state. Disabled → not_in_use; last file + interval + grace < now (or never a file) → offline; then among the
 * current readings: any valid value above max / below min → exceeding; any status `02` → device_error; any valid value
 * approaching its limit (readingLevel) → approaching; any status `01`/`03` → calibrating; otherwise good.
 */
export function computeStationState(i: StationStateInput): StationState {
  const connectivity = computeConnectivityState(i);
  if (connectivity !== 'good') return connectivity;

  const current = currentReadings(i.latest, i.intervalMinutes);
  const levels = current.map((r) => readingLevel(r, i.approachingRatio));
  if (levels.includes('exceeding')) return 'exceeding';
  if (current.some((r) => r.deviceStatus === '02')) return 'device_error';
  if (levels.includes('approaching')) return 'approaching';
  if (current.some((r) => r.deviceStatus === '01' || r.deviceStatus === '03')) return 'calibrating';
  return 'good';
}

/** A value range [from, to] on a chart's y axis. */
export type ValueBand = { from: number; to: number };

/**
 * Where a value counts as approaching its limit (the bands readingLevel uses), for shading charts: max only → [ratio ×
 * max, max]; a two-sided range → within (1 − ratio) × (max − min) of each edge; min only → [min, min / ratio]. Empty
 * without limits (or a max ≤ 0).
 */
export function approachingBands(limitMin: number | null, limitMax: number | null, ratio = 0.8): ValueBand[] {
  if (limitMin !== null && limitMax !== null) {
    const margin = (1 - ratio) * (limitMax - limitMin);
    return margin > 0 ? [{ from: limitMin, to: limitMin + margin }, { from: limitMax - margin, to: limitMax }] : [];
  }
  if (limitMax !== null) return limitMax > 0 ? [{ from: ratio * limitMax, to: limitMax }] : [];
  if (limitMin !== null) return limitMin > 0 && ratio > 0 ? [{ from: limitMin, to: limitMin / ratio }] : [];
  return [];
}

export type OutagePlan = { open: boolean; startedAt: Date | null; close: boolean; endedAt: Date | null };

/**
 * Outage log step for one station: an offline station without an open outage opens one that started when it became
 * overdue (last file + interval + grace, or activeFrom if it never sent); a station that is no longer offline closes
 * its open outage at the time of the file that ended it (or now when it was disabled).
 */
export function planOutage(i: {
  state: StationState;
  hasOpenOutage: boolean;
  lastFileAt: Date | null;
  activeFrom: Date;
  intervalMinutes: number;
  graceMinutes: number;
  now: Date;
}): OutagePlan {
  const offline = i.state === 'offline';
  if (offline && !i.hasOpenOutage) {
    const startedAt = i.lastFileAt ? new Date(i.lastFileAt.getTime() + (i.intervalMinutes + i.graceMinutes) * 60_000) : i.activeFrom;
    return { open: true, startedAt: startedAt.getTime() > i.now.getTime() ? i.now : startedAt, close: false, endedAt: null };
  }
  if (!offline && i.hasOpenOutage) {
    const endedAt = i.state !== 'not_in_use' && i.lastFileAt ? i.lastFileAt : i.now;
    return { open: false, startedAt: null, close: true, endedAt };
  }
  return { open: false, startedAt: null, close: false, endedAt: null };
}
