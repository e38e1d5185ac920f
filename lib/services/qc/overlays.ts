import { z } from 'zod';
import { appendAudit } from '../../db/audit';
import { insertJobs } from '../../db/jobs';
import {
  findOverlay,
  insertOverlay,
  listOverlays,
  OVERLAY_ACTIONS,
  revokeOverlayRow,
  type OverlayAction,
  type OverlayRow,
} from '../../db/overlays';
import { findQcStation, type QcStation } from '../../db/qc';
import { AppError } from '../../errors';
import { getStationOrThrow, type ViewerScope } from '../stations';
import { recomputeJobsForRange } from './recompute';
import { isoInstant } from '../../domain/time';

export type { OverlayAction, OverlayRow };
export { OVERLAY_ACTIONS };

/** Overlays may cover at most this long a period per request (a year and a bit). */
export const MAX_OVERLAY_DAYS = 400;
const DAY_MS = 86_400_000;

export const createOverlayInput = z
  .object({
    parameters: z.array(z.string().trim().min(1).max(32)).max(64).optional(),
    from: isoInstant,
    to: isoInstant,
    action: z.enum(OVERLAY_ACTIONS),
    reason: z.string().trim().min(3).max(1000),
  })
  .refine((o) => o.from.getTime() < o.to.getTime(), { message: 'from must be before to', path: ['to'] })
  .refine((o) => o.to.getTime() - o.from.getTime() <= MAX_OVERLAY_DAYS * DAY_MS, {
    message: `an overlay covers at most ${MAX_OVERLAY_DAYS} days`,
    path: ['to'],
  });
export type CreateOverlayInput = z.infer<typeof createOverlayInput>;

/** The station by code if the viewer may see it (NOT_FOUND otherwise, also for another facility's station). */
export async function getQcStationOrThrow(code: string, scope: ViewerScope): Promise<QcStation> {
  const station = await getStationOrThrow(code, scope);
  const s = await findQcStation(station.id);
  if (!s) throw new AppError('NOT_FOUND', `station ${code} not found`);
  return s;
}

function auditView(o: OverlayRow, stationCode: string) {
  return {
    id: o.id,
    station: stationCode,
    parameters: o.parameters,
    from: o.from.toISOString(),
    to: o.to.toISOString(),
    action: o.action,
    reason: o.reason,
    createdBy: o.createdBy,
    revokedAt: o.revokedAt?.toISOString() ?? null,
    revokedBy: o.revokedBy,
  };
}

/** Enqueues recompute of every hour the overlay touches (a reading at `to` is outside it, one at `from` inside). */
async function enqueueFor(o: OverlayRow): Promise<number> {
  const jobs = recomputeJobsForRange(o.stationId, o.from, new Date(o.to.getTime() + 1));
  await insertJobs(jobs);
  return jobs.length;
}

/** Creates an overlay (invalidate or restore a period), audits it and enqueues the recompute of the covered hours. */
export async function createOverlayService(
  code: string,
  scope: ViewerScope,
  input: CreateOverlayInput,
  actor: string,
): Promise<OverlayRow & { stationCode: string }> {
  const station = await getQcStationOrThrow(code, scope);
  const known = new Set(station.parameters.map((p) => p.parameter));
  const parameters = [...new Set((input.parameters ?? []).map((p) => p.toUpperCase()))];
  const unknown = parameters.filter((p) => !known.has(p));
  if (unknown.length > 0) {
    throw new AppError(
      'VALIDATION',
      `station ${station.code} does not measure ${unknown.join(', ')}`,
      unknown.map((p) => ({ path: 'parameters', message: `${p} is not measured here` })),
    );
  }
  const row = await insertOverlay({
    stationId: station.id,
    parameters,
    from: input.from,
    to: input.to,
    action: input.action,
    reason: input.reason,
    createdBy: actor,
  });
  await appendAudit({ actor, action: `overlay.${input.action}`, entity: 'overlay', entityId: row.id, before: null, after: auditView(row, station.code) });
  await enqueueFor(row);
  return { ...row, stationCode: station.code };
}

/** Revokes an active overlay (it stops counting; the record stays), audits it and enqueues the recompute. */
export async function revokeOverlayService(code: string, scope: ViewerScope, id: number, actor: string): Promise<OverlayRow & { stationCode: string }> {
  const station = await getQcStationOrThrow(code, scope);
  const before = await findOverlay(id);
  if (!before || before.stationId !== station.id) throw new AppError('NOT_FOUND', `overlay ${id} not found`);
  if (before.revokedAt) throw new AppError('CONFLICT', `overlay ${id} is already revoked`);
  const after = await revokeOverlayRow(id, actor);
  if (!after) throw new AppError('CONFLICT', `overlay ${id} is already revoked`);
  await appendAudit({
    actor,
    action: 'overlay.revoke',
    entity: 'overlay',
    entityId: id,
    before: auditView(before, station.code),
    after: auditView(after, station.code),
  });
  await enqueueFor(after);
  return { ...after, stationCode: station.code };
}

export async function listOverlaysService(
  code: string,
  scope: ViewerScope,
  opts: { activeOnly?: boolean; limit: number; beforeId?: number },
): Promise<{ station: QcStation; items: OverlayRow[]; nextBeforeId: number | null }> {
  const station = await getQcStationOrThrow(code, scope);
  const rows = await listOverlays(station.id, { ...opts, limit: opts.limit + 1 });
  const items = rows.slice(0, opts.limit);
  return { station, items, nextBeforeId: rows.length > opts.limit ? (items.at(-1)?.id ?? null) : null };
}

