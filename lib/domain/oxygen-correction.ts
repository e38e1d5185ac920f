/**
 * Reference-oxygen correction for stack gases (DOMAIN.md §6): C_ref = C_meas × (21 − O2_ref) / (21 − O2_meas).
 * Not corrected when O2_meas ≥ 20 % (`o2_too_high`, the factor explodes near air) or when O2 is missing, not a
 * number or outside 0–21 % (`o2_invalid`); the measured value is then returned, marked `corrected: false`.
 */
export const O2_AMBIENT_PERCENT = 21;
export const O2_CORRECTION_CEILING_PERCENT = 20;

export type O2CorrectionResult = {
  value: number;
  corrected: boolean;
  reason?: 'o2_too_high' | 'o2_invalid';
};

/** `o2Measured` is null when the O2 reading is missing or not valid; an invalid `o2Ref` is a configuration bug and throws. */
export function correctToReferenceO2(
  cMeasured: number,
  o2Measured: number | null | undefined,
  o2Ref: number,
): O2CorrectionResult {
  if (!Number.isFinite(o2Ref) || o2Ref < 0 || o2Ref >= O2_AMBIENT_PERCENT) {
    throw new RangeError(`correctToReferenceO2: reference O2 must be in [0, 21), got ${o2Ref}`);
  }
  if (o2Measured == null || !Number.isFinite(o2Measured) || o2Measured < 0 || o2Measured > O2_AMBIENT_PERCENT) {
    return { value: cMeasured, corrected: false, reason: 'o2_invalid' };
  }
  if (o2Measured >= O2_CORRECTION_CEILING_PERCENT) return { value: cMeasured, corrected: false, reason: 'o2_too_high' };
  return { value: (cMeasured * (O2_AMBIENT_PERCENT - o2Ref)) / (O2_AMBIENT_PERCENT - o2Measured), corrected: true };
}
