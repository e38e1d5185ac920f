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

/** An operator overlay as the validity rule sees it: which parameters (none = all) over [from, to), and what it does. */
export type OverlaySpan = { parameters: readonly string[]; from: Date; to: Date; action: 'invalidate' | 'restore' };

/** The newest active overlay covering the reading decides (invalidate → invalid; restore → not invalidated). */
export function overlayInvalidates(overlays: readonly OverlaySpan[], parameter: string, timeMs: number): boolean {
  let invalid = false;
  for (const o of overlays) {
    if (timeMs < o.from.getTime() || timeMs >= o.to.getTime()) continue;
    if (o.parameters.length > 0 && !o.parameters.includes(parameter)) continue;
    invalid = o.action === 'invalidate';
  }
  return invalid;
}

/** Readings with `valid` decided by their status, flag and the overlays (given oldest first, as stored). */
export function withOverlayValidity<T extends { time: Date; deviceStatus: string; qcFlag: number }>(
  rows: readonly T[],
  overlays: readonly OverlaySpan[],
  parameter: string,
): (T & { valid: boolean; invalidatedByOverlay: boolean })[] {
  return rows.map((r) => {
    const invalidatedByOverlay = overlays.length > 0 && overlayInvalidates(overlays, parameter, r.time.getTime());
    return { ...r, invalidatedByOverlay, valid: isValid({ deviceStatus: r.deviceStatus, qcFlag: r.qcFlag, invalidatedByOverlay }) };
  });
}
