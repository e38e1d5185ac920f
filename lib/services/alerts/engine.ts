/**
 * The alert engine (DOMAIN.md §8): turns readings and averages into alerts. Called by the worker's 'derived' step for
 * each recomputed hour (evaluateStationHour) and by a schedule every minute (evaluateConnectivity). Every change writes
 * an alert_event; the pure decisions live in lib/domain/alerts and lib/domain/verdicts.ts.
 *
 *   evaluateStationHour({ stationId, from, to, now?, config? }): Promise<EngineSummary>
 *   evaluateConnectivity({ now?, config? }): Promise<EngineSummary>
 *   DEFAULT_ALERT_CONFIG / AlertEngineConfig
 */
import {
  findActiveAlert,
  findAlertsForPeriod,
  findEngineStation,
  findLatestResolvedAlert,
  insertAlertEvent,
  insertAlertIfNoneActive,
  isInMaintenance,
  listEngineStations,
  listStationReadings,
  reopenAlert,
  updateAlert,
  type AlertKind,
  type AlertRow,
  type EngineReading,
  type EngineStation,
  type JsonObject,
} from '../../db/alerts';
import { calibrationOverrun, decideAlertAction, deviceErrorStreak, observeEach } from '../../domain/alerts/rules';
import { takesDisposition } from '../../domain/alerts/kinds';
import {
  classifyValue,
  conditionHolds,
  episodeSettingsFor,
  isHistorical,
  stepEpisode,
  type Episode,
  type EpisodeKind,
  type EpisodeSettings,
} from '../../domain/alerts/episodes';
import { appendAudit } from '../../db/audit';
import { configuredEpisodes, type EpisodeConfig } from './episode-config';
import {
  correctHourly,
  correctReadings,
  correctsO2,
  countsForAlerts,
  episodePeak,
  hourlyOf,
  isLowBreach,
  periodsFor,
  shownLimit,
  type Period,
} from '../../domain/alerts/evaluation';
import { dayLabel, dayRange, HOUR_MS } from '../../domain/time';
import { judgedAt, type LimitAveraging } from '../../domain/limits';
import type { StationKind } from '../../domain/parameters';
import { computeConnectivityState } from '../../domain/station-status';
import {
  complianceVerdict,
  DEFAULT_APPROACHING_RATIO,
  DEFAULT_COMPLIANCE_BASES,
  DEFAULT_INSTANT_RUN,
  type ComplianceBasis,
} from '../../domain/verdicts';
import { resolveStationLimits, type StationLimit } from '../limits';

export type AlertEngineConfig = {
  complianceBases: Record<StationKind, readonly ComplianceBasis[]>;
  approachingRatio: number;
  /** N consecutive valid 5-minute values above the limit. */
  instantRun: number;
  /** Consecutive status-02 readings that make a device error. */
  deviceErrorRun: number;
  calibrationMaxMs: number;
  completeRatio: number;
  /** An observation evaluated this long after its time comes from late or recomputed data. */
  lateAfterMs: number;
  /** Episode settings (clear time, confirming run, approaching minimum, historical threshold) per station kind; from
   * configuration (ALERT_* in lib/env.ts) when not given. */
  episodes?: EpisodeConfig;
};

export const DEFAULT_ALERT_CONFIG: AlertEngineConfig = {
  complianceBases: DEFAULT_COMPLIANCE_BASES,
  approachingRatio: DEFAULT_APPROACHING_RATIO,
  instantRun: DEFAULT_INSTANT_RUN,
  deviceErrorRun: 3,
  calibrationMaxMs: 2 * HOUR_MS,
  completeRatio: 0.75,
  lateAfterMs: HOUR_MS,
};

export type EngineSummary = { opened: number; repeated: number; resolved: number; reopened: number };

const ACTOR = 'system:alert-engine';

type ObservationDetails = {
  value: number | null;
  limit: number | null;
  lowIsWorse?: boolean;
  basis: string | null;
  averageValue?: number | null;
  completeness?: number | null;
  derivation?: JsonObject | null;
  periodStart?: Date | null;
  periodEnd?: Date | null;
  /** Offline: a continuing condition, not a repeat worth counting. */
  countRepeats?: boolean;
  data?: JsonObject;
};

type Obs = { at: number; hit: boolean | null; details: ObservationDetails };

/** Applies a key's observations in time order; state is re-read per observation (they are few per key and hour). */
async function applyObservations(
  key: { stationId: number; parameter: string | null; kind: AlertKind; stationKind?: StationKind },
  observations: readonly Obs[],
  now: Date,
  config: AlertEngineConfig,
  summary: EngineSummary,
): Promise<void> {
  let active: AlertRow | null | undefined;
  let lastResolved: AlertRow | null | undefined;
  for (const o of [...observations].sort((a, b) => a.at - b.at)) {
    if (o.hit === null) continue;
    active = active === undefined ? await findActiveAlert(key.stationId, key.parameter, key.kind) : active;
    if (!active && o.hit && lastResolved === undefined) lastResolved = await findLatestResolvedAlert(key.stationId, key.parameter, key.kind);
    const action = decideAlertAction({
      active: active ? { openedAt: active.openedAt.getTime(), lastSeenAt: active.lastSeenAt.getTime(), count: active.count, basis: active.basis } : null,
      lastResolved: !active && lastResolved?.resolvedAt ? { openedAt: lastResolved.openedAt.getTime(), resolvedAt: lastResolved.resolvedAt.getTime() } : null,
      obs: { at: o.at, hit: o.hit, basis: o.details.basis },
      late: now.getTime() - o.at > config.lateAfterMs,
    });
    const d = o.details;
    const at = new Date(o.at);
    const eventData: JsonObject = {
      at: at.toISOString(),
      value: d.value,
      limit: d.limit,
      basis: d.basis,
      ...(d.averageValue !== undefined ? { averageValue: d.averageValue } : {}),
      ...(d.completeness !== undefined ? { completeness: d.completeness } : {}),
      ...(d.data ?? {}),
    };
    switch (action.type) {
      case 'none':
        break;
      case 'open': {
        const suppressed = await isInMaintenance(key.stationId, at, key.parameter);
        const { row, created } = await insertAlertIfNoneActive({
          ...key,
          at,
          value: d.value,
          limitValue: d.limit,
          basis: d.basis,
          averageValue: d.averageValue ?? null,
          completeness: d.completeness ?? null,
          limitDerivation: d.derivation ?? null,
          periodStart: d.periodStart ?? null,
          periodEnd: d.periodEnd ?? null,
          disposition: takesDisposition(key.kind) ? 'pending_review' : null,
          reopenedByRecompute: action.byRecompute,
          suppressed,
          historical: isHistorical(o.at, now.getTime(), settings(config, key.stationKind)),
        });
        if (created) {
          summary.opened += 1;
          await insertAlertEvent({ alertId: row.id, type: 'opened', actor: ACTOR, at: now, data: { ...eventData, byRecompute: action.byRecompute, suppressed } });
        }
        active = row;
        break;
      }
      case 'reopen': {
        if (!lastResolved) break;
        const row = await reopenAlert(lastResolved.id, {
          count: lastResolved.count + 1,
          lastSeenAt: at,
          peakValue: episodePeak(lastResolved.peakValue, d.value, d.lowIsWorse),
          ...(d.averageValue !== undefined ? { averageValue: d.averageValue } : {}),
          ...(d.completeness !== undefined ? { completeness: d.completeness } : {}),
        });
        if (row) {
          summary.reopened += 1;
          await insertAlertEvent({ alertId: row.id, type: 'reopened', actor: ACTOR, at: now, data: { ...eventData, byRecompute: true, reason: 'late or recomputed data contradict the clearing' } });
        }
        active = row ?? undefined;
        lastResolved = undefined;
        break;
      }
      case 'repeat': {
        if (!active) break;
        const counts = d.countRepeats ?? true;
        active = await updateAlert(active.id, {
          lastSeenAt: at,
          ...(counts ? { count: active.count + 1 } : {}),
          peakValue: episodePeak(active.peakValue, d.value, d.lowIsWorse),
          ...(d.limit !== null ? { limitValue: d.limit } : {}),
          ...(d.basis !== null ? { basis: d.basis } : {}),
          ...(d.averageValue !== undefined ? { averageValue: d.averageValue } : {}),
          ...(d.completeness !== undefined ? { completeness: d.completeness } : {}),
          ...(d.periodEnd ? { periodEnd: d.periodEnd } : {}),
          ...(d.derivation ? { limitDerivation: d.derivation } : {}),
        });
        if (counts) {
          summary.repeated += 1;
          await insertAlertEvent({ alertId: active.id, type: 'repeat', actor: ACTOR, at: now, data: eventData });
        }
        break;
      }
      case 'touch': {
        if (!active) break;
        const newPeak = episodePeak(active.peakValue, d.value, d.lowIsWorse);
        const sameObservation = o.at === active.lastSeenAt.getTime();
        const avgChanged = sameObservation && d.averageValue !== undefined && d.averageValue !== active.averageValue;
        if (newPeak !== active.peakValue || avgChanged) {
          active = await updateAlert(active.id, {
            peakValue: newPeak,
            ...(avgChanged ? { averageValue: d.averageValue ?? null, completeness: d.completeness ?? null } : {}),
          });
          if (avgChanged) {
            await insertAlertEvent({ alertId: active.id, type: 'note', actor: ACTOR, at: now, data: { ...eventData, byRecompute: true, reason: 'average recomputed' } });
          }
        }
        break;
      }
      case 'resolve': {
        if (!active) break;
        const resolvedAt = o.at === active.lastSeenAt.getTime() ? now : at;
        await updateAlert(active.id, { state: 'resolved', resolvedAt, resolvedByRecompute: action.byRecompute });
        summary.resolved += 1;
        await insertAlertEvent({
          alertId: active.id,
          type: 'resolved',
          actor: ACTOR,
          at: now,
          data: { ...eventData, byRecompute: action.byRecompute, durationMs: resolvedAt.getTime() - active.openedAt.getTime() },
        });
        lastResolved = { ...active, state: 'resolved', resolvedAt };
        active = null;
        break;
      }
      case 'note_recompute': {
        if (!active) break;
        await insertAlertEvent({ alertId: active.id, type: 'note', actor: ACTOR, at: now, data: { ...eventData, byRecompute: true, reason: 'a recomputed period no longer exceeds' } });
        break;
      }
    }
  }
}

/** Resolves the episode settings once per call; an explicit `instantRun` of the caller is the confirming run. */
function withEpisodes(config: AlertEngineConfig, given: Partial<AlertEngineConfig> | undefined): AlertEngineConfig {
  const episodes = config.episodes ?? configuredEpisodes();
  return given?.instantRun === undefined ? { ...config, episodes } : { ...config, episodes: { ...episodes, base: { ...episodes.base, confirmRun: given.instantRun } } };
}

function settings(config: AlertEngineConfig, kind: StationKind | undefined): EpisodeSettings {
  const episodes = config.episodes ?? configuredEpisodes();
  const base = { ...episodes.base, approachingRatio: config.approachingRatio };
  return kind ? episodeSettingsFor(kind, episodes.byKind, base) : base;
}

function episodeOf(row: AlertRow): Episode {
  return {
    openedAt: row.openedAt.getTime(),
    lastSeenAt: row.lastSeenAt.getTime(),
    count: row.count,
    peak: row.peakValue,
    run: row.runLength,
    confirmed: row.confirmed,
    confirmedAt: row.confirmedAt?.getTime() ?? null,
    clearSince: row.clearSince?.getTime() ?? null,
  };
}

type EpisodeInput = { at: number; value: number | null; hit: boolean | null; limit: number | null; lowIsWorse: boolean };

/**
 * Feeds a key's 5-minute values through the episode rules (lib/domain/alerts/episodes.ts): opens at the first hit,
 * counts, keeps the peak and run, confirms, and ends the episode after the clear time. Values already seen by the
 * active episode, or inside the last ended one (its clear time included), are skipped: re-running an hour is idempotent.
 */
async function applyEpisode(
  key: { stationId: number; parameter: string; kind: EpisodeKind },
  inputs: readonly EpisodeInput[],
  ctx: { derivation: JsonObject; settings: EpisodeSettings; now: Date; summary: EngineSummary },
): Promise<void> {
  const { settings: st, now, summary } = ctx;
  let row = await findActiveAlert(key.stationId, key.parameter, key.kind);
  let floor = -Infinity;
  if (!row) {
    const last = await findLatestResolvedAlert(key.stationId, key.parameter, key.kind);
    if (last) floor = Math.max(last.lastSeenAt.getTime(), (last.clearSince ?? last.resolvedAt ?? last.lastSeenAt).getTime() + st.clearMs);
  }
  let episode: Episode | null = row ? episodeOf(row) : null;
  for (const x of [...inputs].sort((a, b) => a.at - b.at)) {
    if (!episode && x.at <= floor) continue;
    const step = stepEpisode(key.kind, episode, { at: x.at, value: x.value, hit: x.hit }, st, x.lowIsWorse);
    const at = new Date(x.at);
    const historical = isHistorical(x.at, now.getTime(), st);
    const eventData: JsonObject = { at: at.toISOString(), value: x.value, limit: x.limit, basis: '5min', run: step.episode?.run ?? 0, confirmRun: st.confirmRun };
    if (step.type === 'open') {
      const suppressed = await isInMaintenance(key.stationId, at, key.parameter);
      const created = await insertAlertIfNoneActive({
        ...key,
        at,
        value: x.value,
        limitValue: x.limit,
        basis: '5min',
        averageValue: null,
        completeness: null,
        limitDerivation: ctx.derivation,
        periodStart: at,
        periodEnd: at,
        disposition: takesDisposition(key.kind) ? 'pending_review' : null,
        reopenedByRecompute: false,
        suppressed,
        confirmed: step.episode.confirmed,
        confirmedAt: step.episode.confirmedAt === null ? null : new Date(step.episode.confirmedAt),
        historical,
        runLength: step.episode.run,
      });
      row = created.row;
      if (created.created) {
        summary.opened += 1;
        await insertAlertEvent({ alertId: row.id, type: 'opened', actor: ACTOR, at: now, data: { ...eventData, confirmed: step.episode.confirmed, historical, suppressed } });
        episode = step.episode;
      } else {
        episode = episodeOf(row);
      }
    } else if (step.type === 'repeat' && row) {
      const e = step.episode;
      row = await updateAlert(row.id, {
        lastSeenAt: at,
        count: e.count,
        peakValue: e.peak,
        runLength: e.run,
        clearSince: null,
        periodEnd: at,
        ...(x.limit !== null ? { limitValue: x.limit } : {}),
        ...(step.confirmedNow ? { confirmed: true, confirmedAt: at } : {}),
        // An episode that runs on into live data is about live data.
        ...(row.historical && !historical ? { historical: false } : {}),
      });
      summary.repeated += 1;
      await insertAlertEvent({ alertId: row.id, type: 'repeat', actor: ACTOR, at: now, data: { ...eventData, ...(step.confirmedNow ? { confirmedNow: true } : {}) } });
      episode = e;
    } else if (step.type === 'clearing' && row) {
      row = await updateAlert(row.id, { runLength: 0, clearSince: new Date(step.episode.clearSince ?? x.at) });
      episode = step.episode;
    } else if (step.type === 'end' && row) {
      const resolvedAt = new Date(step.endedAt);
      await updateAlert(row.id, { state: 'resolved', resolvedAt, runLength: 0, clearSince: resolvedAt, resolvedByRecompute: now.getTime() - x.at > 3_600_000 });
      summary.resolved += 1;
      await insertAlertEvent({
        alertId: row.id,
        type: 'resolved',
        actor: ACTOR,
        at: now,
        data: { ...eventData, durationMs: step.endedAt - row.openedAt.getTime(), clearMinutes: st.clearMs / 60_000, brief: !row.confirmed },
      });
      floor = x.at;
      row = null;
      episode = null;
    }
  }
}

const round = (x: number | null | undefined, d = 6) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

/**
 * A compliance exceedance follows its data (DOMAIN.md §8): when a period that raised (or last repeated) an alert is
 * evaluated again, after late files, overlays or QC changes, its average and completeness are updated; if the period
 * now complies and it was the alert's only period, the alert is withdrawn with the reason. Every change writes an
 * alert event and an audit row. Returns false when no alert rests on this period (the normal rules apply).
 */
async function followCompliance(
  key: { stationId: number; parameter: string | null; kind: AlertKind },
  o: Obs,
  now: Date,
  summary: EngineSummary,
): Promise<boolean> {
  const d = o.details;
  if (!d.basis || !d.periodEnd) return false;
  const rows = await findAlertsForPeriod(key.stationId, key.parameter, key.kind, d.basis, d.periodEnd);
  if (rows.length === 0) return false;
  for (const row of rows) {
    const before = { averageValue: row.averageValue, completeness: row.completeness, state: row.state };
    const average = d.averageValue ?? null;
    const completeness = d.completeness ?? null;
    const changed = round(average) !== round(row.averageValue) || round(completeness) !== round(row.completeness);
    const verdict = o.hit === null ? 'insufficient_data' : o.hit ? 'exceeding' : 'compliant';
    if (o.hit === false && row.count <= 1) {
      const resolvedAt = row.resolvedAt ?? now;
      await updateAlert(row.id, {
        state: 'resolved',
        resolvedAt,
        resolvedByRecompute: true,
        averageValue: average,
        completeness,
        withdrawnAt: now,
        withdrawnReason: 'period_complies',
      });
      if (row.state !== 'resolved') summary.resolved += 1;
      const data: JsonObject = { byRecompute: true, withdrawn: true, reason: 'period_complies', verdict, before, averageValue: average, completeness, limit: d.limit, basis: d.basis };
      await insertAlertEvent({ alertId: row.id, type: 'resolved', actor: ACTOR, at: now, data });
      await appendAudit({ actor: ACTOR, action: 'alert.withdraw', entity: 'alert', entityId: row.id, before, after: { state: 'resolved', averageValue: average, completeness, withdrawnReason: 'period_complies' } });
      continue;
    }
    if (!changed) continue;
    await updateAlert(row.id, { averageValue: average, completeness, ...(o.hit && d.value !== null ? { peakValue: episodePeak(row.peakValue, d.value, d.lowIsWorse) } : {}) });
    const reason = o.hit ? 'average recomputed' : o.hit === false ? 'a recomputed period no longer exceeds' : 'the recomputed period has too few data';
    await insertAlertEvent({ alertId: row.id, type: 'note', actor: ACTOR, at: now, data: { byRecompute: true, reason, verdict, before, averageValue: average, completeness, basis: d.basis } });
    await appendAudit({ actor: ACTOR, action: 'alert.recompute', entity: 'alert', entityId: row.id, before, after: { averageValue: average, completeness, verdict } });
  }
  return true;
}

/**
 * Evaluates one station for the hour (from, to] that was just recomputed: 5-minute rules on the hour's readings (with
 * look-back for runs) and compliance on every averaging period ending at `to` or the hour before that has ended by now.
 */
export async function evaluateStationHour(input: {
  stationId: number;
  from: Date;
  to: Date;
  now?: Date;
  config?: Partial<AlertEngineConfig>;
}): Promise<EngineSummary> {
  const config = withEpisodes({ ...DEFAULT_ALERT_CONFIG, ...input.config }, input.config);
  const now = input.now ?? new Date();
  const summary: EngineSummary = { opened: 0, repeated: 0, resolved: 0, reopened: 0 };
  const station = await findEngineStation(input.stationId);
  if (!station || !station.enabled) return summary;
  const from = input.from.getTime();
  const to = input.to.getTime();
  const labels = [to, to - HOUR_MS];
  const firstDay = dayRange(dayLabel(to - HOUR_MS)).after;
  const fetchAfter = Math.min(firstDay, to - 9 * HOUR_MS, from - config.calibrationMaxMs - HOUR_MS);
  const readings = await listStationReadings(station.id, new Date(fetchAfter), input.to);
  const byParam = new Map<string, EngineReading[]>();
  for (const r of readings) {
    const list = byParam.get(r.parameter);
    if (list) list.push(r);
    else byParam.set(r.parameter, [r]);
  }

  const liveLimits = await resolveStationLimits(station, input.to);
  // Limits in force at a period start, per averaging: resolved once for all of the station's parameters.
  const limitsAt = new Map<string, Promise<Map<string, StationLimit>>>();
  const limitsFor = (basis: string, start: number) => {
    const key = `${basis}|${start}`;
    let found = limitsAt.get(key);
    if (!found) limitsAt.set(key, (found = resolveStationLimits(station, new Date(start), { averaging: basis as LimitAveraging })));
    return found;
  };
  const o2 = byParam.get('O2') ?? [];
  const o2ByTime = new Map(o2.filter(countsForAlerts).map((r) => [r.time.getTime(), r.value]));
  const o2Hourly = new Map(hourlyOf(o2, station.intervalMinutes, config.completeRatio).map((h) => [h.hourEnd, h.value]));

  for (const p of station.parameters) {
    if (!p.enabled) continue;
    const series = byParam.get(p.parameter) ?? [];
    const inHour = series.some((r) => r.time.getTime() > from && r.time.getTime() <= to);
    const k = (kind: AlertKind) => ({ stationId: station.id, parameter: p.parameter, kind, stationKind: station.kind });

    if (inHour) {
      const statuses = series.map((r) => ({ time: r.time.getTime(), status: r.deviceStatus }));
      await applyObservations(
        k('device_error'),
        observeEach(statuses, from, (upTo) => deviceErrorStreak(upTo.map((x) => x.status), config.deviceErrorRun)).map((o) => ({
          ...o,
          details: { value: null, limit: null, basis: null },
        })),
        now,
        config,
        summary,
      );
      await applyObservations(
        k('calibration_overrun'),
        observeEach(statuses, from, (upTo) => calibrationOverrun(upTo, config.calibrationMaxMs)).map((o) => ({
          ...o,
          details: { value: null, limit: null, basis: null, data: { maxMinutes: config.calibrationMaxMs / 60_000 } },
        })),
        now,
        config,
        summary,
      );
      await applyObservations(
        k('qc_fail'),
        series
          .filter((r) => r.time.getTime() > from)
          .map((r) => ({
            at: r.time.getTime(),
            hit: r.deviceStatus !== '00' || r.qcFlag === 2 || r.qcFlag === 9 ? null : r.qcFlag === 4,
            details: { value: r.value, limit: null, basis: '5min' },
          })),
        now,
        config,
        summary,
      );
    }

    const live = liveLimits.get(p.parameter);
    if (live && inHour) {
      const values = correctReadings(series, p.parameter, live.o2Ref, o2ByTime);
      const derivation = live.derivation as unknown as JsonObject;
      const st = settings(config, station.kind);
      const samples = values
        .filter((r) => r.time.getTime() > from)
        .map((r) => ({ at: r.time.getTime(), value: r.value, cls: classifyValue(r.value, countsForAlerts(r), live, st.approachingRatio) }));
      for (const kind of ['approaching', 'instant_exceedance'] as const) {
        await applyEpisode(
          { stationId: station.id, parameter: p.parameter, kind },
          samples.map((x) => ({
            at: x.at,
            value: x.value,
            hit: conditionHolds(kind, x.cls),
            limit: shownLimit(live, x.value),
            lowIsWorse: isLowBreach(live, x.value),
          })),
          { derivation, settings: st, now, summary },
        );
      }
    }

    // Compliance on the averaging bases of the station kind, each against the limit for that averaging.
    const bases = config.complianceBases[station.kind];
    const hourly = hourlyOf(series, station.intervalMinutes, config.completeRatio);
    if (hourly.length === 0) continue;
    const observations: Obs[] = [];
    for (const basis of bases) {
      // Each period is judged by the limit version and permit in force at its start (DOMAIN.md §6), not at input.to.
      // The periods, grouped by start, computed once per O2 reference (null: uncorrected), not once per start.
      const grouped = new Map<number | null, Map<number, Period[]>>();
      const periodsStarting = (o2Ref: number | null): Map<number, Period[]> => {
        let byStart = grouped.get(o2Ref);
        if (byStart) return byStart;
        byStart = new Map();
        const hours = o2Ref === null ? hourly : correctHourly(hourly, o2Ref, o2Hourly);
        for (const x of periodsFor(hours, labels, [basis], now.getTime(), config.completeRatio)) {
          const list = byStart.get(judgedAt(x));
          if (list) list.push(x);
          else byStart.set(judgedAt(x), [x]);
        }
        grouped.set(o2Ref, byStart);
        return byStart;
      };
      for (const start of periodsStarting(null).keys()) {
        const limit = (await limitsFor(basis, start)).get(p.parameter);
        if (!limit) continue;
        const o2Ref = correctsO2(p.parameter, limit.o2Ref) ? limit.o2Ref : null;
        const o2Note: JsonObject | null = o2Ref === null ? null : { o2Ref };
        for (const period of periodsStarting(o2Ref).get(start) ?? []) {
          const verdict = complianceVerdict({ mean: period.mean, complete: period.complete, bounds: limit });
          const o2Measured = o2Hourly.get(period.end) ?? null;
          observations.push({
            at: period.end,
            hit: verdict === 'insufficient_data' ? null : verdict === 'exceeding',
            details: {
              value: period.mean,
              limit: shownLimit(limit, period.mean),
              lowIsWorse: isLowBreach(limit, period.mean),
              basis: period.basis,
              averageValue: period.mean,
              completeness: period.expectedCount > 0 ? period.validCount / period.expectedCount : null,
              derivation: {
                ...(limit.derivation as unknown as JsonObject),
                averaging: limit.averaging,
                ...(o2Note ? { o2Correction: { ...o2Note, o2Measured: basis === '1h' ? o2Measured : null } } : {}),
              },
              periodStart: new Date(period.start),
              periodEnd: new Date(period.end),
              data: { verdict },
            },
          });
        }
      }
    }
    const unfollowed: Obs[] = [];
    for (const o of observations) if (!(await followCompliance(k('compliance_exceedance'), o, now, summary))) unfollowed.push(o);
    await applyObservations(k('compliance_exceedance'), unfollowed, now, config, summary);
  }
  return summary;
}

/**
 * Offline / back online for every station: offline once interval + grace have passed since the last file (or since
 * activeFrom for a station that never sent one); resolved (back online) as soon as files arrive again.
 */
export async function evaluateConnectivity(input: { now?: Date; config?: Partial<AlertEngineConfig>; stationIds?: number[] } = {}): Promise<EngineSummary> {
  const config = { ...DEFAULT_ALERT_CONFIG, ...input.config };
  const now = input.now ?? new Date();
  const summary: EngineSummary = { opened: 0, repeated: 0, resolved: 0, reopened: 0 };
  const stations = (await listEngineStations()).filter((s) => !input.stationIds || input.stationIds.includes(s.id));
  for (const s of stations) await evaluateStationConnectivity(s, now, config, summary);
  return summary;
}

async function evaluateStationConnectivity(s: EngineStation, now: Date, config: AlertEngineConfig, summary: EngineSummary): Promise<void> {
  if (s.activeFrom.getTime() > now.getTime()) return;
  const allowedMs = (s.intervalMinutes + s.graceMinutes) * 60_000;
  const state = computeConnectivityState({ enabled: s.enabled, lastFileAt: s.lastFileAt, intervalMinutes: s.intervalMinutes, graceMinutes: s.graceMinutes, now });
  const key = { stationId: s.id, parameter: null, kind: 'offline' as const };
  const since = (s.lastFileAt ?? s.activeFrom).getTime() + allowedMs;
  if (state === 'offline' && now.getTime() < since) return; // never sent a file but still inside its first interval
  const active = await findActiveAlert(s.id, null, 'offline');
  if (state === 'offline') {
    // Opened at the moment it went offline; later minutes only move lastSeenAt (a continuing outage is not a repeat).
    const at = active ? now.getTime() : Math.min(since, now.getTime());
    await applyObservations(
      key,
      [{ at, hit: true, details: { value: null, limit: null, basis: null, countRepeats: false, data: { lastFileAt: s.lastFileAt?.toISOString() ?? null } } }],
      now,
      config,
      summary,
    );
  } else if (active) {
    await applyObservations(
      key,
      [{ at: Math.max(now.getTime(), active.lastSeenAt.getTime() + 1), hit: false, details: { value: null, limit: null, basis: null, data: { backOnline: state === 'good', lastFileAt: s.lastFileAt?.toISOString() ?? null } } }],
      now,
      config,
      summary,
    );
  }
}
