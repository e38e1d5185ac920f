import { QC_FLAGS, type QcFlagCode } from '../qc-flags';

/** The QARTOD scale and name ↔ code helpers live in one place (lib/domain/qc-flags.ts); QC re-exports them. */
export { QC_FLAGS, QC_FLAG_NAMES, qcFlagCode, qcFlagName, isQcFlagName } from '../qc-flags';
export type { QcFlagCode, QcFlagName } from '../qc-flags';

/** Severity for combining tests: fail > suspect > good > not_evaluated > missing (DOMAIN.md §4). */
const SEVERITY: Record<QcFlagCode, number> = {
  [QC_FLAGS.missing]: 0,
  [QC_FLAGS.not_evaluated]: 1,
  [QC_FLAGS.good]: 2,
  [QC_FLAGS.suspect]: 3,
  [QC_FLAGS.fail]: 4,
};

/** Worst of several flag codes; a test that was not evaluated never lowers a good result; none → missing. */
export function worstFlag(flags: readonly QcFlagCode[]): QcFlagCode {
  return flags.reduce<QcFlagCode>((worst, f) => (SEVERITY[f] > SEVERITY[worst] ? f : worst), QC_FLAGS.missing);
}
