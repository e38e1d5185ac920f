import { roundHalfUp } from './rounding';
import { findAqiBand, type AqiBand } from './bands';
import { AQI_BREAKPOINTS, AQI_LEVELS, AQI_MAX, AQI_POLLUTANTS, type AqiPollutant, type AqiTable } from './breakpoints';

/**
 * AQI_x = (I_{i+1} − I_i)/(BP_{i+1} − BP_i) × (C − BP_i) + I_i for BP_i ≤ C ≤ BP_{i+1}; unrounded.
 * Above the top breakpoint the result is 500, except O3 8 h, which counts only while C ≤ 400 (null above it).
 * Negative, NaN or infinite concentrations give null.
 */
export function subIndex(table: AqiTable, concentration: number): number | null {
  if (!Number.isFinite(concentration) || concentration < 0) return null;
  const bps = AQI_BREAKPOINTS[table];
  for (let i = 0; i + 1 < bps.length; i += 1) {
    const lo = bps[i];
    const hi = bps[i + 1];
    const iLo = AQI_LEVELS[i];
    const iHi = AQI_LEVELS[i + 1];
    if (lo == null || hi == null || iLo == null || iHi == null) break;
    if (concentration <= hi) return ((iHi - iLo) / (hi - lo)) * (concentration - lo) + iLo;
  }
  return table === 'O3_8h' ? null : AQI_MAX;
}

export { roundHalfUp };

export type AqiSubIndices = Partial<Record<AqiPollutant, number>>;

export type AqiResult = {
  /** Max of the sub-indices, rounded half up. */
  aqi: number;
  /** The pollutant with the largest sub-index; ties go to the earlier one in AQI_POLLUTANTS (PM2.5 first). */
  dominant: AqiPollutant;
  /** Unrounded sub-indices of the pollutants that had data. */
  subIndices: AqiSubIndices;
  band: AqiBand;
};

/** AQI = max of the sub-indices; null unless PM2.5 or PM10 has one (Decision 1459 needs at least one PM). */
export function combineSubIndices(subIndices: AqiSubIndices): AqiResult | null {
  if (subIndices.PM25 === undefined && subIndices.PM10 === undefined) return null;
  let dominant: AqiPollutant | null = null;
  let max = -Infinity;
  for (const p of AQI_POLLUTANTS) {
    const s = subIndices[p];
    if (s !== undefined && s > max) {
      max = s;
      dominant = p;
    }
  }
  if (dominant === null) return null;
  const aqi = roundHalfUp(max);
  const band = findAqiBand(aqi);
  if (!band) return null;
  return { aqi, dominant, subIndices, band };
}

/** Adds `subIndex(table, c)` under `key` when the concentration is given and usable. */
export function addSubIndex(
  into: AqiSubIndices,
  key: AqiPollutant,
  table: AqiTable,
  concentration: number | null | undefined,
): void {
  if (concentration == null) return;
  const s = subIndex(table, concentration);
  if (s !== null) into[key] = s;
}
