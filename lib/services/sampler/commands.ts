import { appendAudit } from '../../db/audit';
import { findAlertById } from '../../db/alerts';
import { findDeviceSettings } from '../../db/camera-images';
import {
  appendSamplerAlertEvent,
  findSamplerCommand,
  insertSamplerCommand,
  listAutoSampleCandidates,
  listOverdueSamplerCommands,
  listSamplerCommands,
  lastSamplerCommandAt,
  moveSamplerCommand,
  notifyInspectorsOfSample,
  type SamplerCommandRow,
} from '../../db/sampler-commands';
import type { Role } from '../../db/users';
import { commandExpiresAt, decideAutoSample, type SamplerResult, type SamplerState } from '../../domain/sampler';
import { env } from '../../env';
import { AppError } from '../../errors';
import { getStationOrThrow, type ViewerScope } from '../stations';

export type SamplerActor = { name: string; role: Role; facilityId: number | null };
export const SYSTEM_SAMPLER_ACTOR = 'system:sampler';

/** Every step: an audit row, and an alert event (type note, data.sampler) when the command is linked to an alert. */
async function recordStep(c: SamplerCommandRow, step: SamplerState | 'queued', actor: string, at: Date, extra: Record<string, string | number | null> = {}): Promise<number | null> {
  const data = { commandId: c.id, state: step, trigger: c.trigger, bottle: c.bottle, sampledAt: c.sampledAt?.toISOString() ?? null, ...extra };
  await appendAudit({ actor, action: `sampler.${step}`, entity: 'sampler_command', entityId: c.id, after: { station: c.stationCode, alertId: c.alertId, ...data } });
  if (c.alertId === null) return null;
  return appendSamplerAlertEvent(c.alertId, at, actor, { sampler: data });
}

/**
 * An inspector or admin queues a sample at a station whose sampler is enabled, optionally from one of its alerts.
 * The command expires SAMPLER_COMMAND_TTL_MINUTES (default 30) after it was queued unless the logger answers first.
 */
export async function queueSampleService(
  code: string,
  scope: ViewerScope,
  actor: SamplerActor & { actorName: string },
  input: { reason?: string | null; alertId?: number | null },
  now = new Date(),
): Promise<SamplerCommandRow> {
  if (actor.role !== 'inspector' && actor.role !== 'admin') throw new AppError('FORBIDDEN', 'only inspectors and admins queue samples');
  const station = await getStationOrThrow(code, scope);
  const settings = await findDeviceSettings(station.id);
  if (!settings?.sampler.enabled) throw new AppError('CONFLICT', `station ${code} has no enabled sampler`);
  if (input.alertId != null) {
    const alert = await findAlertById(input.alertId);
    if (!alert || alert.station.id !== station.id) throw new AppError('VALIDATION', 'alert does not belong to this station', [{ path: 'alertId', message: 'not an alert of this station' }]);
  }
  const c = await insertSamplerCommand({
    stationId: station.id,
    trigger: 'manual',
    requestedAt: now,
    requestedBy: actor.actorName,
    alertId: input.alertId ?? null,
    reason: input.reason?.trim() || null,
    expiresAt: commandExpiresAt(now, env().SAMPLER_COMMAND_TTL_MINUTES),
  });
  if (!c) throw new AppError('INTERNAL', 'command not stored');
  await recordStep(c, 'queued', actor.actorName, now);
  return c;
}

/**
 * The station's commands, newest first. When the station's own facility (its datalogger) lists queued commands, they
 * are handed over: each moves to delivered (via http) and is returned as such.
 */
export async function listCommandsService(
  code: string,
  scope: ViewerScope,
  actor: SamplerActor & { actorName: string },
  q: { state?: SamplerState; limit: number; beforeId?: number },
  now = new Date(),
): Promise<{ items: SamplerCommandRow[]; more: boolean }> {
  const station = await getStationOrThrow(code, scope);
  const rows = await listSamplerCommands({ stationId: station.id, states: q.state ? [q.state] : undefined, limit: q.limit + 1, beforeId: q.beforeId });
  const page = rows.slice(0, q.limit);
  if (actor.role !== 'facility' || q.state !== 'queued') return { items: page, more: rows.length > q.limit };
  const items: SamplerCommandRow[] = [];
  for (const c of page) {
    const moved = await deliverCommand(c.id, 'http', actor.actorName, now);
    items.push(moved ?? c);
  }
  return { items, more: rows.length > q.limit };
}

/** queued → delivered; null when it was no longer queued. */
export async function deliverCommand(id: number, via: 'http' | 'ftp', actorName: string, now = new Date()): Promise<SamplerCommandRow | null> {
  const moved = await moveSamplerCommand(id, ['queued'], 'delivered', { at: now, via });
  if (moved) await recordStep(moved, 'delivered', actorName, now, { via });
  return moved;
}

export type ResultInput = { status: SamplerResult; bottle?: number | null; sampledAt?: Date | null; note?: string | null };

/**
 * The datalogger answers a command (HTTP with its facility token, or an FTP result file): sampled or failed. Only the
 * station's own facility may answer; a command already finished or expired is a CONFLICT. When sampled and linked to
 * an alert, inspectors get an in-app notification ("đã lấy mẫu: chai 7 lúc 10:55").
 */
export async function recordResultService(
  station: { id: number; code: string; facilityId: number },
  id: number,
  actor: { role: Role; facilityId: number | null; actorName: string },
  input: ResultInput,
  now = new Date(),
): Promise<SamplerCommandRow> {
  if (actor.role !== 'facility' || actor.facilityId !== station.facilityId) throw new AppError('FORBIDDEN', "only the station's facility answers sampler commands");
  const c = await findSamplerCommand(id);
  if (!c || c.stationId !== station.id) throw new AppError('NOT_FOUND', `command ${id} not found`);
  const sampledAt = input.status === 'sampled' ? (input.sampledAt ?? now) : null;
  const moved = await moveSamplerCommand(id, ['queued', 'delivered'], input.status, {
    at: now,
    bottle: input.bottle ?? null,
    sampledAt,
    note: input.note?.trim() || null,
  });
  if (!moved) throw new AppError('CONFLICT', `command ${id} is ${c.state}, not awaiting a result`);
  const eventId = await recordStep(moved, input.status, actor.actorName, now, { note: moved.note });
  if (input.status === 'sampled' && moved.alertId !== null) await notifyInspectorsOfSample(moved.alertId, eventId, now);
  return moved;
}

/** The HTTP answer: the station as the caller may see it, then recordResultService. */
export async function recordResultForStationService(
  code: string,
  scope: ViewerScope,
  id: number,
  actor: { role: Role; facilityId: number | null; actorName: string },
  input: ResultInput,
  now = new Date(),
): Promise<SamplerCommandRow> {
  const station = await getStationOrThrow(code, scope);
  return recordResultService({ id: station.id, code: station.code, facilityId: station.facility.id }, id, actor, input, now);
}

/** Open commands past their expiry become expired (audited, on the alert). */
export async function expireCommands(now: Date): Promise<number> {
  let n = 0;
  for (const c of await listOverdueSamplerCommands(now)) {
    const moved = await moveSamplerCommand(c.id, ['queued', 'delivered'], 'expired', { at: now });
    if (!moved) continue;
    n++;
    await recordStep(moved, 'expired', SYSTEM_SAMPLER_ACTOR, now);
  }
  return n;
}

/**
 * One automatic command per open instant-exceedance alert whose count reached the station's autoAfter, cooldown
 * respected (decideAutoSample). Idempotent: the unique (alert_id) index of automatic commands makes a second run, or a
 * second worker, insert nothing.
 */
export async function queueAutoSamples(now: Date): Promise<SamplerCommandRow[]> {
  const out: SamplerCommandRow[] = [];
  for (const a of await listAutoSampleCandidates()) {
    const last = await lastSamplerCommandAt(a.stationId);
    const d = decideAutoSample(
      { enabled: a.enabled, autoAfter: a.autoAfter, cooldownMinutes: a.cooldownMinutes },
      { count: a.count, hasAutoCommand: a.hasAutoCommand },
      last,
      now,
    );
    if (!d.queue) continue;
    const c = await insertSamplerCommand({
      stationId: a.stationId,
      trigger: 'auto',
      requestedAt: now,
      requestedBy: SYSTEM_SAMPLER_ACTOR,
      alertId: a.alertId,
      reason: null,
      expiresAt: commandExpiresAt(now, env().SAMPLER_COMMAND_TTL_MINUTES),
    });
    if (!c) continue;
    await recordStep(c, 'queued', SYSTEM_SAMPLER_ACTOR, now);
    out.push(c);
  }
  return out;
}

/** Commands linked to an alert (the alert page). */
export async function listAlertCommands(alertId: number): Promise<SamplerCommandRow[]> {
  return listSamplerCommands({ alertId, limit: 50 });
}
