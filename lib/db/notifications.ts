import type pg from 'pg';
import { pool, prisma } from './client';
import { withTransaction } from './transaction';
import { digestDue } from '../domain/alerts/episodes';

/**
 * Notification subscriptions, the notification outbox and small notification settings (the alert_event cursor).
 * The outbox is claimed with FOR UPDATE SKIP LOCKED so several workers can share it.
 */
export const NOTIFY_CHANNELS = ['email', 'webhook', 'inapp'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];
export type NotificationStatus = 'pending' | 'sent' | 'failed';

type Queryable = pg.Pool | pg.PoolClient;

export type SubscriptionRow = {
  id: number;
  userId: number;
  stationId: number | null;
  kinds: string[];
  channels: NotifyChannel[];
  webhookUrl: string | null;
};

export async function listUserSubscriptions(userId: number): Promise<SubscriptionRow[]> {
  const rows = await prisma().notificationSubscription.findMany({ where: { userId }, orderBy: { id: 'asc' } });
  return rows.map((r) => ({ ...r, channels: r.channels.filter(isChannel) }));
}

/** Replaces a user's subscriptions at once (the settings form saves the whole set). */
export async function replaceUserSubscriptions(
  userId: number,
  rows: { stationId: number | null; kinds: string[]; channels: NotifyChannel[]; webhookUrl: string | null }[],
): Promise<void> {
  await prisma().$transaction([
    prisma().notificationSubscription.deleteMany({ where: { userId } }),
    prisma().notificationSubscription.createMany({ data: rows.map((r) => ({ userId, ...r })) }),
  ]);
}

function isChannel(c: string): c is NotifyChannel {
  return (NOTIFY_CHANNELS as readonly string[]).includes(c);
}

export type Recipient = {
  userId: number;
  email: string;
  channel: NotifyChannel;
  webhookUrl: string | null;
};

/**
 * Users subscribed to (station, kind) on any channel, one row per (user, channel, webhook). Disabled users get
 * nothing; a facility user only hears about its own facility's stations.
 */
/**
 * Recipients of an alert of `kind` at the station: the subscriptions, plus in-app by default for operators and
 * inspectors who never saved a choice (e-mail and webhook stay opt-in).
 */
export async function listRecipients(db: Queryable, stationId: number, kind: string): Promise<Recipient[]> {
  const r = await db.query<{ user_id: number; email: string; channel: string; webhook_url: string | null }>(
    `SELECT * FROM (
     SELECT DISTINCT s.user_id, u.email, ch.channel, CASE WHEN ch.channel = 'webhook' THEN s.webhook_url END AS webhook_url
       FROM notification_subscription s
       JOIN app_user u ON u.id = s.user_id
       JOIN station st ON st.id = $1
       CROSS JOIN LATERAL unnest(s.channels) AS ch(channel)
      WHERE u.disabled_at IS NULL
        AND (s.station_id IS NULL OR s.station_id = $1)
        AND (cardinality(s.kinds) = 0 OR $2 = ANY(s.kinds))
        AND (u.role <> 'facility' OR u.facility_id = st.facility_id)
        AND (ch.channel <> 'webhook' OR u.role <> 'facility') -- webhooks are for staff only (security round 2)
     UNION
     SELECT u.id, u.email, 'inapp', NULL
       FROM app_user u
      WHERE u.disabled_at IS NULL AND u.role IN ('operator', 'inspector')
        AND NOT EXISTS (SELECT 1 FROM notification_subscription s WHERE s.user_id = u.id)
     ) r ORDER BY user_id, channel`,
    [stationId, kind],
  );
  return r.rows
    .filter((row) => isChannel(row.channel) && (row.channel !== 'webhook' || !!row.webhook_url))
    .map((row) => ({
      userId: row.user_id,
      email: row.email,
      channel: row.channel as NotifyChannel,
      webhookUrl: row.webhook_url,
    }));
}

export type NotificationInsert = {
  userId: number | null;
  alertId: number;
  alertEventId: number | null;
  eventType: string;
  channel: NotifyChannel;
  target: string | null;
  /** In-app notifications are delivered by being stored. */
  status: NotificationStatus;
  sentAt: Date | null;
  createdAt: Date;
  /** When it is due (digest window); defaults to createdAt. */
  dueAt?: Date;
};

/** Inserts one notification; false when the same event already reached this recipient on this channel. */
export async function insertNotification(db: Queryable, n: NotificationInsert): Promise<boolean> {
  const r = await db.query(
    `INSERT INTO notification (user_id, alert_id, alert_event_id, event_type, channel, target, status, sent_at, created_at, next_attempt_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT DO NOTHING`,
    [n.userId, n.alertId, n.alertEventId, n.eventType, n.channel, n.target, n.status, n.sentAt, n.createdAt, n.dueAt ?? n.createdAt],
  );
  return (r.rowCount ?? 0) > 0;
}

/** Time of the newest notification of this alert to this recipient on this channel (for the no-storm rule). */
export async function lastNotificationAt(
  db: Queryable,
  k: { alertId: number; userId: number | null; channel: NotifyChannel; target: string | null },
): Promise<Date | null> {
  const r = await db.query<{ at: Date | null }>(
    `SELECT max(created_at) AS at FROM notification
      WHERE alert_id = $1 AND user_id IS NOT DISTINCT FROM $2 AND channel = $3 AND target IS NOT DISTINCT FROM $4`,
    [k.alertId, k.userId, k.channel, k.target],
  );
  return r.rows[0]?.at ?? null;
}

/** Runs `fn` on one connection inside a transaction holding the notifier's advisory lock; null if another holds it. */
export async function withNotifierLock<T>(fn: (db: pg.PoolClient) => Promise<T>): Promise<T | null> {
  return withTransaction(async (tx) => {
    const got = await tx.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock(727275) AS ok');
    return got.rows[0]?.ok ? fn(tx) : null;
  });
}

export async function getNotificationSetting(db: Queryable, key: string): Promise<unknown> {
  const r = await db.query<{ value: unknown }>('SELECT value FROM notification_setting WHERE key = $1', [key]);
  return r.rows[0]?.value ?? null;
}

export async function setNotificationSetting(db: Queryable, key: string, value: unknown): Promise<void> {
  await db.query(
    `INSERT INTO notification_setting (key, value) VALUES ($1, $2::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [key, JSON.stringify(value)],
  );
}

export type OutboxRow = { id: number } & Pick<
  NotificationInsert,
  'userId' | 'alertId' | 'alertEventId' | 'eventType' | 'channel' | 'target'
> & { attempts: number };

/** Claims due pending e-mail/webhook notifications: attempts+1 and a lease so a crashed sender's rows come back. */
export async function claimDueNotifications(now: Date, limit: number, leaseMs: number): Promise<OutboxRow[]> {
  // Only e-mail and webhook rows are claimed: channel is a NotifyChannel.
  const r = await pool().query<OutboxRow>(
    `UPDATE notification SET attempts = attempts + 1, next_attempt_at = $2
      WHERE id IN (SELECT id FROM notification
                    WHERE status = 'pending' AND channel <> 'inapp' AND next_attempt_at <= $1
                    ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
      RETURNING id, user_id AS "userId", alert_id AS "alertId", alert_event_id AS "alertEventId", event_type AS "eventType",
                channel, target, attempts`,
    [now, new Date(now.getTime() + leaseMs), limit],
  );
  return r.rows.sort((a, b) => a.id - b.id);
}

export async function markNotificationSent(id: number, at: Date): Promise<void> {
  await pool().query(`UPDATE notification SET status = 'sent', sent_at = $2, last_error = NULL WHERE id = $1`, [
    id,
    at,
  ]);
}

/** A failed attempt: retry at `retryAt`, or give up (status failed) when retryAt is null. */
export async function markNotificationAttemptFailed(id: number, error: string, retryAt: Date | null): Promise<void> {
  await pool().query(
    `UPDATE notification SET last_error = $2, status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
            next_attempt_at = COALESCE($3::timestamptz, next_attempt_at)
      WHERE id = $1`,
    [id, error.slice(0, 1000), retryAt],
  );
}

export type InappRow = {
  id: number;
  alertId: number;
  eventType: string;
  createdAt: Date;
  readAt: Date | null;
  stationCode: string | null;
  stationName: string | null;
  parameter: string | null;
  kind: string | null;
};

/** The newest in-app notifications of a user with their alert's station and kind (for the bell). */
export async function listInappNotifications(userId: number, limit: number): Promise<InappRow[]> {
  const r = await pool().query<{
    id: number;
    alert_id: number;
    event_type: string;
    created_at: Date;
    read_at: Date | null;
    station_code: string | null;
    station_name: string | null;
    parameter: string | null;
    kind: string | null;
  }>(
    `SELECT n.id, n.alert_id, n.event_type, n.created_at, n.read_at, st.code AS station_code, st.name AS station_name,
            a.parameter, a.kind::text AS kind
       FROM notification n
       LEFT JOIN alert a ON a.id = n.alert_id
       LEFT JOIN station st ON st.id = a.station_id
      WHERE n.user_id = $1 AND n.channel = 'inapp'
      ORDER BY n.created_at DESC, n.id DESC LIMIT $2`,
    [userId, limit],
  );
  return r.rows.map((x) => ({
    id: x.id,
    alertId: x.alert_id,
    eventType: x.event_type,
    createdAt: x.created_at,
    readAt: x.read_at,
    stationCode: x.station_code,
    stationName: x.station_name,
    parameter: x.parameter,
    kind: x.kind,
  }));
}

export async function countUnreadInapp(userId: number): Promise<number> {
  const r = await pool().query<{ n: string }>(
    `SELECT count(*) AS n FROM notification WHERE user_id = $1 AND channel = 'inapp' AND read_at IS NULL`,
    [userId],
  );
  return Number(r.rows[0]?.n ?? 0);
}

/** Marks the user's in-app notifications read (the given ids, or all of them). Returns how many changed. */
export async function markInappRead(userId: number, ids: number[] | 'all', at: Date): Promise<number> {
  const r =
    ids === 'all'
      ? await pool().query(
          `UPDATE notification SET read_at = $2 WHERE user_id = $1 AND channel = 'inapp' AND read_at IS NULL`,
          [userId, at],
        )
      : await pool().query(
          `UPDATE notification SET read_at = $2 WHERE user_id = $1 AND channel = 'inapp' AND read_at IS NULL AND id = ANY($3::int[])`,
          [userId, at, ids],
        );
  return r.rowCount ?? 0;
}

/** For tests and the admin view: notifications of one alert. */
export async function listNotificationsOfAlert(
  alertId: number,
): Promise<
  {
    id: number;
    userId: number | null;
    channel: NotifyChannel;
    eventType: string;
    status: NotificationStatus;
    attempts: number;
    target: string | null;
    lastError: string | null;
  }[]
> {
  const rows = await prisma().notification.findMany({ where: { alertId }, orderBy: { id: 'asc' } });
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    channel: r.channel as NotifyChannel,
    eventType: r.eventType,
    status: r.status as NotificationStatus,
    attempts: r.attempts,
    target: r.target,
    lastError: r.lastError,
  }));
}

/**
 * When a new e-mail / webhook message to this recipient is due under the digest window: now when nothing was due for
 * it within the window; else the pending digest's time (it joins it), or one window after the last one.
 */
export async function digestDueAt(
  db: Queryable,
  r: { userId: number | null; channel: NotifyChannel; target: string | null },
  now: Date,
  windowMs: number,
): Promise<Date> {
  if (windowMs <= 0) return now;
  const q = await db.query<{ last: Date | null }>(
    `SELECT max(next_attempt_at) AS last FROM notification
      WHERE user_id IS NOT DISTINCT FROM $1 AND channel = $2 AND target IS NOT DISTINCT FROM $3 AND created_at > $4`,
    [r.userId, r.channel, r.target, new Date(now.getTime() - 2 * windowMs)],
  );
  const last = q.rows[0]?.last ?? null;
  return new Date(digestDue(last ? last.getTime() : null, now.getTime(), windowMs));
}
