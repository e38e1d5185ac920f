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
  const measured = series.flatMap((r) => (isMeasured(r) ? [r] : []));
  const flagByTime = new Map<number, QcFlagCode>();

  measured.forEach((r, n) => {
    let min = r.value;
    let max = r.value;
    let start = r.time;
    // Walk back while the run holds; stop once it already reaches the fail window.
    for (let k = n - 1; k >= 0 && r.time - start < failMs; k--) {
      const earlier = measured[k];
      const later = measured[k + 1];
      if (!earlier || !later || later.time - earlier.time > maxGapMs) break;
      const lo = Math.min(min, earlier.value);
      const hi = Math.max(max, earlier.value);
      if (!(hi - lo < params.tolerance)) break;
      [min, max, start] = [lo, hi, earlier.time];
    }
    const duration = r.time - start;
    const flag = params.tolerance <= 0 ? QC_FLAGS.good : duration >= failMs ? QC_FLAGS.fail : duration >= suspectMs ? QC_FLAGS.suspect : QC_FLAGS.good;
    flagByTime.set(r.time, flag);
  });

  return series.map((r) => flagByTime.get(r.time) ?? excludedFlag(r));
}
