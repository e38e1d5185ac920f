import { z } from 'zod';
import { appendAudit } from '../../db/audit';
import { updateQcOverride } from '../../db/qc';
import { qcConfigFor, qcOverrideSchema, type QcConfig, type QcOverride } from '../../domain/qc';
import { AppError } from '../../errors';
import { getQcStationOrThrow } from './overlays';
import { enqueueRecomputeRange, MAX_RECOMPUTE_SPAN_MS, pendingRecomputeJobs } from './recompute';
import { type ViewerScope } from '../stations';
import { isoInstant } from '../../domain/time';

/**
 * QC settings per station × parameter (DOMAIN.md §4): registry defaults, the stored override and the configuration
 * in force. Changing an override is audited; flags change when the admin recomputes a period.
 */
export type QcParameterSettings = {
  parameter: string;
  unit: string;
  defaults: QcConfig;
  override: QcOverride | null;
  effective: QcConfig;
  /** Set when the stored override is unusable (the defaults are in force meanwhile). */
  overrideError: string | null;
};

export type QcSettings = { station: { id: number; code: string; kind: string; intervalMinutes: number }; parameters: QcParameterSettings[]; pendingJobs: number };

export async function getQcSettingsService(code: string, scope: ViewerScope): Promise<QcSettings> {
  const s = await getQcStationOrThrow(code, scope);
  const parameters: QcParameterSettings[] = [];
  for (const p of s.parameters) {
    let defaults: QcConfig;
    try {
      defaults = qcConfigFor(s.kind, p.parameter);
    } catch {
      continue; // not a registry parameter for this kind: QC does not run on it
    }
    const parsed = qcOverrideSchema.safeParse(p.qcConfig ?? {});
    const override = p.qcConfig == null || !parsed.success || Object.keys(parsed.data).length === 0 ? null : parsed.data;
    let effective = defaults;
    let overrideError: string | null = parsed.success || p.qcConfig == null ? null : 'invalid override';
    if (override) {
      try {
        effective = qcConfigFor(s.kind, p.parameter, override);
      } catch (e) {
        overrideError = e instanceof Error ? e.message : String(e);
      }
    }
    parameters.push({ parameter: p.parameter, unit: p.unit, defaults, override, effective, overrideError });
  }
  return {
    station: { id: s.id, code: s.code, kind: s.kind, intervalMinutes: s.intervalMinutes },
    parameters,
    pendingJobs: await pendingRecomputeJobs(s.id),
  };
}

export const updateQcSettingsInput = z.object({
  parameter: z.string().trim().min(1).max(32),
  /** null or {} = back to the registry defaults. */
  override: qcOverrideSchema.nullable(),
});
export type UpdateQcSettingsInput = z.infer<typeof updateQcSettingsInput>;

/**
 * Stores a parameter's QC override after checking the merged configuration (VALIDATION when the override breaks a
 * cross-field rule, e.g. a suspect span outside the fail span). Audited with before/after.
 */
export async function updateQcSettingsService(code: string, scope: ViewerScope, input: UpdateQcSettingsInput, actor: string): Promise<QcParameterSettings> {
  const s = await getQcStationOrThrow(code, scope);
  const parameter = input.parameter.toUpperCase();
  const current = s.parameters.find((p) => p.parameter === parameter);
  if (!current) throw new AppError('NOT_FOUND', `station ${s.code} does not measure ${input.parameter}`);
  const override = input.override && Object.keys(input.override).length > 0 ? input.override : null;
  const defaults = qcConfigFor(s.kind, parameter);
  const effective = qcConfigFor(s.kind, parameter, override ?? undefined);
  await updateQcOverride(s.id, parameter, override);
  await appendAudit({
    actor,
    action: 'qc_settings.update',
    entity: 'station_parameter',
    entityId: `${s.code}:${parameter}`,
    before: { qcConfig: asAuditJson(current.qcConfig ?? null) },
    after: { qcConfig: asAuditJson(override) },
  });
  return { parameter, unit: current.unit, defaults, override, effective, overrideError: null };
}

type AuditJson = NonNullable<Parameters<typeof appendAudit>[0]['after']>;
/** Overrides are plain JSON (numbers, tuples, booleans, null) as stored in station_parameter.qc_config. */
const asAuditJson = (v: unknown): AuditJson => JSON.parse(JSON.stringify(v ?? null)) as AuditJson;

/** A recompute request may cover at most this many days (the jobs are one day each). */
export const MAX_RECOMPUTE_REQUEST_DAYS = 400;

export const recomputeRequestInput = z
  .object({ from: isoInstant, to: isoInstant })
  .refine((r) => r.from.getTime() < r.to.getTime(), { message: 'from must be before to', path: ['to'] })
  .refine((r) => r.to.getTime() - r.from.getTime() <= MAX_RECOMPUTE_REQUEST_DAYS * 86_400_000, {
    message: `at most ${MAX_RECOMPUTE_REQUEST_DAYS} days per request`,
    path: ['to'],
  });
export type RecomputeRequestInput = z.infer<typeof recomputeRequestInput>;

/** Enqueues recomputation of flags and averages of [from, to) for the station (one job per day); audited. */
export async function requestRecomputeService(
  code: string,
  scope: ViewerScope,
  input: RecomputeRequestInput,
  actor: string,
): Promise<{ station: string; queued: number; pending: number }> {
  const s = await getQcStationOrThrow(code, scope);
  // A reading at `from` belongs to the hour ending after it: cover (from − 1 ms, to − 1 ms].
  const queued = await enqueueRecomputeRange(s.id, new Date(input.from.getTime() - 1), new Date(input.to.getTime() - 1));
  await appendAudit({
    actor,
    action: 'qc.recompute',
    entity: 'station',
    entityId: s.code,
    after: { from: input.from.toISOString(), to: input.to.toISOString(), jobs: queued },
  });
  return { station: s.code, queued, pending: await pendingRecomputeJobs(s.id) };
}

export async function recomputeProgressService(code: string, scope: ViewerScope): Promise<{ station: string; pending: number }> {
  const s = await getQcStationOrThrow(code, scope);
  return { station: s.code, pending: await pendingRecomputeJobs(s.id) };
}

export { MAX_RECOMPUTE_SPAN_MS };
