import type { AlertKind } from '../domain/alerts/kinds';
import type { AlertEventType, AlertState, Disposition as AlertDisposition } from '../domain/alerts/lifecycle';
import { pool, prisma } from './client';
import type * as Db from './generated/enums';
import type { ParameterReadingRow } from './readings';

/** Alert rows and their event history (alert, alert_event) plus maintenance windows. */
export type { AlertDisposition, AlertEventType, AlertKind, AlertState };

// The database enums are the registries of lib/domain/alerts: a value added on one side only fails to compile here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const enumsMatch: [Same<AlertKind, Db.AlertKind>, Same<AlertState, Db.AlertState>, Same<AlertDisposition, Db.AlertDisposition>, Same<AlertEventType, Db.AlertEventType>] = [
  true,
  true,
  true,
  true,
];
void enumsMatch;

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export type AlertRow = {
  id: number;
  stationId: number;
  parameter: string | null;
  kind: AlertKind;
  state: AlertState;
  openedAt: Date;
  lastSeenAt: Date;
  resolvedAt: Date | null;
  count: number;
  peakValue: number | null;
  limitValue: number | null;
  basis: string | null;
  averageValue: number | null;
  /** Valid / expected readings of the averaging period, 0…1 (compliance only). */
  completeness: number | null;
  /** {standard, version, column, coefficients, base, o2Correction?} of lib/domain/limits resolveLimit, or null. */
  limitDerivation: unknown;
  periodStart: Date | null;
  periodEnd: Date | null;
  disposition: AlertDisposition | null;
  dispositionNote: string | null;
  assigneeId: number | null;
  dueAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  reopenedByRecompute: boolean;
  resolvedByRecompute: boolean;
  suppressed: boolean;
  /** The episode may notify (lib/domain/alerts/episodes.ts). */
  confirmed: boolean;
  confirmedAt: Date | null;
  /** Raised from data older than the historical threshold at arrival: notifies nobody. */
  historical: boolean;
  /** Episode state: consecutive hits up to the newest value, first clear value after the last hit. */
  runLength: number;
  clearSince: Date | null;
  /** A compliance exceedance withdrawn because its period complies after recomputation. */
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
};

export type AlertWithStation = AlertRow & {
  station: {
    id: number;
    code: string;
    name: string;
    kind: string;
    facilityId: number;
    facilityCode: string;
    facilityName: string;
  };
};

export type AlertEventRow = {
  id: number;
  alertId: number;
  at: Date;
  type: AlertEventType;
  actor: string;
  data: unknown;
};

const stationSelect = {
  select: {
    id: true,
    code: true,
    name: true,
    kind: true,
    facilityId: true,
    facility: { select: { code: true, name: true } },
  },
} as const;

type StationJoin = {
  id: number;
  code: string;
  name: string;
  kind: string;
  facilityId: number;
  facility: { code: string; name: string };
};

async function stationsById(ids: number[]): Promise<Map<number, AlertWithStation['station']>> {
  const rows: StationJoin[] = ids.length
    ? await prisma().station.findMany({ where: { id: { in: [...new Set(ids)] } }, ...stationSelect })
    : [];
  return new Map(
    rows.map((s) => [
      s.id,
      {
        id: s.id,
        code: s.code,
        name: s.name,
        kind: s.kind,
        facilityId: s.facilityId,
        facilityCode: s.facility.code,
        facilityName: s.facility.name,
      },
    ]),
  );
}

async function withStations(rows: AlertRow[]): Promise<AlertWithStation[]> {
  const map = await stationsById(rows.map((r) => r.stationId));
  return rows.flatMap((r) => {
    const station = map.get(r.stationId);
    return station ? [{ ...r, station }] : [];
  });
}

export type AlertQuery = {
  stationIds?: number[];
  facilityId?: number | null;
  kind?: AlertKind;
  kinds?: AlertKind[];
  state?: AlertState;
  parameter?: string;
  disposition?: AlertDisposition;
  /** openedAt in [from, to) */
  from?: Date;
  to?: Date;
  includeSuppressed?: boolean;
  /** Keyset paging: ids below this one (newest first). */
  beforeId?: number;
  /** Keyset paging on (openedAt, id), newest first: rows strictly after this key in that order. */
  before?: { openedAt: Date; id: number };
  confirmed?: boolean;
  historical?: boolean;
  /** 'open_first': open, then acknowledged, then resolved, each newest opening first (cursor `afterState`). */
  order?: 'newest' | 'open_first';
  /** Keyset paging for 'open_first': rows after this (state, openedAt, id). */
  afterState?: { state: AlertState; openedAt: Date; id: number };
  limit: number;
};

const STATE_ORDER: readonly AlertState[] = ['open', 'acknowledged', 'resolved'];

/** Newest opening first (ties by id). */
export async function queryAlerts(q: AlertQuery): Promise<AlertWithStation[]> {
  let stationIds = q.stationIds;
  if (q.facilityId != null) {
    const own = await prisma().station.findMany({ where: { facilityId: q.facilityId }, select: { id: true } });
    const ownIds = own.map((s) => s.id);
    stationIds = stationIds ? stationIds.filter((id) => ownIds.includes(id)) : ownIds;
  }
  const rows = await prisma().alert.findMany({
    where: {
      ...(stationIds ? { stationId: { in: stationIds } } : {}),
      ...(q.kinds ? { kind: { in: q.kinds } } : {}),
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.state ? { state: q.state } : {}),
      ...(q.parameter ? { parameter: q.parameter } : {}),
      ...(q.disposition ? { disposition: q.disposition } : {}),
      ...(q.from || q.to ? { openedAt: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lt: q.to } : {}) } } : {}),
      ...(q.includeSuppressed ? {} : { suppressed: false }),
      ...(q.beforeId ? { id: { lt: q.beforeId } } : {}),
      ...(q.confirmed !== undefined ? { confirmed: q.confirmed } : {}),
      ...(q.historical !== undefined ? { historical: q.historical } : {}),
      ...(q.before ? { OR: [{ openedAt: { lt: q.before.openedAt } }, { openedAt: q.before.openedAt, id: { lt: q.before.id } }] } : {}),
      ...(q.afterState
        ? {
            AND: [
              {
                OR: [
                  { state: { in: STATE_ORDER.slice(STATE_ORDER.indexOf(q.afterState.state) + 1) as AlertState[] } },
                  { state: q.afterState.state, openedAt: { lt: q.afterState.openedAt } },
                  { state: q.afterState.state, openedAt: q.afterState.openedAt, id: { lt: q.afterState.id } },
                ],
              },
            ],
          }
        : {}),
    },
    orderBy: q.order === 'open_first' ? [{ state: 'asc' }, { openedAt: 'desc' }, { id: 'desc' }] : [{ openedAt: 'desc' }, { id: 'desc' }],
    take: q.limit,
  });
  return withStations(rows);
}

export async function findAlertById(id: number): Promise<AlertWithStation | null> {
  const r = await prisma().alert.findUnique({ where: { id } });
  return r ? ((await withStations([r]))[0] ?? null) : null;
}

export async function listAlertEvents(alertId: number): Promise<AlertEventRow[]> {
  return prisma().alertEvent.findMany({ where: { alertId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
}

/** Events with id > afterId in id order, with their alert (for notification dispatchers polling the table). */
export async function listEventsAfter(
  afterId: number,
  limit: number,
): Promise<(AlertEventRow & { alert: AlertWithStation })[]> {
  const events = await prisma().alertEvent.findMany({
    where: { id: { gt: afterId } },
    orderBy: { id: 'asc' },
    take: limit,
  });
  const alerts = await prisma().alert.findMany({ where: { id: { in: [...new Set(events.map((e) => e.alertId))] } } });
  const byId = new Map((await withStations(alerts)).map((a) => [a.id, a]));
  return events.flatMap((e) => {
    const alert = byId.get(e.alertId);
    return alert ? [{ ...e, alert }] : [];
  });
}

export async function insertAlertEvent(e: {
  alertId: number;
  type: AlertEventType;
  actor: string;
  at?: Date;
  data?: JsonObject;
}): Promise<AlertEventRow> {
  return prisma().alertEvent.create({
    data: { alertId: e.alertId, type: e.type, actor: e.actor, at: e.at ?? new Date(), data: e.data ?? {} },
  });
}

/** The open-or-acknowledged alert of a key (at most one, by the partial unique index). */
export async function findActiveAlert(
  stationId: number,
  parameter: string | null,
  kind: AlertKind,
): Promise<AlertRow | null> {
  return prisma().alert.findFirst({ where: { stationId, parameter, kind, state: { in: ['open', 'acknowledged'] } } });
}

export async function findLatestResolvedAlert(
  stationId: number,
  parameter: string | null,
  kind: AlertKind,
): Promise<AlertRow | null> {
  return prisma().alert.findFirst({
    where: { stationId, parameter, kind, state: 'resolved' },
    orderBy: { resolvedAt: 'desc' },
  });
}

export type AlertOpenInput = {
  stationId: number;
  parameter: string | null;
  kind: AlertKind;
  at: Date;
  value: number | null;
  limitValue: number | null;
  basis: string | null;
  averageValue: number | null;
  completeness: number | null;
  limitDerivation: JsonObject | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  disposition: AlertDisposition | null;
  reopenedByRecompute: boolean;
  suppressed: boolean;
  /** Defaults: confirmed true, historical false, run 1 (kinds without episodes). */
  confirmed?: boolean;
  confirmedAt?: Date | null;
  historical?: boolean;
  runLength?: number;
};

/**
 * Inserts an open alert unless one is active for the key (another process won the race); returns the row and whether it
 * was created. ON CONFLICT targets the partial unique index, so two workers never open two alerts for one key.
 */
export async function insertAlertIfNoneActive(a: AlertOpenInput): Promise<{ row: AlertRow; created: boolean }> {
  const r = await pool().query<{ id: number }>(
    `INSERT INTO alert (station_id, parameter, kind, state, opened_at, last_seen_at, count, peak_value, limit_value, basis,
                        average_value, completeness, limit_derivation, period_start, period_end, disposition,
                        reopened_by_recompute, suppressed, confirmed, confirmed_at, historical, run_length)
     VALUES ($1, $2, $3::"AlertKind", 'open', $4, $4, 1, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13::"AlertDisposition", $14, $15,
             $16, $17, $18, $19)
     ON CONFLICT (station_id, COALESCE(parameter, ''), kind) WHERE state IN ('open', 'acknowledged') DO NOTHING
     RETURNING id`,
    [
      a.stationId,
      a.parameter,
      a.kind,
      a.at,
      a.value,
      a.limitValue,
      a.basis,
      a.averageValue,
      a.completeness,
      a.limitDerivation === null ? null : JSON.stringify(a.limitDerivation),
      a.periodStart,
      a.periodEnd,
      a.disposition,
      a.reopenedByRecompute,
      a.suppressed,
      a.confirmed ?? true,
      a.confirmed === false ? null : (a.confirmedAt ?? a.at),
      a.historical ?? false,
      a.runLength ?? 1,
    ],
  );
  const id = r.rows[0]?.id;
  if (id !== undefined) {
    const row = await prisma().alert.findUniqueOrThrow({ where: { id } });
    return { row, created: true };
  }
  const existing = await findActiveAlert(a.stationId, a.parameter, a.kind);
  if (!existing) throw new Error('alert insert conflicted but no active alert was found');
  return { row: existing, created: false };
}

export type AlertPatch = Partial<
  Pick<
    AlertRow,
    | 'state'
    | 'lastSeenAt'
    | 'resolvedAt'
    | 'count'
    | 'peakValue'
    | 'limitValue'
    | 'basis'
    | 'averageValue'
    | 'completeness'
    | 'periodStart'
    | 'periodEnd'
    | 'disposition'
    | 'dispositionNote'
    | 'assigneeId'
    | 'dueAt'
    | 'acknowledgedAt'
    | 'acknowledgedBy'
    | 'reopenedByRecompute'
    | 'resolvedByRecompute'
    | 'suppressed'
    | 'confirmed'
    | 'confirmedAt'
    | 'historical'
    | 'runLength'
    | 'clearSince'
    | 'withdrawnAt'
    | 'withdrawnReason'
  >
> & { limitDerivation?: JsonObject | null };

export async function updateAlert(id: number, patch: AlertPatch): Promise<AlertRow> {
  const { limitDerivation, ...rest } = patch;
  return prisma().alert.update({
    where: { id },
    data: { ...rest, ...(limitDerivation !== undefined ? { limitDerivation: limitDerivation ?? undefined } : {}) },
  });
}

/** Resolved → open again (late data showed the clearing was wrong), unless another alert became active meanwhile. */
export async function reopenAlert(id: number, patch: AlertPatch): Promise<AlertRow | null> {
  try {
    return await updateAlert(id, {
      ...patch,
      state: 'open',
      resolvedAt: null,
      resolvedByRecompute: false,
      reopenedByRecompute: true,
    });
  } catch (e) {
    if (e instanceof Error && /unique|P2002/i.test(`${e.message} ${(e as { code?: string }).code ?? ''}`)) return null;
    throw e;
  }
}

// Maintenance windows ------------------------------------------------------------------------------------------

export type MaintenanceWindowRow = {
  id: number;
  stationId: number;
  from: Date;
  to: Date;
  reason: string;
  /** Parameters covered; empty = the whole station. */
  parameters: string[];
  createdBy: string;
  createdAt: Date;
  cancelledAt: Date | null;
  cancelledBy: string | null;
};

export async function insertMaintenanceWindow(w: {
  stationId: number;
  from: Date;
  to: Date;
  reason: string;
  parameters?: string[];
  createdBy: string;
}): Promise<MaintenanceWindowRow> {
  return prisma().maintenanceWindow.create({ data: { ...w, parameters: w.parameters ?? [] } });
}

export async function listMaintenanceWindows(
  stationId: number,
  from?: Date,
  to?: Date,
): Promise<MaintenanceWindowRow[]> {
  return prisma().maintenanceWindow.findMany({
    where: { stationId, ...(to ? { from: { lt: to } } : {}), ...(from ? { to: { gt: from } } : {}) },
    orderBy: { from: 'asc' },
  });
}

export type MaintenanceWindowWithStation = MaintenanceWindowRow & {
  station: { code: string; name: string; facilityId: number };
};

/** Windows across stations (newest start first), optionally one facility's or one station's, overlapping [from, to). */
export async function listMaintenanceWindowsAcross(filter: {
  facilityId?: number | null;
  stationId?: number;
  from?: Date;
  to?: Date;
  limit?: number;
}): Promise<MaintenanceWindowWithStation[]> {
  let ids: number[] | null = filter.stationId !== undefined ? [filter.stationId] : null;
  if (filter.facilityId != null) {
    const own = (
      await prisma().station.findMany({ where: { facilityId: filter.facilityId }, select: { id: true } })
    ).map((s) => s.id);
    ids = ids ? ids.filter((id) => own.includes(id)) : own;
  }
  const rows = await prisma().maintenanceWindow.findMany({
    where: {
      ...(ids ? { stationId: { in: ids } } : {}),
      ...(filter.to ? { from: { lt: filter.to } } : {}),
      ...(filter.from ? { to: { gt: filter.from } } : {}),
    },
    orderBy: [{ from: 'desc' }, { id: 'desc' }],
    take: filter.limit ?? 500,
  });
  // maintenance_window has no relation to station in the schema (another area's table): join by hand.
  const stations = await prisma().station.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.stationId))] } },
    select: { id: true, code: true, name: true, facilityId: true },
  });
  const byId = new Map(stations.map((s) => [s.id, s]));
  return rows.flatMap((r) => {
    const s = byId.get(r.stationId);
    return s ? [{ ...r, station: { code: s.code, name: s.name, facilityId: s.facilityId } }] : [];
  });
}

export async function findMaintenanceWindow(id: number): Promise<MaintenanceWindowRow | null> {
  return prisma().maintenanceWindow.findUnique({ where: { id } });
}

/** Marks a window cancelled (kept for the record); null when it does not exist or was already cancelled. */
export async function cancelMaintenanceWindowRow(
  id: number,
  by: string,
  at: Date,
): Promise<MaintenanceWindowRow | null> {
  const r = await prisma().maintenanceWindow.updateMany({
    where: { id, cancelledAt: null },
    data: { cancelledAt: at, cancelledBy: by },
  });
  return r.count > 0 ? prisma().maintenanceWindow.findUnique({ where: { id } }) : null;
}

export async function deleteMaintenanceWindow(id: number): Promise<MaintenanceWindowRow | null> {
  const row = await prisma().maintenanceWindow.findUnique({ where: { id } });
  if (!row) return null;
  await prisma().maintenanceWindow.delete({ where: { id } });
  return row;
}

/**
 * Whether `at` falls inside a declared, not cancelled maintenance window [from, to) of the station that covers the
 * parameter: a window without parameters covers everything; one with parameters covers only those (never a
 * station-level alert, whose parameter is null).
 */
export async function isInMaintenance(stationId: number, at: Date, parameter?: string | null): Promise<boolean> {
  const n = await prisma().maintenanceWindow.count({
    where: {
      stationId,
      from: { lte: at },
      to: { gt: at },
      cancelledAt: null,
      OR: [{ parameters: { isEmpty: true } }, ...(parameter ? [{ parameters: { has: parameter } }] : [])],
    },
  });
  return n > 0;
}

// Inputs of the alert engine ----------------------------------------------------------------------------------

export type EngineStation = {
  id: number;
  code: string;
  kind: import('../domain/parameters').StationKind;
  enabled: boolean;
  intervalMinutes: number;
  graceMinutes: number;
  activeFrom: Date;
  lastFileAt: Date | null;
  facility: { id: number };
  parameters: { parameter: string; limitMin: number | null; limitMax: number | null; enabled: boolean }[];
};

const engineSelect = {
  id: true,
  code: true,
  kind: true,
  enabled: true,
  intervalMinutes: true,
  graceMinutes: true,
  activeFrom: true,
  lastFileAt: true,
  facility: { select: { id: true } },
  parameters: { select: { parameter: true, limitMin: true, limitMax: true, enabled: true }, orderBy: { id: 'asc' } },
} as const;

export async function findEngineStation(id: number): Promise<EngineStation | null> {
  return prisma().station.findUnique({ where: { id }, select: engineSelect });
}

export async function listEngineStations(): Promise<EngineStation[]> {
  return prisma().station.findMany({ select: engineSelect, orderBy: { id: 'asc' } });
}

export type EngineReading = Omit<ParameterReadingRow, 'qcReasons'>;

/** Every reading of the station with time in (after, through], by parameter and time. */
export async function listStationReadings(stationId: number, after: Date, through: Date): Promise<EngineReading[]> {
  const r = await pool().query<EngineReading>(
    `SELECT parameter, time, value, device_status AS "deviceStatus", qc_flag AS "qcFlag" FROM reading
     WHERE station_id = $1 AND time > $2 AND time <= $3 ORDER BY parameter, time`,
    [stationId, after, through],
  );
  return r.rows;
}

// Reads of the notifier and the alert pages ------------------------------------------------------------------------

/** The alert's newest event of a type (the notifier marks it handled), or null. */
export async function findLatestAlertEvent(alertId: number, type: AlertEventType): Promise<AlertEventRow | null> {
  return prisma().alertEvent.findFirst({ where: { alertId, type }, orderBy: { id: 'desc' } });
}

/** The newest event id older than `at` (0 when none): where the notifier's cursor starts on a fresh install. */
export async function maxAlertEventIdBefore(at: Date): Promise<number> {
  const r = await pool().query<{ id: number | null }>('SELECT max(id) AS id FROM alert_event WHERE at < $1', [at]);
  return r.rows[0]?.id ?? 0;
}

/** Active inspectors (for the disposition assignee select). */
export async function listInspectors(): Promise<{ id: number; name: string; email: string }[]> {
  return prisma().user.findMany({
    where: { role: 'inspector', disabledAt: null },
    select: { id: true, name: true, email: true },
    orderBy: { name: 'asc' },
  });
}

/** Alerts of a key whose newest averaging period ends at `periodEnd` on `basis` (compliance follows its data). */
export async function findAlertsForPeriod(
  stationId: number,
  parameter: string | null,
  kind: AlertKind,
  basis: string,
  periodEnd: Date,
): Promise<AlertRow[]> {
  return prisma().alert.findMany({ where: { stationId, parameter, kind, basis, periodEnd, withdrawnAt: null }, orderBy: { id: 'asc' } });
}

/** Alerts per kind matching the list filters (without kind), for the counts above the list. */
export async function countAlertsByKind(q: Omit<AlertQuery, 'limit' | 'before' | 'afterState' | 'beforeId' | 'order' | 'kind'>): Promise<Partial<Record<AlertKind, number>>> {
  let stationIds = q.stationIds;
  if (q.facilityId != null) {
    const own = (await prisma().station.findMany({ where: { facilityId: q.facilityId }, select: { id: true } })).map((s) => s.id);
    stationIds = stationIds ? stationIds.filter((id) => own.includes(id)) : own;
  }
  const rows = await prisma().alert.groupBy({
    by: ['kind'],
    where: {
      ...(stationIds ? { stationId: { in: stationIds } } : {}),
      ...(q.state ? { state: q.state } : {}),
      ...(q.parameter ? { parameter: q.parameter } : {}),
      ...(q.disposition ? { disposition: q.disposition } : {}),
      ...(q.from || q.to ? { openedAt: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lt: q.to } : {}) } } : {}),
      ...(q.includeSuppressed ? {} : { suppressed: false }),
      ...(q.confirmed !== undefined ? { confirmed: q.confirmed } : {}),
      ...(q.historical !== undefined ? { historical: q.historical } : {}),
    },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((r) => [r.kind, r._count._all]));
}

/** Alerts whose disposition is still pending review past its due date and not yet reported overdue (oldest due first). */
export async function listOverdueDispositions(now: Date, limit = 500): Promise<{ id: number; dueAt: Date }[]> {
  const r = await pool().query<{ id: number; dueAt: Date }>(
    `SELECT a.id, a.due_at AS "dueAt" FROM alert a
      WHERE a.due_at < $1 AND a.disposition = 'pending_review'
        AND NOT EXISTS (SELECT 1 FROM alert_event e WHERE e.alert_id = a.id AND e.type = 'note' AND e.data->>'overdue' = 'true')
      ORDER BY a.due_at, a.id LIMIT $2`,
    [now, limit],
  );
  return r.rows;
}

/** Active managers (told about overdue dispositions). */
export async function listActiveManagers(): Promise<{ id: number; email: string }[]> {
  return prisma().user.findMany({ where: { role: 'manager', disabledAt: null }, select: { id: true, email: true }, orderBy: { id: 'asc' } });
}
