/**
 * Verdicts on limits (DOMAIN.md §6). Pure: inputs in, verdict out.
 * - Compliance: the mean of a complete averaging period above max or below min is `exceeding`; equal to a bound
 *   complies; an incomplete period (or no mean) is `insufficient_data` and neither opens nor clears an alert.
 * - Early warning on one valid 5-minute value: above max / below min → `exceeding`; otherwise `approaching` when
 *   ≥ ratio × max (default 80 %), or — for a two-sided range like pH 6–9 — within (1 − ratio) × (max − min) of either
 *   edge (pH 6–9: ≤ 6.6 or ≥ 8.4), or — for a minimum only like DO ≥ 6 — when min ≥ ratio × value (DO ≤ 7.5).
 *   Invalid values get no level.
 * - Instantaneous exceedance: the last N valid values (default 3) all exceed; invalid values are skipped (they
 *   neither extend nor break the run, as device-status readings do for QC).
 */
import type { StationKind } from './parameters';

export type Bounds = { min?: number | null; max?: number | null };
export type ComplianceBasis = '1h' | '8h' | '24h';
export type ComplianceVerdict = 'compliant' | 'exceeding' | 'insufficient_data';
export type EarlyLevel = 'good' | 'approaching' | 'exceeding';

/** Averaging bases that decide compliance per station kind (configurable; ambient uses every QCVN 05 period it has). */
export const DEFAULT_COMPLIANCE_BASES: Record<StationKind, readonly ComplianceBasis[]> = {
  wastewater: ['24h'],
  emission: ['1h'],
  ambient_air: ['1h', '8h', '24h'],
  surface_water: ['24h'],
};

export const DEFAULT_APPROACHING_RATIO = 0.8;
export const DEFAULT_INSTANT_RUN = 3;

const num = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x);

/** Above max or below min; a bound equal to the value complies. */
export function isOutside(value: number, bounds: Bounds): boolean {
  const max = num(bounds.max);
  const min = num(bounds.min);
  return (max !== null && value > max) || (min !== null && value < min);
}

/** The bound a value violates (max first), for display and as the alert's limit. */
export function violatedBound(value: number, bounds: Bounds): number | null {
  const max = num(bounds.max);
  const min = num(bounds.min);
  if (max !== null && value > max) return max;
  if (min !== null && value < min) return min;
  return null;
}

export function complianceVerdict(input: { mean: number | null; complete: boolean; bounds: Bounds }): ComplianceVerdict {
  const { mean, complete, bounds } = input;
  if (!complete || mean === null || !Number.isFinite(mean)) return 'insufficient_data';
  if (num(bounds.max) === null && num(bounds.min) === null) return 'insufficient_data';
  return isOutside(mean, bounds) ? 'exceeding' : 'compliant';
}

export function earlyWarningLevel(input: { value: number; valid: boolean; bounds: Bounds; ratio?: number }): EarlyLevel | null {
  const { value, valid, bounds } = input;
  if (!valid || !Number.isFinite(value)) return null;
  const ratio = input.ratio ?? DEFAULT_APPROACHING_RATIO;
  const max = num(bounds.max);
  const min = num(bounds.min);
  if (isOutside(value, bounds)) return 'exceeding';
  if (max !== null && min !== null) {
    const margin = (1 - ratio) * (max - min);
    return value >= max - margin || value <= min + margin ? 'approaching' : 'good';
  }
  if (max !== null) return max > 0 && value >= ratio * max ? 'approaching' : 'good';
  if (min !== null) return min > 0 && min >= ratio * value ? 'approaching' : 'good';
  return 'good';
}

/**
 * Whether the run of the last `n` valid values (chronological input, newest last) all lie outside the bounds.
 * Null when fewer than n valid values exist or the newest value is invalid (nothing new to decide on).
 */
export function instantExceedance(values: readonly { value: number; valid: boolean }[], bounds: Bounds, n = DEFAULT_INSTANT_RUN): boolean | null {
  const last = values.at(-1);
  if (!last || !last.valid) return null;
  const valid = values.filter((v) => v.valid && Number.isFinite(v.value));
  if (valid.length < n) return isOutside(last.value, bounds) ? null : false;
  return valid.slice(-n).every((v) => isOutside(v.value, bounds));
}
