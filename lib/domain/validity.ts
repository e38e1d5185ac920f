import { QC_FLAGS } from './qc-flags';

export type ValidityInput = {
  deviceStatus: string;
  qcFlag: number;
  /** True when an operator overlay invalidates the reading (a restore overlay makes it false again). */
  invalidatedByOverlay: boolean;
};

/**
 * A reading is valid (counts in averages, compliance and AQI) when its device status is `00`, its QC flag is good (1)
 * or suspect (3), and no operator overlay invalidates it; not_evaluated (2), fail (4) and missing (9) are not valid.
 * runQc never leaves a measured reading at 2 just because its spike test awaits a successor (DOMAIN.md §4).
 */
export function isValid({ deviceStatus, qcFlag, invalidatedByOverlay }: ValidityInput): boolean {
  return deviceStatus === '00' && (qcFlag === QC_FLAGS.good || qcFlag === QC_FLAGS.suspect) && !invalidatedByOverlay;
}
