import type { QcConfig } from './config';
import { flatLineTest } from './flat-line';
import { QC_FLAGS, worstFlag, type QcFlagCode } from './flags';
import { grossRangeTest } from './gross-range';
import { rateOfChangeTest } from './rate-of-change';
import { spikeTest } from './spike';
import {
  DEFAULT_QC_OPTIONS,
  MINUTE_MS,
  assertSorted,
  type DeviceStatus,
  type QcOptions,
  type QcReading,
} from './types';
import { zeroTest } from './zero';

export const QC_TEST_NAMES = ['gross_range', 'flat_line', 'spike', 'rate_of_change', 'zero'] as const;
export type QcTestName = (typeof QC_TEST_NAMES)[number];

/** Reason codes runQc owns; on re-evaluation they are recomputed, any other input reason is kept. */
export const QC_REASONS = [
  'gross_range_fail',
  'gross_range_suspect',
  'flat_line_fail',
  'flat_line_suspect',
  'spike_fail',
  'spike_suspect',
  'rate_of_change_fail',
  'rate_of_change',
  'zero',
  'missing',
  'device_calibrating',
  'device_error',
  'device_maintenance',
] as const;
export type QcReason = (typeof QC_REASONS)[number];
const OWN_REASONS = new Set<string>(QC_REASONS);

const DEVICE_REASON: Record<Exclude<DeviceStatus, '00'>, QcReason> = {
  '01': 'device_calibrating',
  '02': 'device_error',
  '03': 'device_maintenance',
};

const TEST_REASON: Record<QcTestName, { suspect: QcReason; fail: QcReason }> = {
  gross_range: { suspect: 'gross_range_suspect', fail: 'gross_range_fail' },
  flat_line: { suspect: 'flat_line_suspect', fail: 'flat_line_fail' },
  spike: { suspect: 'spike_suspect', fail: 'spike_fail' },
  rate_of_change: { suspect: 'rate_of_change', fail: 'rate_of_change_fail' },
  zero: { suspect: 'zero', fail: 'zero' },
};

export type QcResult = {
  flag: QcFlagCode;
  reasons: string[];
  /** Flag of each test that ran on this reading (none for off-status or missing readings). */
  tests: Partial<Record<QcTestName, QcFlagCode>>;
};

/** Flag columns of every enabled test; disabled tests are absent and do not take part. */
function runTests(
  series: readonly QcReading[],
  config: QcConfig,
  opts: QcOptions,
): Partial<Record<QcTestName, QcFlagCode[]>> {
  const out: Partial<Record<QcTestName, QcFlagCode[]>> = {
    gross_range: grossRangeTest(series, { failSpan: config.failSpan, suspectSpan: config.suspectSpan }),
  };
  if (config.flatTolerance > 0) {
    out.flat_line = flatLineTest(series, {
      tolerance: config.flatTolerance,
      suspectMinutes: config.flatSuspectMinutes,
      failMinutes: config.flatFailMinutes,
      intervalMinutes: opts.intervalMinutes,
      maxGapMinutes: opts.maxGapMinutes,
    });
  }
  if (config.spike) {
    const [suspectThreshold, failThreshold] = config.spike;
    out.spike = spikeTest(series, { suspectThreshold, failThreshold, maxGapMinutes: opts.maxGapMinutes });
  }
  if (config.rateOfChangePerMinute !== null || config.rateOfChangeFailPerMinute !== null) {
    out.rate_of_change = rateOfChangeTest(series, {
      suspectPerMinute: config.rateOfChangePerMinute,
      failPerMinute: config.rateOfChangeFailPerMinute,
      maxGapMinutes: opts.maxGapMinutes,
    });
  }
  if (config.zeroImplausible) out.zero = zeroTest(series, true);
  return out;
}

/**
 * QC of a time-ordered series of one station parameter. A reading's flag is the worst of its evaluated tests
 * (not_evaluated never lowers good); off-status readings skip the value tests (not_evaluated + a device reason),
 * readings without a value are missing. Non-QC input reasons such as `clock_ahead` are kept; `clock_ahead` fails.
 */
export function runQc(series: readonly QcReading[], config: QcConfig, opts: Partial<QcOptions> = {}): QcResult[] {
  assertSorted(series);
  const options: QcOptions = { ...DEFAULT_QC_OPTIONS, ...opts };
  const columns = runTests(series, config, options);
  const names = QC_TEST_NAMES.filter((name) => columns[name] !== undefined);
  const flagColumns = names.map((name) => columns[name]!);

  return series.map((r, i) => {
    const kept = r.reasons && r.reasons.length > 0 ? r.reasons.filter((reason) => !OWN_REASONS.has(reason)) : [];
    if (r.deviceStatus !== '00') {
      const flag = r.value === null ? QC_FLAGS.missing : QC_FLAGS.not_evaluated;
      return { flag, reasons: unique([...kept, DEVICE_REASON[r.deviceStatus]]), tests: {} };
    }
    if (r.value === null || !Number.isFinite(r.value)) {
      return { flag: QC_FLAGS.missing, reasons: unique([...kept, 'missing']), tests: {} };
    }
    const tests: Partial<Record<QcTestName, QcFlagCode>> = {};
    const flags: QcFlagCode[] = [];
    // Kept reasons are never QC reasons, and each test adds its own: only duplicated input reasons need removing.
    const reasons = kept.length > 1 ? unique(kept) : kept;
    for (let j = 0; j < names.length; j++) {
      const flag = flagColumns[j]![i];
      if (flag === undefined) continue;
      const name = names[j]!;
      tests[name] = flag;
      flags.push(flag);
      if (flag === QC_FLAGS.fail) reasons.push(TEST_REASON[name].fail);
      else if (flag === QC_FLAGS.suspect) reasons.push(TEST_REASON[name].suspect);
    }
    // A reading dated ahead of its receipt (logger clock) is kept as evidence but never valid (DOMAIN.md §2).
    if (reasons.includes('clock_ahead')) return { flag: QC_FLAGS.fail, reasons, tests };
    return { flag: worstFlag(flags), reasons, tests };
  });
}

const unique = (xs: readonly string[]): string[] => [...new Set(xs)];

/** How far before the earliest new reading a window must start so every re-evaluated reading sees its full context. */
export function qcLookbackMs(config: QcConfig, opts: Partial<QcOptions> = {}): number {
  const { maxGapMinutes } = { ...DEFAULT_QC_OPTIONS, ...opts };
  return (config.flatFailMinutes + maxGapMinutes) * MINUTE_MS;
}

export type WindowResult = QcResult & { time: number };

/**
 * Incremental QC after new readings arrive. `readings` is the window (sorted), from at least `qcLookbackMs` before the
 * earliest new time to the newest stored reading. Returns results from the reading just before the earliest new one
 * (its spike test gains a successor; skipped if over `maxGapMinutes` earlier) to the end of the window.
 */
export function evaluateWindow(
  readings: readonly QcReading[],
  newTimes: readonly number[],
  config: QcConfig,
  opts: Partial<QcOptions> = {},
): WindowResult[] {
  if (newTimes.length === 0) return [];
  const earliest = newTimes.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  const firstNew = readings.findIndex((r) => r.time >= earliest);
  if (firstNew < 0) return [];
  // The predecessor only changes when it is close enough to be a neighbour; further back its context may be cut off.
  const prev = readings[firstNew - 1];
  const { maxGapMinutes } = { ...DEFAULT_QC_OPTIONS, ...opts };
  const from = prev && earliest - prev.time <= maxGapMinutes * MINUTE_MS ? firstNew - 1 : firstNew;
  const results = runQc(readings, config, opts);
  const out: WindowResult[] = [];
  readings.forEach((r, i) => {
    const res = results[i];
    if (i >= from && res) out.push({ ...res, time: r.time });
  });
  return out;
}
