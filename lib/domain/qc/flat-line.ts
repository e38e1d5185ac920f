import { QC_FLAGS, type QcFlagCode } from './flags';
import { assertSorted, excludedFlag, isMeasured, MINUTE_MS, type QcReading } from './types';

export type FlatLineParams = {
  /** Values closer than this (max − min < tolerance) are "the same"; 0 disables the test. */
  tolerance: number;
  suspectMinutes: number;
  failMinutes: number;
  /** Nominal interval: windows count whole intervals, as ioos_qc counts samples (window / median interval). */
  intervalMinutes: number;
  /** A gap longer than this between measured readings ends a run. */
  maxGapMinutes: number;
};

/** ioos_qc converts a window to floor(window / interval) samples; a run of that many intervals qualifies. */
function effectiveWindowMs(windowMinutes: number, intervalMs: number): number {
  const windowMs = Math.round(windowMinutes * MINUTE_MS);
  if (intervalMs <= 0) return windowMs;
  return Math.floor(windowMs / intervalMs + 1e-9) * intervalMs;
}

/**
 * The run of measured readings ending at this one whose values all lie within `tolerance` of each other lasting at
 * least the suspect (fail) window → suspect (fail). Missing and off-status readings are skipped and break no run;
 * a gap longer than `maxGapMinutes` does. On regular data this equals ioos_qc's flat_line_test.
 */
export function flatLineTest(series: readonly QcReading[], params: FlatLineParams): QcFlagCode[] {
  assertSorted(series);
  const intervalMs = Math.round(params.intervalMinutes * MINUTE_MS);
  const suspectMs = effectiveWindowMs(params.suspectMinutes, intervalMs);
  const failMs = effectiveWindowMs(params.failMinutes, intervalMs);
  const maxGapMs = params.maxGapMinutes * MINUTE_MS;
  const out = new Array<QcFlagCode>(series.length);
  // Positions of the measured readings (times strictly increase, so a position identifies a reading).
  const at: number[] = [];
  for (let i = 0; i < series.length; i++) {
    const r = series[i]!;
    if (isMeasured(r)) at.push(i);
    else out[i] = excludedFlag(r);
  }

  for (let n = 0; n < at.length; n++) {
    const r = series[at[n]!] as QcReading & { value: number };
    let min = r.value;
    let max = r.value;
    let start = r.time;
    let laterTime = r.time;
    // Walk back while the run holds; stop once it already reaches the fail window.
    for (let k = n - 1; k >= 0 && r.time - start < failMs; k--) {
      const earlier = series[at[k]!] as QcReading & { value: number };
      if (laterTime - earlier.time > maxGapMs) break;
      const lo = earlier.value < min ? earlier.value : min;
      const hi = earlier.value > max ? earlier.value : max;
      if (!(hi - lo < params.tolerance)) break;
      min = lo;
      max = hi;
      start = earlier.time;
      laterTime = earlier.time;
    }
    const duration = r.time - start;
    out[at[n]!] =
      params.tolerance <= 0
        ? QC_FLAGS.good
        : duration >= failMs
          ? QC_FLAGS.fail
          : duration >= suspectMs
            ? QC_FLAGS.suspect
            : QC_FLAGS.good;
  }
  return out;
}
