/**
 * Alerts: list, detail, acknowledge, disposition, notes, maintenance windows. Shared by the API (app/api/v1/alerts),
 * the UI's server actions and the worker. STABLE SIGNATURES (the Alerts page and notifications build on them):
 *
 *   ALERT_KINDS, ALERT_STATES, DISPOSITIONS, ALERT_BASES              enums exactly as API.md
 *   listAlerts(filter: AlertListFilter, scope: ViewerScope): Promise<{ items: AlertView[]; nextCursor: string | null }>
 *       filter: {station?, kind?, state?, parameter?, disposition?, from?, to?, includeSuppressed?, limit?, cursor?}
 *       (station = code; from/to on openedAt, [from, to); newest openedAt first; cursor = nextCursor of the previous page).
 *       A facility scope sees only its stations (an unknown/foreign station code → NOT_FOUND).
 *   getAlert(id, scope): Promise<AlertDetail>                         AlertView + events (oldest first); NOT_FOUND
 *   acknowledgeAlert({id, actor, note?}, scope?): Promise<AlertView>  open → acknowledged; event + audit; CONFLICT if resolved/already acked
 *   setDisposition({id, actor, disposition, note, assigneeId?, dueAt?}, scope?): Promise<AlertView>
 *                                                                     exceedance kinds only (VALIDATION otherwise); event + audit
 *   addAlertNote({id, actor, note}, scope?): Promise<AlertEventView>   event 'note' + audit
 *   recordAlertNotified({alertId, channel, target, ok, error?, eventId?}): Promise<void>   event 'notified' (for notifications)
 *   listAlertEventsAfter(afterId, limit?): Promise<(AlertEventView & {alert: AlertView})[]>  poll new events by id (notifications)
 *   createMaintenanceWindow({stationCode, parameters?, from, to, reason, actor}): Promise<MaintenanceWindowView>  audited; [] = whole station
 *   listMaintenanceWindowsFor(stationCode, scope, {from?, to?}): Promise<MaintenanceWindowView[]>
 *   deleteMaintenanceWindowById({id, actor}): Promise<void>          audited
 *   listMaintenanceWindowsService(scope, {stationCode?, from?, to?}): Promise<MaintenanceWindowListItem[]>
 *   cancelMaintenanceWindow({id, actor}): Promise<MaintenanceWindowView>   kept and marked cancelled; audited
 *   Zod inputs for forms/APIs: alertListFilterSchema, acknowledgeInputSchema, dispositionInputSchema, maintenanceInputSchema.
 * Alerts are raised/resolved only by lib/services/alert-engine.ts (worker). Suppressed alerts (raised inside a
 * maintenance window) are hidden from lists unless includeSuppressed, and must not be notified.
 */
import { z } from 'zod';
import { appendAudit } from '../../db/audit';
import {
  cancelMaintenanceWindowRow,
  deleteMaintenanceWindow,
  findAlertById,
  findMaintenanceWindow,
  insertAlertEvent,
  insertMaintenanceWindow,
  listAlertEvents,
  listEventsAfter,
  listMaintenanceWindows,
  listMaintenanceWindowsAcross,
  countAlertsByKind,
  queryAlerts,
  updateAlert,
  type AlertEventRow,
  type AlertWithStation,
  type MaintenanceWindowRow,
} from '../../db/alerts';
import { AppError } from '../../errors';
import { getStationOrThrow, type ViewerScope } from '../stations';
import { isoInstant } from '../../domain/time';
import { ALERT_KINDS, takesDisposition, type AlertKind } from '../../domain/alerts/kinds';
import { ALERT_STATES, DISPOSITIONS, isAlertBasis, type AlertBasis, type AlertEventType, type AlertState, type Disposition } from '../../domain/alerts/lifecycle';

export { ALERT_KINDS, RAISED_ALERT_KINDS, type AlertKind } from '../../domain/alerts/kinds';
export { ALERT_BASES, ALERT_EVENT_TYPES, ALERT_STATES, DISPOSITIONS } from '../../domain/alerts/lifecycle';
export type { AlertBasis, AlertEventType, AlertState, Disposition } from '../../domain/alerts/lifecycle';

const STAFF_SCOPE: ViewerScope = { facilityId: null };

export type AlertView = Omit<AlertWithStation, 'stationId' | 'limitValue' | 'basis' | 'runLength' | 'clearSince'> & {
  /** resolvedAt (or lastSeenAt while active) − openedAt, ms. */
  durationMs: number;
  /** The limit compared against (max, or min for a lower bound). */
  limit: number | null;
  basis: AlertBasis | null;
};

export type AlertEventView = { id: number; alertId: number; at: Date; type: AlertEventType; actor: string; data: Record<string, unknown> };
export type AlertDetail = AlertView & { events: AlertEventView[] };
export type MaintenanceWindowView = Omit<MaintenanceWindowRow, 'stationId'> & { stationCode: string };

export function toAlertView(a: AlertWithStation): AlertView {
  const end = a.resolvedAt ?? a.lastSeenAt;
  return {
    id: a.id,
    kind: a.kind,
    station: a.station,
    parameter: a.parameter,
    state: a.state,
    openedAt: a.openedAt,
    lastSeenAt: a.lastSeenAt,
    resolvedAt: a.resolvedAt,
    durationMs: Math.max(0, end.getTime() - a.openedAt.getTime()),
    count: a.count,
    peakValue: a.peakValue,
    limit: a.limitValue,
    basis: isAlertBasis(a.basis) ? a.basis : null,
    averageValue: a.averageValue,
    completeness: a.completeness,
    limitDerivation: a.limitDerivation ?? null,
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    disposition: a.disposition,
    dispositionNote: a.dispositionNote,
    assigneeId: a.assigneeId,
    dueAt: a.dueAt,
    acknowledgedAt: a.acknowledgedAt,
    acknowledgedBy: a.acknowledgedBy,
    reopenedByRecompute: a.reopenedByRecompute,
    resolvedByRecompute: a.resolvedByRecompute,
    suppressed: a.suppressed,
    confirmed: a.confirmed,
    confirmedAt: a.confirmedAt,
    historical: a.historical,
    withdrawnAt: a.withdrawnAt,
    withdrawnReason: a.withdrawnReason,
  };
}

function toEventView(e: AlertEventRow): AlertEventView {
  const data = e.data && typeof e.data === 'object' && !Array.isArray(e.data) ? (e.data as Record<string, unknown>) : {};
  return { id: e.id, alertId: e.alertId, at: e.at, type: e.type, actor: e.actor, data };
}

// ---------------------------------------------------------------------------------------------------------------
// Read

export const alertListFilterSchema = z.object({
  station: z.string().trim().min(1).max(64).optional(),
  kind: z.enum(ALERT_KINDS).optional(),
  state: z.enum(ALERT_STATES).optional(),
  parameter: z.string().trim().toUpperCase().max(32).optional(),
  disposition: z.enum(DISPOSITIONS).optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  includeSuppressed: z.boolean().optional(),
  confirmed: z.boolean().optional(),
  historical: z.boolean().optional(),
  /** Only these stations (a facility's, resolved by the caller), intersected with the scope. */
  stationIds: z.array(z.number().int().positive()).optional(),
  /** 'newest' (API): newest opening first. 'open_first' (the /alerts screen): open, acknowledged, resolved. */
  order: z.enum(['newest', 'open_first']).default('newest'),
  limit: z.number().int().min(1).max(1000).default(100),
  /** nextCursor of the previous page: `<openedAt ms>.<id>` (newest) or `<state>.<openedAt ms>.<id>` (open_first). */
  cursor: z.string().regex(/^(open\.|acknowledged\.|resolved\.)?\d+\.\d+$/).optional(),
});
export type AlertListFilter = z.input<typeof alertListFilterSchema>;

/** The paging key of an alert in the list order (openedAt desc, id desc; open_first: state first). */
export function alertCursorOf(a: { openedAt: Date; id: number; state: AlertState }, order: 'newest' | 'open_first' = 'newest'): string {
  return `${order === 'open_first' ? `${a.state}.` : ''}${a.openedAt.getTime()}.${a.id}`;
}

function parseAlertCursor(c: string | undefined): { state: AlertState | null; openedAt: Date; id: number } | undefined {
  if (c === undefined) return undefined;
  const parts = c.split('.');
  const state = parts.length === 3 ? (parts[0] as AlertState) : null;
  const [ms, id] = parts.slice(-2).map(Number);
  return { state, openedAt: new Date(ms ?? 0), id: id ?? 0 };
}

/** Counts per kind for the list's filters (kind itself ignored). */
export async function countAlertKinds(filter: AlertListFilter, scope: ViewerScope): Promise<Partial<Record<AlertKind, number>>> {
  const f = alertListFilterSchema.parse(filter);
  const stationIds = f.station ? [(await getStationOrThrow(f.station, scope)).id] : f.stationIds;
  return countAlertsByKind({
    stationIds,
    facilityId: scope.facilityId,
    state: f.state,
    parameter: f.parameter,
    disposition: f.disposition,
    from: f.from,
    to: f.to,
    includeSuppressed: f.includeSuppressed,
    confirmed: f.confirmed,
    historical: f.historical,
  });
}

export async function listAlerts(filter: AlertListFilter, scope: ViewerScope): Promise<{ items: AlertView[]; nextCursor: string | null }> {
  const f = alertListFilterSchema.parse(filter);
  const stationIds = f.station ? [(await getStationOrThrow(f.station, scope)).id] : f.stationIds;
  const cursor = parseAlertCursor(f.cursor);
  const rows = await queryAlerts({
    stationIds,
    facilityId: scope.facilityId,
    kind: f.kind,
    state: f.state,
    parameter: f.parameter,
    disposition: f.disposition,
    from: f.from,
    to: f.to,
    includeSuppressed: f.includeSuppressed,
    confirmed: f.confirmed,
    historical: f.historical,
    order: f.order,
    ...(cursor && f.order === 'open_first' ? { afterState: { state: cursor.state ?? 'open', openedAt: cursor.openedAt, id: cursor.id } } : {}),
    ...(cursor && f.order === 'newest' ? { before: cursor } : {}),
    limit: f.limit + 1,
  });
  const items = rows.slice(0, f.limit).map(toAlertView);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > f.limit && last ? alertCursorOf(last, f.order) : null };
}

async function getAlertRowOrThrow(id: number, scope: ViewerScope): Promise<AlertWithStation> {
  const a = await findAlertById(id);
  if (!a || (scope.facilityId !== null && a.station.facilityId !== scope.facilityId)) throw new AppError('NOT_FOUND', `alert ${id} not found`);
  return a;
}

/** One alert for the system (the notifier), whatever its station: null when it does not exist. */
export async function findAlertView(id: number): Promise<AlertView | null> {
  const a = await findAlertById(id);
  return a ? toAlertView(a) : null;
}

export async function getAlert(id: number, scope: ViewerScope): Promise<AlertDetail> {
  const a = await getAlertRowOrThrow(id, scope);
  return { ...toAlertView(a), events: (await listAlertEvents(a.id)).map(toEventView) };
}

// ---------------------------------------------------------------------------------------------------------------
// Human actions (each writes an alert_event and an audit_log row)

export const acknowledgeInputSchema = z.object({ note: z.string().trim().max(2000).optional() });
export const dispositionInputSchema = z.object({
  disposition: z.enum(DISPOSITIONS),
  note: z.string().trim().min(1).max(4000),
  assigneeId: z.number().int().positive().nullish(),
  dueAt: isoInstant.nullish(),
});

export async function acknowledgeAlert(
  input: { id: number; actor: string; note?: string },
  scope: ViewerScope = STAFF_SCOPE,
  now: Date = new Date(),
): Promise<AlertView> {
  const { note } = acknowledgeInputSchema.parse({ note: input.note });
  const a = await getAlertRowOrThrow(input.id, scope);
  if (a.state !== 'open') throw new AppError('CONFLICT', `alert ${a.id} is ${a.state}, only an open alert can be acknowledged`);
  await updateAlert(a.id, { state: 'acknowledged', acknowledgedAt: now, acknowledgedBy: input.actor });
  await insertAlertEvent({ alertId: a.id, type: 'acknowledged', actor: input.actor, at: now, data: note ? { note } : {} });
  await appendAudit({ actor: input.actor, action: 'alert.acknowledge', entity: 'alert', entityId: a.id, before: { state: a.state }, after: { state: 'acknowledged', note: note ?? null } });
  return toAlertView((await findAlertById(a.id)) ?? a);
}

/**
 * Acknowledges many alerts at once (the list's selection): each as acknowledgeAlert (event + audit); alerts that are
 * no longer open or not the viewer's are skipped with the reason, never failing the others.
 */
export async function acknowledgeAlerts(
  input: { ids: readonly number[]; actor: string; note?: string },
  scope: ViewerScope = STAFF_SCOPE,
  now: Date = new Date(),
): Promise<{ acknowledged: number[]; skipped: { id: number; reason: 'CONFLICT' | 'NOT_FOUND' }[] }> {
  const ids = z.array(z.number().int().positive()).min(1).max(500).parse([...new Set(input.ids)]);
  const out: { acknowledged: number[]; skipped: { id: number; reason: 'CONFLICT' | 'NOT_FOUND' }[] } = { acknowledged: [], skipped: [] };
  for (const id of ids) {
    try {
      await acknowledgeAlert({ id, actor: input.actor, note: input.note }, scope, now);
      out.acknowledged.push(id);
    } catch (e) {
      if (e instanceof AppError && (e.code === 'CONFLICT' || e.code === 'NOT_FOUND')) out.skipped.push({ id, reason: e.code });
      else throw e;
    }
  }
  return out;
}

export async function setDisposition(
  input: { id: number; actor: string; disposition: Disposition; note: string; assigneeId?: number | null; dueAt?: Date | string | null },
  scope: ViewerScope = STAFF_SCOPE,
  now: Date = new Date(),
): Promise<AlertView> {
  const d = dispositionInputSchema.parse({ disposition: input.disposition, note: input.note, assigneeId: input.assigneeId, dueAt: input.dueAt });
  const a = await getAlertRowOrThrow(input.id, scope);
  if (!takesDisposition(a.kind)) {
    throw new AppError('VALIDATION', 'only exceedances (compliance, instantaneous) carry an inspector disposition', [{ path: 'id', message: `alert ${a.id} is ${a.kind}` }]);
  }
  const patch = {
    disposition: d.disposition,
    dispositionNote: d.note,
    ...(d.assigneeId !== undefined ? { assigneeId: d.assigneeId } : {}),
    ...(d.dueAt !== undefined ? { dueAt: d.dueAt } : {}),
  };
  await updateAlert(a.id, patch);
  const data = {
    disposition: d.disposition,
    previous: a.disposition,
    note: d.note,
    assigneeId: d.assigneeId ?? null,
    dueAt: d.dueAt ? d.dueAt.toISOString() : null,
  };
  await insertAlertEvent({ alertId: a.id, type: 'disposition', actor: input.actor, at: now, data });
  await appendAudit({
    actor: input.actor,
    action: 'alert.disposition',
    entity: 'alert',
    entityId: a.id,
    before: { disposition: a.disposition, note: a.dispositionNote, assigneeId: a.assigneeId, dueAt: a.dueAt?.toISOString() ?? null },
    after: { disposition: data.disposition, note: data.note, assigneeId: data.assigneeId, dueAt: data.dueAt },
  });
  return toAlertView((await findAlertById(a.id)) ?? a);
}

export async function addAlertNote(input: { id: number; actor: string; note: string }, scope: ViewerScope = STAFF_SCOPE): Promise<AlertEventView> {
  const note = z.string().trim().min(1).max(4000).parse(input.note);
  const a = await getAlertRowOrThrow(input.id, scope);
  const e = await insertAlertEvent({ alertId: a.id, type: 'note', actor: input.actor, data: { note } });
  await appendAudit({ actor: input.actor, action: 'alert.note', entity: 'alert', entityId: a.id, after: { note } });
  return toEventView(e);
}

/** For the notification dispatcher: records a delivery attempt on the alert's history (not a human action: no audit). */
export async function recordAlertNotified(input: {
  alertId: number;
  channel: string;
  target: string;
  ok: boolean;
  error?: string;
  eventId?: number;
}): Promise<void> {
  await insertAlertEvent({
    alertId: input.alertId,
    type: 'notified',
    actor: 'system',
    data: { channel: input.channel, target: input.target, ok: input.ok, error: input.error ?? null, eventId: input.eventId ?? null },
  });
}

export async function listAlertEventsAfter(afterId: number, limit = 200): Promise<(AlertEventView & { alert: AlertView })[]> {
  return (await listEventsAfter(afterId, limit)).map((e) => ({ ...toEventView(e), alert: toAlertView(e.alert) }));
}

// ---------------------------------------------------------------------------------------------------------------
// Maintenance windows (alerts raised inside one are stored as suppressed)

export const maintenanceInputSchema = z
  .object({
    stationCode: z.string().trim().min(1).max(64),
    /** Empty or absent = the whole station. */
    parameters: z.array(z.string().trim().toUpperCase().min(1).max(32)).max(64).default([]),
    from: isoInstant,
    to: isoInstant,
    reason: z.string().trim().min(1).max(500),
  })
  .refine((w) => w.to.getTime() > w.from.getTime(), { message: 'to must be after from', path: ['to'] });

const toWindowView = (w: MaintenanceWindowRow, stationCode: string): MaintenanceWindowView => ({
  id: w.id,
  stationCode,
  from: w.from,
  to: w.to,
  reason: w.reason,
  parameters: w.parameters,
  createdBy: w.createdBy,
  createdAt: w.createdAt,
  cancelledAt: w.cancelledAt,
  cancelledBy: w.cancelledBy,
});

export async function createMaintenanceWindow(input: z.input<typeof maintenanceInputSchema> & { actor: string }): Promise<MaintenanceWindowView> {
  const w = maintenanceInputSchema.parse(input);
  const s = await getStationOrThrow(w.stationCode, STAFF_SCOPE);
  const parameters = [...new Set(w.parameters)];
  const unknown = parameters.filter((p) => !s.parameters.some((x) => x.parameter === p));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION', `station ${s.code} does not measure ${unknown.join(', ')}`, [{ path: 'parameters', message: `not measured at ${s.code}: ${unknown.join(', ')}` }]);
  }
  const row = await insertMaintenanceWindow({ stationId: s.id, from: w.from, to: w.to, reason: w.reason, parameters, createdBy: input.actor });
  await appendAudit({
    actor: input.actor,
    action: 'maintenance.create',
    entity: 'maintenance_window',
    entityId: row.id,
    after: { station: s.code, parameters, from: w.from.toISOString(), to: w.to.toISOString(), reason: w.reason },
  });
  return toWindowView(row, s.code);
}

export async function listMaintenanceWindowsFor(stationCode: string, scope: ViewerScope, range: { from?: Date; to?: Date } = {}): Promise<MaintenanceWindowView[]> {
  const s = await getStationOrThrow(stationCode, scope);
  return (await listMaintenanceWindows(s.id, range.from, range.to)).map((w) => toWindowView(w, s.code));
}

export type MaintenanceWindowListItem = MaintenanceWindowView & { stationName: string };

/** Windows of every station the viewer may see (newest first), optionally one station's, overlapping [from, to). */
export async function listMaintenanceWindowsService(
  scope: ViewerScope,
  filter: { stationCode?: string; from?: Date; to?: Date; limit?: number } = {},
): Promise<MaintenanceWindowListItem[]> {
  const stationId = filter.stationCode ? (await getStationOrThrow(filter.stationCode, scope)).id : undefined;
  const rows = await listMaintenanceWindowsAcross({ facilityId: scope.facilityId, stationId, from: filter.from, to: filter.to, limit: filter.limit });
  return rows.map((w) => ({ ...toWindowView(w, w.station.code), stationName: w.station.name }));
}

/** Withdraws a window (kept, marked cancelled, audited); alerts already stored as suppressed stay so. */
export async function cancelMaintenanceWindow(input: { id: number; actor: string; now?: Date }): Promise<MaintenanceWindowView> {
  const before = await findMaintenanceWindow(input.id);
  if (!before) throw new AppError('NOT_FOUND', `maintenance window ${input.id} not found`);
  if (before.cancelledAt) throw new AppError('CONFLICT', `maintenance window ${input.id} is already cancelled`);
  const row = await cancelMaintenanceWindowRow(input.id, input.actor, input.now ?? new Date());
  if (!row) throw new AppError('CONFLICT', `maintenance window ${input.id} is already cancelled`);
  await appendAudit({
    actor: input.actor,
    action: 'maintenance.cancel',
    entity: 'maintenance_window',
    entityId: row.id,
    before: { cancelledAt: null },
    after: { cancelledAt: row.cancelledAt?.toISOString() ?? null, cancelledBy: row.cancelledBy },
  });
  const stations = await listMaintenanceWindowsAcross({ stationId: row.stationId, limit: 1 });
  return toWindowView(row, stations[0]?.station.code ?? String(row.stationId));
}

export async function deleteMaintenanceWindowById(input: { id: number; actor: string }): Promise<void> {
  const row = await deleteMaintenanceWindow(input.id);
  if (!row) throw new AppError('NOT_FOUND', `maintenance window ${input.id} not found`);
  await appendAudit({
    actor: input.actor,
    action: 'maintenance.delete',
    entity: 'maintenance_window',
    entityId: row.id,
    before: { stationId: row.stationId, from: row.from.toISOString(), to: row.to.toISOString(), reason: row.reason },
  });
}
