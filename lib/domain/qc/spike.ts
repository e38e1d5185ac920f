import { QC_FLAGS, type QcFlagCode } from './flags';
import { assertSorted, excludedFlag, isMeasured, MINUTE_MS, type QcReading } from './types';

export type SpikeParams = {
  /** In value units; a threshold of 0 disables that level (ioos_qc treats it as falsy). */
  suspectThreshold: number;
  failThreshold: number;
  maxGapMinutes: number;
};

/**
 * ioos_qc "average" spike: |x − mean(prev, next)| above the suspect / fail threshold (strictly).
 * The first and newest readings, and a reading whose neighbour is missing, off-status or more than
 * `maxGapMinutes` away, are not evaluated; the newest gets evaluated once its successor arrives.
 */
export function spikeTest(series: readonly QcReading[], params: SpikeParams): QcFlagCode[] {
  assertSorted(series);
  const maxGapMs = params.maxGapMinutes * MINUTE_MS;
  return series.map((r, i) => {
    if (!isMeasured(r)) return excludedFlag(r);
    const prev = series[i - 1];
    const next = series[i + 1];
    if (!isMeasured(prev) || !isMeasured(next)) return QC_FLAGS.not_evaluated;
    if (r.time - prev.time > maxGapMs || next.time - r.time > maxGapMs) return QC_FLAGS.not_evaluated;
    const diff = Math.abs(r.value - (prev.value + next.value) / 2);
    if (params.failThreshold > 0 && diff > params.failThreshold) return QC_FLAGS.fail;
    if (params.suspectThreshold > 0 && diff > params.suspectThreshold) return QC_FLAGS.suspect;
    return QC_FLAGS.good;
  });
}
