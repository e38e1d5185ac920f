import { QC_FLAGS, type QcFlagCode } from './flags';
import { assertSorted, excludedFlag, isMeasured, MINUTE_MS, type QcReading } from './types';

export type RateOfChangeParams = {
  /** Value units per minute; null disables the level. */
  suspectPerMinute: number | null;
  failPerMinute: number | null;
  maxGapMinutes: number;
};

/** Thresholds arrive through unit conversions (per second ↔ per minute); closer than this they count as equal. */
const RELATIVE_EPSILON = 1e-9;

/**
 * |x − previous| / minutes elapsed strictly above the suspect threshold → suspect on the later point; at or above the
 * fail threshold → fail (ioos_qc has no fail level: vector U7 fixes it, see the test). A reading whose predecessor is
 * missing, off-status or more than `maxGapMinutes` earlier is not flagged (good), as in ioos_qc.
 */
export function rateOfChangeTest(series: readonly QcReading[], params: RateOfChangeParams): QcFlagCode[] {
  assertSorted(series);
  const maxGapMs = params.maxGapMinutes * MINUTE_MS;
  return series.map((r, i) => {
    if (!isMeasured(r)) return excludedFlag(r);
    const prev = series[i - 1];
    if (!isMeasured(prev) || r.time - prev.time > maxGapMs) return QC_FLAGS.good;
    const rate = Math.abs(r.value - prev.value) / ((r.time - prev.time) / MINUTE_MS);
    const fail = params.failPerMinute;
    if (fail !== null && fail > 0 && rate >= fail * (1 - RELATIVE_EPSILON)) return QC_FLAGS.fail;
    const suspect = params.suspectPerMinute;
    if (suspect !== null && suspect > 0 && rate > suspect * (1 + RELATIVE_EPSILON)) return QC_FLAGS.suspect;
    return QC_FLAGS.good;
  });
}
