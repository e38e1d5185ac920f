import type { Prisma } from './generated/client';
import { pool, prisma } from './client';

/**
 * Read models over the alert tables (owned by the alerts area) for the alerts pages, the CSV export and the
 * notifier: alerts joined with their station and facility, filtered by the viewer's scope. Mutations go through
 * lib/services/alerts.ts.
 */
export const ALERT_KINDS = [
  'compliance_exceedance',
  'instant_exceedance',
  'approaching',
  'offline',
  'device_error',
  'calibration_overrun',
  'qc_fail',
] as const;
export type AlertKindName = (typeof ALERT_KINDS)[number];
export const ALERT_STATES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStateName = (typeof ALERT_STATES)[number];
export const DISPOSITIONS = [
  'pending_review',
  'confirmed_violation',
  'equipment_fault',
  'calibration',
  'false_alarm',
] as const;
export type DispositionName = (typeof DISPOSITIONS)[number];

export type AlertStationRef = {
  id: number;
  code: string;
  name: string;
  kind: string;
  facilityId: number;
  facilityName: string;
};

export type AlertView = {
  id: number;
  kind: AlertKindName;
  state: AlertStateName;
  parameter: string | null;
  openedAt: Date;
  lastSeenAt: Date;
  resolvedAt: Date | null;
  count: number;
  peakValue: number | null;
  limitValue: number | null;
  basis: string | null;
  averageValue: number | null;
  completeness: number | null;
  limitDerivation: unknown;
  periodStart: Date | null;
  periodEnd: Date | null;
  disposition: DispositionName | null;
  dispositionNote: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  dueAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  reopenedByRecompute: boolean;
  resolvedByRecompute: boolean;
  suppressed: boolean;
  station: AlertStationRef;
};

export type AlertViewFilter = {
  /** Only this facility's stations (facility users). */
  facilityId?: number | null;
  stationCode?: string;
  kind?: AlertKindName;
  state?: AlertStateName;
  disposition?: DispositionName;
  /** openedAt >= from */
  from?: Date;
  /** openedAt < to */
  to?: Date;
};

const ALERT_SELECT = `
  SELECT a.id, a.kind::text AS kind, a.state::text AS state, a.parameter, a.opened_at, a.last_seen_at, a.resolved_at,
         a.count, a.peak_value, a.limit_value, a.basis, a.average_value, a.completeness, a.limit_derivation,
         a.period_start, a.period_end, a.disposition::text AS disposition, a.disposition_note, a.assignee_id,
         au.name AS assignee_name, a.due_at, a.acknowledged_at, a.acknowledged_by, a.reopened_by_recompute,
         a.resolved_by_recompute, a.suppressed,
         st.id AS station_id, st.code AS station_code, st.name AS station_name, st.kind::text AS station_kind,
         st.facility_id, f.name AS facility_name
    FROM alert a
    JOIN station st ON st.id = a.station_id
    JOIN facility f ON f.id = st.facility_id
    LEFT JOIN app_user au ON au.id = a.assignee_id`;

type AlertSqlRow = {
  id: number;
  kind: AlertKindName;
  state: AlertStateName;
  parameter: string | null;
  opened_at: Date;
  last_seen_at: Date;
  resolved_at: Date | null;
  count: number;
  peak_value: number | null;
  limit_value: number | null;
  basis: string | null;
  average_value: number | null;
  completeness: number | null;
  limit_derivation: unknown;
  period_start: Date | null;
  period_end: Date | null;
  disposition: DispositionName | null;
  disposition_note: string | null;
  assignee_id: number | null;
  assignee_name: string | null;
  due_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  reopened_by_recompute: boolean;
  resolved_by_recompute: boolean;
  suppressed: boolean;
  station_id: number;
  station_code: string;
  station_name: string;
  station_kind: string;
  facility_id: number;
  facility_name: string;
};

function toView(r: AlertSqlRow): AlertView {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    parameter: r.parameter,
    openedAt: r.opened_at,
    lastSeenAt: r.last_seen_at,
    resolvedAt: r.resolved_at,
    count: r.count,
    peakValue: r.peak_value,
    limitValue: r.limit_value,
    basis: r.basis,
    averageValue: r.average_value,
    completeness: r.completeness,
    limitDerivation: r.limit_derivation,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    disposition: r.disposition,
    dispositionNote: r.disposition_note,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    dueAt: r.due_at,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by,
    reopenedByRecompute: r.reopened_by_recompute,
    resolvedByRecompute: r.resolved_by_recompute,
    suppressed: r.suppressed,
    station: {
      id: r.station_id,
      code: r.station_code,
      name: r.station_name,
      kind: r.station_kind,
      facilityId: r.facility_id,
      facilityName: r.facility_name,
    },
  };
}

/** Alerts matching the filter, newest opened first (at most `limit`). */
export async function listAlertViews(filter: AlertViewFilter, limit = 500): Promise<AlertView[]> {
  const where: string[] = [];
  const args: unknown[] = [];
  const arg = (v: unknown) => {
    args.push(v);
    return `$${args.length}`;
  };
  if (filter.facilityId != null) where.push(`st.facility_id = ${arg(filter.facilityId)}`);
  if (filter.stationCode) where.push(`st.code = ${arg(filter.stationCode)}`);
  if (filter.kind) where.push(`a.kind = ${arg(filter.kind)}::"AlertKind"`);
  if (filter.state) where.push(`a.state = ${arg(filter.state)}::"AlertState"`);
  if (filter.disposition) where.push(`a.disposition = ${arg(filter.disposition)}::"AlertDisposition"`);
  if (filter.from) where.push(`a.opened_at >= ${arg(filter.from)}`);
  if (filter.to) where.push(`a.opened_at < ${arg(filter.to)}`);
  const sql = `${ALERT_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY a.opened_at DESC, a.id DESC LIMIT ${arg(Math.max(1, Math.min(10_000, limit)))}`;
  const r = await pool().query<AlertSqlRow>(sql, args);
  return r.rows.map(toView);
}

export async function findAlertView(id: number): Promise<AlertView | null> {
  const r = await pool().query<AlertSqlRow>(`${ALERT_SELECT} WHERE a.id = $1`, [id]);
  const row = r.rows[0];
  return row ? toView(row) : null;
}

export type AlertEventView = {
  id: number;
  alertId: number;
  at: Date;
  type: string;
  actor: string;
  data: Prisma.JsonValue;
};

export async function listAlertEventViews(alertId: number): Promise<AlertEventView[]> {
  return prisma().alertEvent.findMany({ where: { alertId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
}

/** Events with id > afterId, oldest first: the notifier's cursor walk. */
export async function listAlertEventsAfter(afterId: number, limit: number): Promise<AlertEventView[]> {
  return prisma().alertEvent.findMany({
    where: { id: { gt: afterId } },
    orderBy: { id: 'asc' },
    take: limit,
  });
}

export async function findLatestAlertEvent(alertId: number, type: string): Promise<AlertEventView | null> {
  const r = await pool().query<{
    id: number;
    alert_id: number;
    at: Date;
    type: string;
    actor: string;
    data: Prisma.JsonValue;
  }>(
    `SELECT id, alert_id, at, type::text AS type, actor, data FROM alert_event WHERE alert_id = $1 AND type::text = $2
      ORDER BY id DESC LIMIT 1`,
    [alertId, type],
  );
  const x = r.rows[0];
  return x ? { id: x.id, alertId: x.alert_id, at: x.at, type: x.type, actor: x.actor, data: x.data } : null;
}

/** Active inspectors (for the disposition assignee select). */
export async function listInspectors(): Promise<{ id: number; name: string; email: string }[]> {
  return prisma().user.findMany({
    where: { role: 'inspector', disabledAt: null },
    select: { id: true, name: true, email: true },
    orderBy: { name: 'asc' },
  });
}

/** The newest event id older than `at` (0 when none): where the notifier's cursor starts on a fresh install. */
export async function maxAlertEventIdBefore(at: Date): Promise<number> {
  const r = await pool().query<{ id: number | null }>('SELECT max(id) AS id FROM alert_event WHERE at < $1', [at]);
  return r.rows[0]?.id ?? 0;
}
