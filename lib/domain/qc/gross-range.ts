import { QC_FLAGS, type QcFlagCode } from './flags';
import { assertSorted, excludedFlag, isMeasured, type QcReading } from './types';

export type GrossRangeParams = {
  failSpan: readonly [number, number];
  /** Optional like in ioos_qc; must lie within the fail span. */
  suspectSpan: readonly [number, number] | null;
};

const outside = (v: number, [a, b]: readonly [number, number]): boolean => v < Math.min(a, b) || v > Math.max(a, b);

/** Outside the fail span → fail; outside the suspect span → suspect; the span boundaries themselves pass. */
export function grossRangeTest(series: readonly QcReading[], params: GrossRangeParams): QcFlagCode[] {
  assertSorted(series);
  return series.map((r) => {
    if (!isMeasured(r)) return excludedFlag(r);
    if (outside(r.value, params.failSpan)) return QC_FLAGS.fail;
    if (params.suspectSpan && outside(r.value, params.suspectSpan)) return QC_FLAGS.suspect;
    return QC_FLAGS.good;
  });
}
