import { QC_FLAG_NAMES, QC_FLAG_SEVERITY, QC_FLAGS, type QcFlagCode } from '../qc-flags';

/** The QARTOD scale and name ↔ code helpers live in one place (lib/domain/qc-flags.ts); QC re-exports them. */
export { QC_FLAGS, QC_FLAG_NAMES, qcFlagCode, qcFlagName, isQcFlagName } from '../qc-flags';
export type { QcFlagCode, QcFlagName } from '../qc-flags';

/** lib/domain/qc-flags.ts's severity by stored code (runQc combines codes for every reading). */
const SEVERITY = Object.fromEntries(QC_FLAG_NAMES.map((n) => [QC_FLAGS[n], QC_FLAG_SEVERITY[n]])) as Record<QcFlagCode, number>;

/** Worst of several flag codes; a test that was not evaluated never lowers a good result; none → missing. */
export function worstFlag(flags: readonly QcFlagCode[]): QcFlagCode {
  return flags.reduce<QcFlagCode>((worst, f) => (SEVERITY[f] > SEVERITY[worst] ? f : worst), QC_FLAGS.missing);
}
