/** Sampler commands (issue #21): queued → delivered → sampled | failed | expired. */
import type { SamplerState, SamplerTrigger } from '../domain/sampler';
import { pool } from './client';

export type SamplerCommandRow = {
  id: number;
  stationId: number;
  stationCode: string;
  state: SamplerState;
  trigger: SamplerTrigger;
  requestedAt: Date;
  requestedBy: string;
  alertId: number | null;
  reason: string | null;
  expiresAt: Date;
  deliveredAt: Date | null;
  deliveredVia: string | null;
  finishedAt: Date | null;
  bottle: number | null;
  sampledAt: Date | null;
  note: string | null;
};

type Db = {
  id: number;
  station_id: number;
  station_code: string;
  state: SamplerState;
  trigger: SamplerTrigger;
  requested_at: Date;
  requested_by: string;
  alert_id: number | null;
  reason: string | null;
  expires_at: Date;
  delivered_at: Date | null;
  delivered_via: string | null;
  finished_at: Date | null;
  bottle: number | null;
  sampled_at: Date | null;
  note: string | null;
};

const SELECT = `SELECT c.id, c.station_id, s.code AS station_code, c.state, c.trigger, c.requested_at, c.requested_by, c.alert_id,
  c.reason, c.expires_at, c.delivered_at, c.delivered_via, c.finished_at, c.bottle, c.sampled_at, c.note
  FROM sampler_command c JOIN station s ON s.id = c.station_id`;

const toRow = (r: Db): SamplerCommandRow => ({
  id: r.id,
  stationId: r.station_id,
  stationCode: r.station_code,
  state: r.state,
  trigger: r.trigger,
  requestedAt: r.requested_at,
  requestedBy: r.requested_by,
  alertId: r.alert_id,
  reason: r.reason,
  expiresAt: r.expires_at,
  deliveredAt: r.delivered_at,
  deliveredVia: r.delivered_via,
  finishedAt: r.finished_at,
  bottle: r.bottle,
  sampledAt: r.sampled_at,
  note: r.note,
});

export type NewSamplerCommand = {
  stationId: number;
  trigger: SamplerTrigger;
  requestedAt: Date;
  requestedBy: string;
  alertId: number | null;
  reason: string | null;
  expiresAt: Date;
};

/** Inserts a queued command; null when an automatic command for the same alert already exists. */
export async function insertSamplerCommand(c: NewSamplerCommand): Promise<SamplerCommandRow | null> {
  const r = await pool().query<{ id: number }>(
    `INSERT INTO sampler_command (station_id, trigger, requested_at, requested_by, alert_id, reason, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (alert_id) WHERE trigger = 'auto' DO NOTHING
     RETURNING id`,
    [c.stationId, c.trigger, c.requestedAt, c.requestedBy, c.alertId, c.reason, c.expiresAt],
  );
  const id = r.rows[0]?.id;
  return id === undefined ? null : findSamplerCommand(id);
}

export async function findSamplerCommand(id: number): Promise<SamplerCommandRow | null> {
  const r = await pool().query<Db>(`${SELECT} WHERE c.id = $1`, [id]);
  return r.rows[0] ? toRow(r.rows[0]) : null;
}

export async function listSamplerCommands(q: {
  stationId?: number;
  states?: readonly SamplerState[];
  alertId?: number;
  limit: number;
  beforeId?: number;
}): Promise<SamplerCommandRow[]> {
  const args: unknown[] = [];
  const where: string[] = [];
  if (q.stationId !== undefined) where.push(`c.station_id = $${args.push(q.stationId)}`);
  if (q.states) where.push(`c.state = ANY($${args.push(q.states)}::text[])`);
  if (q.alertId !== undefined) where.push(`c.alert_id = $${args.push(q.alertId)}`);
  if (q.beforeId !== undefined) where.push(`c.id < $${args.push(q.beforeId)}`);
  const r = await pool().query<Db>(
    `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.id DESC LIMIT $${args.push(q.limit)}`,
    args,
  );
  return r.rows.map(toRow);
}

/** Moves a command from one of `from` to `to`, setting the given fields; null when it was not in such a state. */
export async function moveSamplerCommand(
  id: number,
  from: readonly SamplerState[],
  to: SamplerState,
  set: { at: Date; via?: string; bottle?: number | null; sampledAt?: Date | null; note?: string | null },
): Promise<SamplerCommandRow | null> {
  const delivered = to === 'delivered';
  const r = await pool().query<{ id: number }>(
    `UPDATE sampler_command SET state = $3,
       delivered_at = CASE WHEN $4 THEN $5 ELSE delivered_at END,
       delivered_via = CASE WHEN $4 THEN $6 ELSE delivered_via END,
       finished_at = CASE WHEN $4 THEN finished_at ELSE $5 END,
       bottle = COALESCE($7, bottle), sampled_at = COALESCE($8, sampled_at), note = COALESCE($9, note)
     WHERE id = $1 AND state = ANY($2::text[]) RETURNING id`,
    [id, from, to, delivered, set.at, set.via ?? null, set.bottle ?? null, set.sampledAt ?? null, set.note ?? null],
  );
  return r.rows[0] ? findSamplerCommand(id) : null;
}

/** Open commands whose expiry has passed. */
export async function listOverdueSamplerCommands(now: Date): Promise<SamplerCommandRow[]> {
  const r = await pool().query<Db>(`${SELECT} WHERE c.state IN ('queued', 'delivered') AND c.expires_at <= $1 ORDER BY c.id`, [now]);
  return r.rows.map(toRow);
}

/** When the station's newest command was requested (any trigger), for the cooldown. */
export async function lastSamplerCommandAt(stationId: number): Promise<Date | null> {
  const r = await pool().query<{ at: Date | null }>('SELECT max(requested_at) AS at FROM sampler_command WHERE station_id = $1', [stationId]);
  return r.rows[0]?.at ?? null;
}

export type AutoSampleCandidate = {
  alertId: number;
  stationId: number;
  stationCode: string;
  parameter: string | null;
  count: number;
  peakValue: number | null;
  enabled: boolean;
  autoAfter: number;
  cooldownMinutes: number;
  hasAutoCommand: boolean;
};

/** Open instant-exceedance alerts of stations whose sampler is enabled with autoAfter ≥ 1. */
export async function listAutoSampleCandidates(): Promise<AutoSampleCandidate[]> {
  const r = await pool().query<{
    alert_id: number; station_id: number; station_code: string; parameter: string | null; count: number; peak_value: number | null;
    enabled: boolean; auto_after: number; cooldown: number; has_auto: boolean;
  }>(
    `SELECT a.id AS alert_id, a.station_id, s.code AS station_code, a.parameter, a.count, a.peak_value,
            s.sampler_enabled AS enabled, s.sampler_auto_after AS auto_after, s.sampler_cooldown_minutes AS cooldown,
            EXISTS (SELECT 1 FROM sampler_command c WHERE c.alert_id = a.id AND c.trigger = 'auto') AS has_auto
       FROM alert a JOIN station s ON s.id = a.station_id
      WHERE a.kind = 'instant_exceedance' AND a.state <> 'resolved' AND NOT a.suppressed AND NOT a.historical -- late data: no bottle to fill
        AND s.enabled AND s.sampler_enabled AND s.sampler_auto_after >= 1
      ORDER BY a.opened_at, a.id`,
  );
  return r.rows.map((x) => ({
    alertId: x.alert_id,
    stationId: x.station_id,
    stationCode: x.station_code,
    parameter: x.parameter,
    count: x.count,
    peakValue: x.peak_value,
    enabled: x.enabled,
    autoAfter: x.auto_after,
    cooldownMinutes: x.cooldown,
    hasAutoCommand: x.has_auto,
  }));
}

/** The FTP facility folder and file code of each station that has open commands (for the command files). */
export async function listOpenCommandsForFiles(): Promise<(SamplerCommandRow & { facilityCode: string; fileCode: string })[]> {
  const r = await pool().query<Db & { facility_code: string; file_code: string }>(
    `SELECT c.id, c.station_id, s.code AS station_code, c.state, c.trigger, c.requested_at, c.requested_by, c.alert_id,
            c.reason, c.expires_at, c.delivered_at, c.delivered_via, c.finished_at, c.bottle, c.sampled_at, c.note,
            f.code AS facility_code, s.file_code
       FROM sampler_command c JOIN station s ON s.id = c.station_id JOIN facility f ON f.id = s.facility_id
      WHERE c.state IN ('queued', 'delivered') ORDER BY c.id`,
  );
  return r.rows.map((x) => ({ ...toRow(x), facilityCode: x.facility_code, fileCode: x.file_code }));
}

/** Records an alert event (type note) for a sampler step: the alert's history shows every step. */
export async function appendSamplerAlertEvent(alertId: number, at: Date, actor: string, data: Record<string, unknown>): Promise<number | null> {
  const r = await pool().query<{ id: number }>(
    `INSERT INTO alert_event (alert_id, at, type, actor, data) SELECT $1, $2, 'note', $3, $4::jsonb WHERE EXISTS (SELECT 1 FROM alert WHERE id = $1) RETURNING id`,
    [alertId, at, actor, JSON.stringify(data)],
  );
  return r.rows[0]?.id ?? null;
}

/** In-app notification of a sampler result to every active inspector (and admin), linked to the alert. */
export async function notifyInspectorsOfSample(alertId: number, alertEventId: number | null, at: Date): Promise<number> {
  const r = await pool().query(
    `INSERT INTO notification (user_id, alert_id, alert_event_id, event_type, channel, target, status, sent_at, created_at, next_attempt_at)
     SELECT u.id, $1, $2, 'sampled', 'inapp', NULL, 'sent', $3, $3, $3 FROM app_user u
      WHERE u.disabled_at IS NULL AND u.role IN ('inspector', 'admin')
     ON CONFLICT DO NOTHING`,
    [alertId, alertEventId, at],
  );
  return r.rowCount ?? 0;
}
