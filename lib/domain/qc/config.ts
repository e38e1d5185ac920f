import { z } from 'zod';
import { AppError } from '../../errors';
import { findParameter, type StationKind } from '../parameters';

/** Defaults DOMAIN.md §4 gives for every parameter; per station × parameter they are overridable. */
export const DEFAULT_FLAT_SUSPECT_MINUTES = 60;
export const DEFAULT_FLAT_FAIL_MINUTES = 180;

const span = z
  .tuple([z.number().finite(), z.number().finite()])
  .refine(([lo, hi]) => lo <= hi, { message: 'span: min must not exceed max' });

const qcConfigFields = z.strictObject({
  failSpan: span,
  /** null: no suspect level (ioos_qc's suspect_span is optional). */
  suspectSpan: span.nullable(),
  /** 0 disables the flat-line test. */
  flatTolerance: z.number().finite().min(0),
  flatSuspectMinutes: z.number().finite().positive(),
  flatFailMinutes: z.number().finite().positive(),
  /** [suspect, fail] in value units; 0 disables one level, null the test. */
  spike: z.tuple([z.number().finite().min(0), z.number().finite().min(0)]).nullable(),
  /** Value units per minute; null disables (the default). */
  rateOfChangePerMinute: z.number().finite().positive().nullable(),
  rateOfChangeFailPerMinute: z.number().finite().positive().nullable(),
  zeroImplausible: z.boolean(),
});

/** A complete QC configuration, with the cross-field rules ioos_qc also enforces. */
export const qcConfigSchema = qcConfigFields.superRefine((c, ctx) => {
  const [fLo, fHi] = c.failSpan;
  if (c.suspectSpan && (c.suspectSpan[0] < fLo || c.suspectSpan[1] > fHi)) {
    ctx.addIssue({ code: 'custom', path: ['suspectSpan'], message: 'suspect span must lie within the fail span' });
  }
  if (c.flatSuspectMinutes > c.flatFailMinutes) {
    ctx.addIssue({ code: 'custom', path: ['flatFailMinutes'], message: 'flat-line fail window must not be shorter than the suspect window' });
  }
  if (c.spike && c.spike[0] > 0 && c.spike[1] > 0 && c.spike[0] > c.spike[1]) {
    ctx.addIssue({ code: 'custom', path: ['spike'], message: 'spike suspect threshold must not exceed the fail threshold' });
  }
  const [rocSuspect, rocFail] = [c.rateOfChangePerMinute, c.rateOfChangeFailPerMinute];
  if (rocSuspect !== null && rocFail !== null && rocSuspect > rocFail) {
    ctx.addIssue({ code: 'custom', path: ['rateOfChangeFailPerMinute'], message: 'rate-of-change fail threshold must not be below the suspect threshold' });
  }
});

export type QcConfig = z.output<typeof qcConfigSchema>;

/** A per station × parameter override (stored as JSON, edited in the admin UI); unknown keys are rejected. */
export const qcOverrideSchema = qcConfigFields.partial();
export type QcOverride = z.output<typeof qcOverrideSchema>;

/**
 * Registry defaults for (kind, code) merged with a partial override. Throws AppError NOT_FOUND for a parameter the
 * registry lacks and VALIDATION when the override, or the merged result, breaks the schema.
 */
export function qcConfigFor(kind: StationKind, code: string, override?: unknown): QcConfig {
  const def = findParameter(kind, code);
  if (!def) throw new AppError('NOT_FOUND', `No parameter ${code} for ${kind} stations`);
  const parsed = qcOverrideSchema.safeParse(override ?? {});
  if (!parsed.success) throw new AppError('VALIDATION', `Invalid QC override for ${kind}/${code}`, parsed.error.issues);
  const { qc } = def;
  const merged = {
    failSpan: [qc.failSpan[0], qc.failSpan[1]],
    suspectSpan: [qc.suspectSpan[0], qc.suspectSpan[1]],
    flatTolerance: qc.flatTolerance,
    flatSuspectMinutes: DEFAULT_FLAT_SUSPECT_MINUTES,
    flatFailMinutes: DEFAULT_FLAT_FAIL_MINUTES,
    spike: qc.spike ? [qc.spike[0], qc.spike[1]] : null,
    rateOfChangePerMinute: null,
    rateOfChangeFailPerMinute: null,
    zeroImplausible: qc.zeroImplausible,
    ...parsed.data,
  };
  const checked = qcConfigSchema.safeParse(merged);
  if (!checked.success) throw new AppError('VALIDATION', `Invalid QC configuration for ${kind}/${code}`, checked.error.issues);
  return checked.data;
}
