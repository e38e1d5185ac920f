import { QC_FLAGS, type QcFlagCode } from './flags';
import { assertSorted, excludedFlag, isMeasured, type QcReading } from './types';

/** An exact 0 where zero is implausible (COD, TSS, DUST, PM…) is suspect; any other value passes. */
export function zeroTest(series: readonly QcReading[], zeroImplausible: boolean): QcFlagCode[] {
  assertSorted(series);
  return series.map((r) => {
    if (!isMeasured(r)) return excludedFlag(r);
    return zeroImplausible && r.value === 0 ? QC_FLAGS.suspect : QC_FLAGS.good;
  });
}
