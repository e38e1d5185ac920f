import { pool } from './client';

/** Reads for the monthly station report and the monthly e-mail ledger (tables of migration 20261128112000_reports). */

export type DailyAverageRow = {
  parameter: string;
  day: string;
  value: number | null;
  min: number | null;
  max: number | null;
  validCount: number;
  expectedCount: number;
  complete: boolean;
};

/** Daily means (avg_day) of one station for local days in [fromDay, toDay) (yyyy-MM-dd). */
export async function listDailyAverages(q: {
  stationId: number;
  fromDay: string;
  toDay: string;
}): Promise<DailyAverageRow[]> {
  const r = await pool().query<{
    parameter: string;
    day: string;
    value: number | null;
    min: number | null;
    max: number | null;
    valid_count: number;
    expected_count: number;
    complete: boolean;
  }>(
    `SELECT parameter, to_char(day, 'YYYY-MM-DD') AS day, value, min, max, valid_count, expected_count, complete
       FROM avg_day WHERE station_id = $1 AND day >= $2::date AND day < $3::date
      ORDER BY parameter, day`,
    [q.stationId, q.fromDay, q.toDay],
  );
  return r.rows.map((x) => ({
    parameter: x.parameter,
    day: x.day,
    value: x.value,
    min: x.min,
    max: x.max,
    validCount: x.valid_count,
    expectedCount: x.expected_count,
    complete: x.complete,
  }));
}

export type StationAlertRow = {
  id: number;
  parameter: string | null;
  kind: string;
  state: string;
  openedAt: Date;
  resolvedAt: Date | null;
  count: number;
  peak: number | null;
  limit: number | null;
  basis: string | null;
  disposition: string | null;
  dispositionNote: string | null;
};

/** Alerts of the given kinds opened in [from, to) at one station (not suppressed), oldest first. */
export async function listStationAlerts(q: {
  stationId: number;
  kinds: readonly string[];
  from: Date;
  to: Date;
}): Promise<StationAlertRow[]> {
  const r = await pool().query<{
    id: number;
    parameter: string | null;
    kind: string;
    state: string;
    opened_at: Date;
    resolved_at: Date | null;
    count: number;
    peak_value: number | null;
    limit_value: number | null;
    basis: string | null;
    disposition: string | null;
    disposition_note: string | null;
  }>(
    `SELECT id, parameter, kind::text AS kind, state::text AS state, opened_at, resolved_at, count, peak_value, limit_value, basis,
            disposition::text AS disposition, disposition_note
       FROM alert
      WHERE station_id = $1 AND kind::text = ANY ($2::text[]) AND opened_at >= $3 AND opened_at < $4 AND NOT suppressed
      ORDER BY opened_at, id`,
    [q.stationId, q.kinds, q.from, q.to],
  );
  return r.rows.map((x) => ({
    id: x.id,
    parameter: x.parameter,
    kind: x.kind,
    state: x.state,
    openedAt: x.opened_at,
    resolvedAt: x.resolved_at,
    count: x.count,
    peak: x.peak_value,
    limit: x.limit_value,
    basis: x.basis,
    disposition: x.disposition,
    dispositionNote: x.disposition_note,
  }));
}

// ── monthly e-mail subscription and ledger ──

export async function findMonthlySubscription(userId: number): Promise<boolean> {
  const r = await pool().query<{ monthly_email: boolean }>(
    'SELECT monthly_email FROM report_subscription WHERE user_id = $1',
    [userId],
  );
  return r.rows[0]?.monthly_email ?? false;
}

export async function upsertMonthlySubscription(userId: number, monthlyEmail: boolean): Promise<void> {
  await pool().query(
    `INSERT INTO report_subscription (user_id, monthly_email, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (user_id) DO UPDATE SET monthly_email = EXCLUDED.monthly_email, updated_at = now()`,
    [userId, monthlyEmail],
  );
}

export type MonthlySubscriber = { id: number; email: string; name: string; role: string; locale: string };

/** Enabled users of the given roles who opted in to the monthly e-mail. */
export async function listMonthlySubscribers(roles: readonly string[]): Promise<MonthlySubscriber[]> {
  const r = await pool().query<MonthlySubscriber>(
    `SELECT u.id, u.email, u.name, u.role::text AS role, u.locale
       FROM report_subscription s JOIN app_user u ON u.id = s.user_id
      WHERE s.monthly_email AND u.disabled_at IS NULL AND u.role::text = ANY ($1::text[])
      ORDER BY u.id`,
    [roles],
  );
  return r.rows;
}

/**
 * Claims the send of `month` to one user: a new row, or a failed one with attempts left, or one left 'sending' by a
 * worker that died more than `staleMs` ago. True when this caller now owns the send (and must finish it).
 */
export async function claimMonthlySend(q: {
  month: string;
  userId: number;
  now: Date;
  maxAttempts: number;
  staleMs: number;
}): Promise<boolean> {
  const r = await pool().query(
    `INSERT INTO report_send (month, user_id, status, attempts, claimed_at) VALUES ($1, $2, 'sending', 1, $3)
     ON CONFLICT (month, user_id) DO UPDATE SET status = 'sending', attempts = report_send.attempts + 1, claimed_at = $3, last_error = NULL
       WHERE report_send.attempts < $4
         AND (report_send.status = 'failed' OR (report_send.status = 'sending' AND report_send.claimed_at < $3 - make_interval(secs => $5::double precision / 1000)))
     RETURNING id`,
    [q.month, q.userId, q.now, q.maxAttempts, q.staleMs],
  );
  return (r.rowCount ?? 0) > 0;
}

export async function finishMonthlySend(q: {
  month: string;
  userId: number;
  ok: boolean;
  at: Date;
  messageId?: string;
  error?: string;
}): Promise<void> {
  await pool().query(
    `UPDATE report_send SET status = $3, sent_at = CASE WHEN $3 = 'sent' THEN $4::timestamptz ELSE sent_at END, message_id = $5, last_error = $6
      WHERE month = $1 AND user_id = $2`,
    [q.month, q.userId, q.ok ? 'sent' : 'failed', q.at, q.messageId ?? null, q.error ?? null],
  );
}

export type MonthlySendRow = {
  month: string;
  userId: number;
  status: string;
  attempts: number;
  sentAt: Date | null;
  lastError: string | null;
};

export async function listMonthlySends(month: string): Promise<MonthlySendRow[]> {
  const r = await pool().query<{
    month: string;
    user_id: number;
    status: string;
    attempts: number;
    sent_at: Date | null;
    last_error: string | null;
  }>(
    'SELECT month, user_id, status, attempts, sent_at, last_error FROM report_send WHERE month = $1 ORDER BY user_id',
    [month],
  );
  return r.rows.map((x) => ({
    month: x.month,
    userId: x.user_id,
    status: x.status,
    attempts: x.attempts,
    sentAt: x.sent_at,
    lastError: x.last_error,
  }));
}
