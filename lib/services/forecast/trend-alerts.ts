/**
 * `trend_warning` alerts (issue 20) for wastewater and emission stations: each parameter with a limit in force whose
 * last hour of valid readings trends into the limit within the horizon. Episodes per DOMAIN §8 (one active alert
 * per station × parameter, repeats counted, resolved after the clear time); alert rows and events are written through
 * lib/db/alerts as the alert engine writes its own, so notifications and the alert pages pick them up unchanged.
 */
import {
  findActiveAlert,
  insertAlertEvent,
  insertAlertIfNoneActive,
  listEngineStations,
  listStationReadings,
  updateAlert,
} from '../../db/alerts';
import { decideTrendEpisode, evaluateTrend, DEFAULT_TREND_OPTIONS, type TrendResult } from '../../domain/forecast';
import { isValid } from '../../domain/validity';
import { resolveStationLimits } from '../limits';

const ACTOR = 'system:trend-warning';
const TREND_KINDS = new Set(['wastewater', 'emission']);

export type TrendWarningOptions = { horizonMinutes: number; clearMinutes: number };
export type TrendWarningSummary = { stations: number; evaluated: number; opened: number; repeated: number; resolved: number };

/** Evaluates every enabled wastewater and emission station at `now`. */
export async function evaluateTrendWarnings(now: Date, opts: TrendWarningOptions): Promise<TrendWarningSummary> {
  const summary: TrendWarningSummary = { stations: 0, evaluated: 0, opened: 0, repeated: 0, resolved: 0 };
  const stations = (await listEngineStations()).filter((s) => s.enabled && TREND_KINDS.has(s.kind));
  const windowMs = DEFAULT_TREND_OPTIONS.windowMinutes * 60_000;
  for (const station of stations) {
    summary.stations++;
    const limits = await resolveStationLimits(station, now);
    const readings = await listStationReadings(station.id, new Date(now.getTime() - windowMs), now);
    for (const p of station.parameters) {
      if (!p.enabled) continue;
      const limit = limits.get(p.parameter);
      if (!limit || (limit.max == null && limit.min == null)) continue;
      summary.evaluated++;
      const points = readings
        .filter((r) => r.parameter === p.parameter && r.value != null && isValid({ deviceStatus: r.deviceStatus, qcFlag: r.qcFlag, invalidatedByOverlay: false }))
        .map((r) => ({ time: r.time.getTime(), value: r.value as number }));
      const result = evaluateTrend(points, { min: limit.min, max: limit.max }, { horizonMinutes: opts.horizonMinutes });
      await applyTrend(station.id, p.parameter, result, now, opts.clearMinutes, summary);
    }
  }
  return summary;
}

async function applyTrend(
  stationId: number,
  parameter: string,
  result: TrendResult,
  now: Date,
  clearMinutes: number,
  summary: TrendWarningSummary,
): Promise<void> {
  const active = await findActiveAlert(stationId, parameter, 'trend_warning');
  const action = decideTrendEpisode({ active: active && { lastSeenAt: active.lastSeenAt.getTime() }, result, at: now.getTime(), clearMinutes });
  if (action === 'none') return;
  if (action === 'resolve') {
    if (!active) return;
    await updateAlert(active.id, { state: 'resolved', resolvedAt: now });
    await insertAlertEvent({ alertId: active.id, type: 'resolved', actor: ACTOR, at: now, data: { durationMs: now.getTime() - active.openedAt.getTime() } });
    summary.resolved++;
    return;
  }
  if (result.state !== 'heading') return;
  const data = {
    side: result.side,
    minutesToLimit: Math.round(result.minutesToLimit),
    slopePerHour: Number(result.slopePerHour.toPrecision(4)),
    r2: Number(result.r2.toFixed(3)),
  };
  // The peak of a trend episode is the value closest to the limit it heads for.
  const peakOf = (prev: number | null) => (prev == null ? result.value : result.side === 'max' ? Math.max(prev, result.value) : Math.min(prev, result.value));
  if (action === 'open') {
    const { row, created } = await insertAlertIfNoneActive({
      stationId,
      parameter,
      kind: 'trend_warning',
      at: now,
      value: result.value,
      limitValue: result.limit,
      basis: '5min',
      averageValue: null,
      completeness: null,
      limitDerivation: null,
      periodStart: null,
      periodEnd: null,
      disposition: null,
      reopenedByRecompute: false,
      suppressed: false,
    });
    if (created) {
      summary.opened++;
      await insertAlertEvent({ alertId: row.id, type: 'opened', actor: ACTOR, at: now, data });
    }
    return;
  }
  if (!active) return;
  await updateAlert(active.id, { lastSeenAt: now, count: active.count + 1, peakValue: peakOf(active.peakValue), limitValue: result.limit });
  await insertAlertEvent({ alertId: active.id, type: 'repeat', actor: ACTOR, at: now, data });
  summary.repeated++;
}
