import { z } from 'zod';
import { sidePool } from '../../db/client';
import { insertJobs, type JobInsert } from '../../db/jobs';
import { listActiveOverlaysIn } from '../../db/overlays';
import { upsertDaily, upsertHourly, listStoredHourly, type StoredDaily, type StoredHourly } from '../../db/averages';
import {
  claimPendingRecomputeJobs,
  completeCoalescedJobs,
  countPendingRecomputeJobs,
  endReadSnapshot,
  findQcStation,
  listQcSeries,
  lockStationForRecompute,
  releaseCoalescedJobs,
  updateReadingFlagRuns,
  type Queryable,
  type QcSeriesColumns,
  type QcStation,
} from '../../db/qc';
import { computeDaily, computeHourly, HOURS_PER_DAY, type AverageInput } from '../../domain/averages';
import { dayLabel, dayRange, hourLabel } from '../../domain/time';
import {
  DEFAULT_QC_OPTIONS,
  MINUTE_MS,
  flagRuns,
  type FlagChange,
  qcConfigFor,
  qcLookbackMs,
  runQc,
  type QcConfig,
  type QcOptions,
  type QcReading,
} from '../../domain/qc';
import { DEVICE_STATUSES, QC_FLAGS, type DeviceStatus } from '../../domain/qc-flags';
import { isValid, overlayInvalidates } from '../../domain/validity';
import { env } from '../../env';
import { RECOMPUTE_JOB, type RecomputePayload } from '../jobs';
import { withTransaction } from '../../db/transaction';

/**
 * Recomputation of QC flags and stored averages (DOMAIN.md §4–§5) for a station period, shared by the worker's
 * 'recompute' job, the QC settings "recompute a period" action and the benchmark. Everything is derived from raw
 * readings, the station's QC settings and active overlays, so running it again gives the same result.
 */
export const DERIVED_JOB = 'derived';
export type DerivedPayload = { stationId: number; from: string; to: string };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A job takes over the station's other pending hours within this distance, so a backlog runs as one period. */
const COALESCE_SPAN_MS = 14 * DAY_MS;
/** Longest period one recompute call covers (a month and a bit); longer requests are split into jobs. */
export const MAX_RECOMPUTE_SPAN_MS = 40 * DAY_MS;

/** Periods at least this long are read and their flags written beside the recompute transaction (`beside`). */
const BESIDE_FROM_MS = 6 * HOUR_MS;
/** Flag writes of at least this many readings are sent as two halves at once. */
const SPLIT_WRITE_AT = 2000;

const floorHour = (t: number) => Math.floor(t / HOUR_MS) * HOUR_MS;
const ceilHour = (t: number) => Math.ceil(t / HOUR_MS) * HOUR_MS;

const asStatus = (s: string): DeviceStatus =>
  (DEVICE_STATUSES as readonly string[]).includes(s) ? (s as DeviceStatus) : '02';

/** A measured reading still at not_evaluated has never been through QC: its own recompute job is pending. */
const unprocessed = (qcFlag: number, deviceStatus: string) =>
  qcFlag === QC_FLAGS.not_evaluated && deviceStatus === '00';

function sameReasons(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export type RecomputeOptions = {
  completeRatio?: number;
  log?: (m: string) => void;
  enqueueDerived?: boolean;
  /** Averages only, from the stored flags (tools and tests that set flags themselves); QC is not run. */
  keepFlags?: boolean;
  /**
   * Where the readings are read and the flags written; default: the transaction's own connection. With `sidePool()`
   * reads run in parallel and each parameter's flags are committed on their own (PostgreSQL then prunes the replaced
   * row versions page by page, so the next parameter's updates stay in place without new index entries); the
   * transaction waits for them before it writes anything itself.
   */
  beside?: Queryable;
};
export type RecomputeStats = {
  from: Date;
  to: Date;
  readings: number;
  flagsChanged: number;
  hours: number;
  days: number;
};

/** Configs of the station's parameters: registry defaults merged with the stored override (defaults if it is broken). */
export function stationQcConfigs(station: QcStation, log?: (m: string) => void): Map<string, QcConfig> {
  const out = new Map<string, QcConfig>();
  for (const p of station.parameters) {
    try {
      out.set(p.parameter, qcConfigFor(station.kind, p.parameter, p.qcConfig));
    } catch (e) {
      try {
        out.set(p.parameter, qcConfigFor(station.kind, p.parameter));
        log?.(
          `qc: station ${station.code} ${p.parameter}: stored override ignored (${e instanceof Error ? e.message : String(e)})`,
        );
      } catch {
        // Not a registry parameter for this kind: its readings are left as they are.
      }
    }
  }
  return out;
}

/**
 * The daily means of every (parameter, local day) that `computed` hours fall in: from those hours and, for days they
 * do not cover entirely, the day's other stored hours (read once, for the span of such days only).
 */
async function dailyOfTouchedDays(
  on: Queryable,
  stationId: number,
  computed: readonly StoredHourly[],
  completeRatio: number,
): Promise<StoredDaily[]> {
  const days = new Map<string, Map<string, Map<number, StoredHourly>>>(); // parameter → day → hour end → hour
  for (const h of computed) {
    const day = dayLabel(h.hourEnd);
    let byDay = days.get(h.parameter);
    if (!byDay) days.set(h.parameter, (byDay = new Map()));
    let hours = byDay.get(day);
    if (!hours) byDay.set(day, (hours = new Map()));
    hours.set(h.hourEnd, h);
  }
  const partial = new Set<string>();
  for (const byDay of days.values()) for (const [day, hours] of byDay) if (hours.size < HOURS_PER_DAY) partial.add(day);
  if (partial.size > 0) {
    const sorted = [...partial].sort();
    const stored = await listStoredHourly(
      stationId,
      null,
      new Date(dayRange(sorted[0]!).after + HOUR_MS),
      new Date(dayRange(sorted.at(-1)!).through + HOUR_MS),
      on,
    );
    for (const h of stored) {
      const day = dayLabel(h.hourEnd);
      if (!partial.has(day)) continue;
      const hours = days.get(h.parameter)?.get(day);
      // The hours just computed replace their stored rows.
      if (hours && !hours.has(h.hourEnd)) hours.set(h.hourEnd, h);
    }
  }
  const daily: StoredDaily[] = [];
  for (const [parameter, byDay] of days)
    for (const hours of byDay.values()) {
      const sorted = [...hours.values()].sort((a, b) => a.hourEnd - b.hourEnd);
      for (const d of computeDaily(sorted, { completeRatio })) daily.push({ ...d, parameter });
    }
  return daily;
}

/**
 * Recomputes the hours (from, to] (widened to whole hours) on an open transaction holding the station lock:
 * QC of every reading in them, of the reading just before (its spike test gains a successor) and of already-checked
 * readings up to one look-back after (flat-line runs and neighbours change with late data); then the hourly averages
 * of the period's hours and of every hour whose flags changed, the daily averages of their local days, and
 * 'derived' jobs for those hours.
 */
export async function recomputeOn(
  client: Queryable,
  stationId: number,
  from: Date,
  to: Date,
  opts: RecomputeOptions = {},
): Promise<RecomputeStats> {
  const fromMs = floorHour(from.getTime());
  const toMs = ceilHour(to.getTime());
  const empty: RecomputeStats = {
    from: new Date(fromMs),
    to: new Date(toMs),
    readings: 0,
    flagsChanged: 0,
    hours: 0,
    days: 0,
  };
  const station = await findQcStation(stationId, client);
  if (!station || toMs <= fromMs) return empty;
  const configs = stationQcConfigs(station, opts.log);
  if (configs.size === 0) return empty;

  const qcOpts: QcOptions = { ...DEFAULT_QC_OPTIONS, intervalMinutes: station.intervalMinutes };
  const maxGapMs = qcOpts.maxGapMinutes * MINUTE_MS;
  const lookback = Math.max(...[...configs.values()].map((c) => qcLookbackMs(c, qcOpts)));
  // Whole hours on both sides, so every hour averaged below is fully loaded.
  const windowStart = floorHour(fromMs - Math.max(lookback, maxGapMs + HOUR_MS));
  const windowEnd = ceilHour(toMs + lookback);
  const overlays = await listActiveOverlaysIn(client, stationId, new Date(windowStart), new Date(windowEnd));
  // Beside the transaction only for long periods: a few hours (what ingest queues) read and write little, and one
  // round trip on the transaction's connection costs less than several on others.
  const beside = toMs - fromMs >= BESIDE_FROM_MS ? (opts.beside ?? client) : client;
  if (beside !== client) await endReadSnapshot(client);
  const completeRatio = opts.completeRatio ?? env().AVERAGE_COMPLETE_RATIO;

  // Beside the transaction, each parameter's window is read on its own, in two lanes (two PostgreSQL backends), and
  // is checked here as soon as it arrives; its flag write is sent as soon as it is known, one after the other, so
  // PostgreSQL reads and rewrites some parameters while others are checked. Everything is awaited below.
  const parameters = [...configs.keys()];
  const window = (ps: readonly string[]) =>
    listQcSeries(beside, stationId, new Date(windowStart), new Date(windowEnd), ps, maxGapMs);
  let reads: Promise<Map<string, QcSeriesColumns>>[];
  if (beside === client) {
    const all = window(parameters);
    reads = parameters.map(() => all);
  } else {
    const lanes: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
    reads = parameters.map((parameter, k) => {
      const read = lanes[k % 2]!.then(() => window([parameter]));
      lanes[k % 2] = read.catch(() => undefined);
      return read;
    });
  }
  // A rejection is handled where it is awaited, not reported as unhandled meanwhile.
  for (const r of reads) r.catch(() => undefined);
  let flagsChanged = 0;
  let writes: Promise<unknown> = Promise.resolve();
  const hourly: StoredHourly[] = [];
  let readingsInRange = 0;
  for (const [k, parameter] of parameters.entries()) {
    const config = configs.get(parameter)!;
    const col = (await reads[k]!).get(parameter);
    if (!col) continue;
    const { times, values, statuses, reasons: storedReasons } = col;
    const n = times.length;
    let firstIn = -1;
    for (let i = 0; i < n; i++) {
      if (times[i]! > fromMs && times[i]! <= toMs) {
        firstIn = i;
        break;
      }
    }
    if (firstIn < 0) continue;
    const series: QcReading[] = new Array<QcReading>(n);
    for (let i = 0; i < n; i++)
      series[i] = {
        time: times[i]!,
        value: values[i]!,
        deviceStatus: asStatus(statuses[i]!),
        reasons: storedReasons[i]!,
      };
    const results: readonly { flag: number; reasons: readonly string[] }[] = opts.keepFlags
      ? col.flags.map((flag, i) => ({ flag, reasons: storedReasons[i]! }))
      : runQc(series, config, qcOpts);
    const prev = firstIn > 0 ? times[firstIn - 1] : undefined;
    const start = prev !== undefined && times[firstIn]! - prev <= maxGapMs ? firstIn - 1 : firstIn;
    const flags = col.flags.slice();
    const hours = new Set<number>();
    const updates: FlagChange[] = [];
    for (let i = start; i < n; i++) {
      const t = times[i]!;
      if (t > windowEnd) break;
      const inRange = t > fromMs && t <= toMs;
      if (inRange) {
        readingsInRange += 1;
        hours.add(hourLabel(t));
      } else if (t > toMs && unprocessed(col.flags[i]!, statuses[i]!)) continue;
      const res = results[i]!;
      if (res.flag !== col.flags[i] || !sameReasons(res.reasons, storedReasons[i]!)) {
        updates.push({ index: i, time: t, flag: res.flag, reasons: res.reasons });
        flags[i] = res.flag;
        hours.add(hourLabel(t));
      }
    }
    const inputs: AverageInput[] = [];
    for (let i = 0; i < n; i++) {
      const t = times[i]!;
      if (t > windowEnd) break;
      if (!hours.has(hourLabel(t))) continue;
      const invalidatedByOverlay = overlays.length > 0 && overlayInvalidates(overlays, parameter, t);
      inputs.push({
        time: t,
        value: values[i]!,
        valid: isValid({ deviceStatus: statuses[i]!, qcFlag: flags[i]!, invalidatedByOverlay }),
      });
    }
    for (const h of computeHourly(inputs, { intervalMinutes: station.intervalMinutes, completeRatio }))
      hourly.push({ ...h, parameter });
    if (updates.length > 0) {
      flagsChanged += updates.length;
      // A long write goes as its two time halves at once (other pages, two PostgreSQL backends); the next parameter's
      // waits for both, as it rewrites the same pages.
      const halves =
        updates.length >= SPLIT_WRITE_AT
          ? [updates.slice(0, updates.length >> 1), updates.slice(updates.length >> 1)]
          : [updates];
      writes = writes.then(() =>
        Promise.all(halves.map((h) => updateReadingFlagRuns(beside, stationId, parameter, flagRuns(h)))),
      );
      // A rejection is handled where the chain is awaited, not reported as unhandled meanwhile.
      writes.catch(() => undefined);
      // Lets the connection send it (and the previous one's reply be read) before the next parameter's QC.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  // Daily means while the flags are being written. Stored hours are read in the transaction (an earlier part of a long
  // job may have written some); its snapshot is then closed again.
  const daily = await dailyOfTouchedDays(client, stationId, hourly, completeRatio);
  if (beside !== client) await endReadSnapshot(client);
  // Flags first: while this transaction has written nothing (no transaction id), PostgreSQL can prune each committed
  // parameter's replaced row versions before the next parameter's updates reach the same pages.
  await writes;
  await upsertHourly(client, stationId, hourly);
  await upsertDaily(client, stationId, daily);

  const hourEnds = [...new Set(hourly.map((h) => h.hourEnd))].sort((a, b) => a - b);
  if (opts.enqueueDerived !== false && hourEnds.length > 0) {
    await insertJobs(
      hourEnds.map((end): JobInsert => {
        const payload: DerivedPayload = {
          stationId,
          from: new Date(end - HOUR_MS).toISOString(),
          to: new Date(end).toISOString(),
        };
        return { kind: DERIVED_JOB, payload, dedupeKey: `${DERIVED_JOB}:${stationId}:${payload.to}` };
      }),
      client,
    );
  }
  return {
    from: new Date(fromMs),
    to: new Date(toMs),
    readings: readingsInRange,
    flagsChanged,
    hours: hourly.length,
    days: daily.length,
  };
}

async function inStationTransaction<T>(stationId: number, fn: (client: Queryable) => Promise<T>): Promise<T> {
  return withTransaction(async (tx) => {
    await lockStationForRecompute(tx, stationId);
    return fn(tx);
  });
}

const withSideWriter = (opts: RecomputeOptions): RecomputeOptions => ({
  ...opts,
  beside: opts.beside ?? sidePool(),
});

/**
 * Recomputes one station period now (hours (from, to]): averages and job bookkeeping in one transaction, each
 * parameter's flags committed beside it before it commits (flags are a function of raw data and settings, so a
 * rollback after them only leaves correct flags, and the job that is handed back recomputes the same).
 */
export async function recomputeStationPeriod(
  stationId: number,
  from: Date,
  to: Date,
  opts: RecomputeOptions = {},
): Promise<RecomputeStats> {
  return inStationTransaction(stationId, (client) => recomputeOn(client, stationId, from, to, withSideWriter(opts)));
}

const isoText = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 time');
export const recomputePayloadSchema = z
  .object({ stationId: z.number().int().positive(), from: isoText, to: isoText })
  .refine((p) => Date.parse(p.from) < Date.parse(p.to), 'from must be before to');

/**
 * Handler of a 'recompute' job: takes over the station's other pending recompute jobs near it and processes the
 * whole span as one period. An invalid payload is logged and dropped (retrying cannot fix it).
 */
export async function runRecomputeJob(payload: unknown, opts: RecomputeOptions = {}): Promise<RecomputeStats | null> {
  const parsed = recomputePayloadSchema.safeParse(payload);
  if (!parsed.success) {
    opts.log?.(`recompute: invalid payload ${JSON.stringify(payload)?.slice(0, 200)}; dropped`);
    return null;
  }
  const p: RecomputePayload = parsed.data;
  let claimed: number[] = [];
  try {
    return await inStationTransaction(p.stationId, async (client) => {
      let from = Date.parse(p.from);
      let to = Date.parse(p.to);
      // Claimed beside the transaction, which so writes nothing until the flags are written (see recomputeOn).
      const others = await claimPendingRecomputeJobs(
        sidePool(),
        RECOMPUTE_JOB,
        p.stationId,
        new Date(to),
        COALESCE_SPAN_MS,
      );
      claimed = others.map((o) => o.id);
      for (const o of others) {
        const f = Date.parse(o.from);
        const t = Date.parse(o.to);
        if (Number.isNaN(f) || Number.isNaN(t)) continue;
        from = Math.min(from, f);
        to = Math.max(to, t);
      }
      const stats: RecomputeStats = {
        from: new Date(floorHour(from)),
        to: new Date(ceilHour(to)),
        readings: 0,
        flagsChanged: 0,
        hours: 0,
        days: 0,
      };
      for (let start = from; start < to; start += MAX_RECOMPUTE_SPAN_MS) {
        const part = await recomputeOn(
          client,
          p.stationId,
          new Date(start),
          new Date(Math.min(to, start + MAX_RECOMPUTE_SPAN_MS)),
          withSideWriter(opts),
        );
        stats.readings += part.readings;
        stats.flagsChanged += part.flagsChanged;
        stats.hours += part.hours;
        stats.days += part.days;
      }
      await completeCoalescedJobs(client, claimed);
      return stats;
    });
  } catch (e) {
    // Rolled back: the claimed jobs go back to the queue (if this fails too, they are taken over after the timeout).
    await releaseCoalescedJobs(sidePool(), claimed).catch(() => undefined);
    throw e;
  }
}

/**
 * Recompute jobs covering (from, to] in pieces of at most one local day (hours labelled by their end), for overlays
 * and QC settings changes. Each piece has its own dedupe key so a repeated request does not pile up.
 */
export function recomputeJobsForRange(stationId: number, from: Date, to: Date, pieceMs = DAY_MS): JobInsert[] {
  const jobs: JobInsert[] = [];
  const end = ceilHour(to.getTime());
  for (let start = floorHour(from.getTime()); start < end; start += pieceMs) {
    const payload: RecomputePayload = {
      stationId,
      from: new Date(start).toISOString(),
      to: new Date(Math.min(end, start + pieceMs)).toISOString(),
    };
    jobs.push({
      kind: RECOMPUTE_JOB,
      payload,
      dedupeKey: `${RECOMPUTE_JOB}-range:${stationId}:${payload.from}:${payload.to}`,
    });
  }
  return jobs;
}

/** Enqueues the recompute of (from, to]; returns how many jobs were queued. */
export async function enqueueRecomputeRange(stationId: number, from: Date, to: Date): Promise<number> {
  const jobs = recomputeJobsForRange(stationId, from, to);
  await insertJobs(jobs);
  return jobs.length;
}

export async function pendingRecomputeJobs(stationId: number): Promise<number> {
  return countPendingRecomputeJobs(RECOMPUTE_JOB, stationId);
}
