import { LOCAL_TIME_ZONE } from '../domain/time';
import { pool } from './client';

/**
 * Completeness counts for the KPI reports (DOMAIN.md §7), one grouped query over the reading partitions: per station ×
 * parameter × local day, the distinct interval slots with a value and those with a valid reading (status 00, flag good
 * or suspect, not invalidated by the latest active operator overlay). Readings before the station's activeFrom don't count.
 */
export type KpiDayCountRow = { stationId: number; parameter: string; day: string; received: number; valid: number };

export async function listKpiDayCounts(q: {
  stationIds: readonly number[];
  from: Date;
  to: Date;
}): Promise<KpiDayCountRow[]> {
  if (q.stationIds.length === 0) return [];
  const r = await pool().query<{ station_id: number; parameter: string; day: string; received: string; valid: string }>(
    `SELECT r.station_id, r.parameter,
            to_char((r.time AT TIME ZONE $4)::date, 'YYYY-MM-DD') AS day,
            count(DISTINCT floor(extract(epoch FROM r.time) / (s.interval_minutes * 60))) AS received,
            count(DISTINCT floor(extract(epoch FROM r.time) / (s.interval_minutes * 60)))
              FILTER (WHERE r.device_status = '00' AND r.qc_flag IN (1, 3) AND coalesce(ov.action::text, 'restore') <> 'invalidate') AS valid
       FROM reading r
       JOIN station s ON s.id = r.station_id
       LEFT JOIN LATERAL (
         SELECT o.action FROM overlay o
          WHERE o.station_id = r.station_id AND o.revoked_at IS NULL
            AND r.time >= o.from_time AND r.time < o.to_time
            AND (cardinality(o.parameters) = 0 OR r.parameter = ANY (o.parameters))
          ORDER BY o.created_at DESC, o.id DESC
          LIMIT 1
       ) ov ON true
      WHERE r.station_id = ANY ($1::int[]) AND r.time >= $2 AND r.time < $3 AND r.time >= s.active_from
      GROUP BY 1, 2, 3`,
    [q.stationIds, q.from, q.to, LOCAL_TIME_ZONE],
  );
  return r.rows.map((x) => ({
    stationId: x.station_id,
    parameter: x.parameter,
    day: x.day,
    received: Number(x.received),
    valid: Number(x.valid),
  }));
}

/** Accepted or partial files per station and local day of receipt, reported beside the reading counts. */
export async function listFileDayCounts(q: {
  stationIds: readonly number[];
  from: Date;
  to: Date;
}): Promise<{ stationId: number; day: string; files: number }[]> {
  if (q.stationIds.length === 0) return [];
  const r = await pool().query<{ station_id: number; day: string; files: string }>(
    `SELECT station_id, to_char((received_at AT TIME ZONE $4)::date, 'YYYY-MM-DD') AS day, count(*) AS files
       FROM ingest_file
      WHERE station_id = ANY ($1::int[]) AND received_at >= $2 AND received_at < $3 AND outcome IN ('accepted', 'partial')
      GROUP BY 1, 2`,
    [q.stationIds, q.from, q.to, LOCAL_TIME_ZONE],
  );
  return r.rows.map((x) => ({ stationId: x.station_id, day: x.day, files: Number(x.files) }));
}

export type ExceedanceSummaryRow = {
  stationId: number;
  stationCode: string;
  stationName: string;
  facilityName: string;
  parameter: string | null;
  period: string;
  alerts: number;
  events: number;
  durationMs: number;
  peak: number | null;
  average: number | null;
  limit: number | null;
  basis: string | null;
  pending: number;
  confirmed: number;
  equipment: number;
  calibration: number;
  falseAlarm: number;
};

/**
 * Exceedance alerts opened in [from, to) grouped per station × parameter × period (local month, or the whole range):
 * alerts, repeats, duration (open alerts count up to `until`), peak, mean of the alerts' averages, dispositions.
 */
export async function listExceedanceSummary(q: {
  stationIds: readonly number[];
  kinds: readonly string[];
  from: Date;
  to: Date;
  until: Date;
  byMonth: boolean;
}): Promise<ExceedanceSummaryRow[]> {
  if (q.stationIds.length === 0) return [];
  const r = await pool().query<{
    station_id: number;
    code: string;
    name: string;
    facility_name: string;
    parameter: string | null;
    period: string;
    alerts: string;
    events: string;
    duration_ms: string;
    peak: number | null;
    average: number | null;
    lim: number | null;
    basis: string | null;
    pending: string;
    confirmed: string;
    equipment: string;
    calibration: string;
    false_alarm: string;
  }>(
    `SELECT a.station_id, s.code, s.name, f.name AS facility_name, a.parameter,
            CASE WHEN $6 THEN to_char(a.opened_at AT TIME ZONE $7, 'YYYY-MM') ELSE '' END AS period,
            count(*) AS alerts, coalesce(sum(a.count), 0) AS events,
            coalesce(sum(extract(epoch FROM (least(coalesce(a.resolved_at, $5), $5) - a.opened_at)) * 1000), 0)::bigint AS duration_ms,
            max(a.peak_value) AS peak, avg(a.average_value) AS average, max(a.limit_value) AS lim, min(a.basis) AS basis,
            count(*) FILTER (WHERE a.disposition IS NULL OR a.disposition = 'pending_review') AS pending,
            count(*) FILTER (WHERE a.disposition = 'confirmed_violation') AS confirmed,
            count(*) FILTER (WHERE a.disposition = 'equipment_fault') AS equipment,
            count(*) FILTER (WHERE a.disposition = 'calibration') AS calibration,
            count(*) FILTER (WHERE a.disposition = 'false_alarm') AS false_alarm
       FROM alert a JOIN station s ON s.id = a.station_id JOIN facility f ON f.id = s.facility_id
      WHERE a.station_id = ANY ($1::int[]) AND a.kind::text = ANY ($2::text[]) AND a.opened_at >= $3 AND a.opened_at < $4 AND NOT a.suppressed
      GROUP BY a.station_id, s.code, s.name, f.name, a.parameter, 6
      ORDER BY s.code, a.parameter NULLS FIRST, 6`,
    [q.stationIds, q.kinds, q.from, q.to, q.until, q.byMonth, LOCAL_TIME_ZONE],
  );
  return r.rows.map((x) => ({
    stationId: x.station_id,
    stationCode: x.code,
    stationName: x.name,
    facilityName: x.facility_name,
    parameter: x.parameter,
    period: x.period,
    alerts: Number(x.alerts),
    events: Number(x.events),
    durationMs: Math.max(0, Number(x.duration_ms)),
    peak: x.peak,
    average: x.average,
    limit: x.lim,
    basis: x.basis,
    pending: Number(x.pending),
    confirmed: Number(x.confirmed),
    equipment: Number(x.equipment),
    calibration: Number(x.calibration),
    falseAlarm: Number(x.false_alarm),
  }));
}
