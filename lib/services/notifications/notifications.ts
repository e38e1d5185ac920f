/**
 * FOR THE ALERT ENGINE (alerts area) AND THE LEAD: after committing an alert_event of type 'opened', 'reopened',
 * 'repeat' or 'disposition', call `notifyAlertEvent(alertId, eventType)` (never throws; safe to call twice).
 * Calling it is optional: the worker schedule 'notifications' also polls alert_event every 10 s (cursor in
 * notification_setting), so an event is notified once either way.
 */
import { z } from 'zod';
import { findLatestAlertEvent, insertAlertEvent, listActiveManagers, listOverdueDispositions, maxAlertEventIdBefore } from '../../db/alerts';
import { pool } from '../../db/client';
import { appendAudit } from '../../db/audit';
import {
  claimDueNotifications,
  countUnreadInapp,
  digestDueAt,
  getNotificationSetting,
  insertNotification,
  lastNotificationAt,
  listInappNotifications,
  listRecipients,
  listUserSubscriptions,
  markInappRead,
  markNotificationAttemptFailed,
  markNotificationSent,
  NOTIFY_CHANNELS,
  replaceUserSubscriptions,
  setNotificationSetting,
  withNotifierLock,
  type InappRow,
  type NotifyChannel,
} from '../../db/notifications';
import { env as processEnv, type Env } from '../../env';
import { AppError } from '../../errors';
import { ALERT_EVENT_TYPES, ALERT_KINDS, findAlertView, listAlertEventsAfter, recordAlertNotified, type AlertEventType, type AlertView } from '../alerts';
import { notifies } from '../../domain/alerts/episodes';
import { sendMail } from './mailer';
import { buildDigestMessage } from './message';
import { postWebhook, webhookTargetProblem, type WebhookAllowList } from './webhook';
import { getWebhookAllowList } from './webhook-allow';
import { scopeFor, listVisibleStations, type Viewer } from '../stations';

export type NotifierConfig = Pick<
  Env,
  | 'NOTIFY_REPEAT_MINUTES'
  | 'NOTIFY_DIGEST_MINUTES'
  | 'WEBHOOK_URL'
  | 'WEBHOOK_TIMEOUT_MS'
  | 'NOTIFY_MAX_ATTEMPTS'
  | 'SMTP_HOST'
  | 'SMTP_PORT'
  | 'SMTP_USER'
  | 'SMTP_PASS'
  | 'SMTP_FROM'
  | 'SMTP_SECURE'
  | 'NEXTAUTH_URL'
  | 'HOST'
  | 'PORT'
>;

type Log = (line: string) => void;

/** Event types that reach people. Acknowledgement, resolution and notes stay in the history only. */
export const NOTIFIABLE_EVENTS = ['opened', 'reopened', 'repeat', 'disposition'] as const;
const notifiable = new Set<string>(NOTIFIABLE_EVENTS);

const CURSOR_KEY = 'alert_event_cursor';
/** Events younger than this are looked at again on the next poll: a slow transaction may commit a lower id late. */
const RESCAN_MS = 60_000;
/** On the very first poll, older history is not replayed (no storm on first start). */
const FIRST_POLL_LOOKBACK_MS = 3_600_000;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function baseUrl(cfg: NotifierConfig): string {
  return cfg.NEXTAUTH_URL ?? `http://${cfg.HOST}:${cfg.PORT}`;
}

type EventLike = { id: number | null; alertId: number; type: string };

/**
 * Creates the notifications of one alert event for every subscribed recipient and channel (plus the global webhook).
 * A repeat reaches a recipient only if nothing about this alert reached it on that channel within
 * NOTIFY_REPEAT_MINUTES; suppressed alerts (maintenance) notify nobody. Returns how many were created.
 */
async function notifyEvent(
  db: Parameters<Parameters<typeof withNotifierLock>[0]>[0],
  ev: EventLike,
  cfg: NotifierConfig,
  now: Date,
  alerts: Map<number, AlertView | null>,
): Promise<number> {
  if (!notifiable.has(ev.type)) return 0;
  let alert = alerts.get(ev.alertId);
  if (alert === undefined) {
    alert = await findAlertView(ev.alertId);
    alerts.set(ev.alertId, alert);
  }
  // Only confirmed, live episodes reach people (DOMAIN.md §8): brief episodes and historical data stay in the list.
  if (!alert || !notifies(alert)) return 0;
  if (ev.type === 'disposition' && (!alert.disposition || alert.disposition === 'pending_review')) return 0;

  const recipients: { userId: number | null; channel: NotifyChannel; target: string | null }[] = (
    await listRecipients(db, alert.station.id, alert.kind)
  ).map((r) => ({
    userId: r.userId,
    channel: r.channel,
    target: r.channel === 'email' ? r.email : r.channel === 'webhook' ? r.webhookUrl : null,
  }));
  if (cfg.WEBHOOK_URL) recipients.push({ userId: null, channel: 'webhook', target: cfg.WEBHOOK_URL });

  const quietMs = cfg.NOTIFY_REPEAT_MINUTES * 60_000;
  let created = 0;
  for (const r of recipients) {
    if (ev.type === 'repeat') {
      const last = await lastNotificationAt(db, { alertId: alert.id, userId: r.userId, channel: r.channel, target: r.target });
      if (last && now.getTime() - last.getTime() < quietMs) continue;
    }
    const inapp = r.channel === 'inapp';
    const dueAt = inapp ? now : await digestDueAt(db, r, now, (cfg.NOTIFY_DIGEST_MINUTES ?? 0) * 60_000);
    const ok = await insertNotification(db, {
      dueAt,
      userId: r.userId,
      alertId: alert.id,
      alertEventId: ev.id,
      eventType: ev.type,
      channel: r.channel,
      target: r.target,
      status: inapp ? 'sent' : 'pending',
      sentAt: inapp ? now : null,
      createdAt: now,
    });
    if (ok) created++;
  }
  return created;
}

/**
 * Notifies one alert event now. Uses the alert's newest event of that type (so the cursor poll will not notify it
 * again); with no such event row, notifies it as an event of its own. Never throws: a failure is logged and the
 * poll catches up.
 */
export async function notifyAlertEvent(
  alertId: number,
  eventType: string,
  opts: { now?: Date; cfg?: NotifierConfig; log?: Log } = {},
): Promise<number> {
  try {
    const cfg = opts.cfg ?? processEnv();
    const now = opts.now ?? new Date();
    const type = (ALERT_EVENT_TYPES as readonly string[]).includes(eventType) ? (eventType as AlertEventType) : null;
    const ev = type ? await findLatestAlertEvent(alertId, type) : null;
    const out = await withNotifierLock((db) => notifyEvent(db, ev ?? { id: null, alertId, type: eventType }, cfg, now, new Map()));
    // Another process holds the lock: it is polling, and will see the event.
    return out ?? 0;
  } catch (e) {
    (opts.log ?? console.error)(`notifyAlertEvent(${alertId}, ${eventType}) failed: ${message(e)}`);
    return 0;
  }
}

const cursorSchema = z.object({ id: z.number().int().nonnegative() });

/**
 * The cursor walk over alert_event: notifies every notifiable event after the cursor. The cursor only moves past
 * events older than a minute; younger ones are seen again (the unique index makes that harmless).
 */
export async function processAlertEvents(
  opts: { now?: Date; cfg?: NotifierConfig; batch?: number } = {},
): Promise<{ events: number; notifications: number } | null> {
  const cfg = opts.cfg ?? processEnv();
  const now = opts.now ?? new Date();
  const batch = opts.batch ?? 500;
  return withNotifierLock(async (db) => {
    const stored = cursorSchema.safeParse(await getNotificationSetting(db, CURSOR_KEY));
    let cursor = stored.success ? stored.data.id : await maxAlertEventIdBefore(new Date(now.getTime() - FIRST_POLL_LOOKBACK_MS));
    const alerts = new Map<number, AlertView | null>();
    let events = 0;
    let notifications = 0;
    let settled = true;
    for (;;) {
      const page = await listAlertEventsAfter(cursor, batch);
      for (const ev of page) {
        alerts.set(ev.alertId, ev.alert);
        events++;
        notifications += await notifyEvent(db, ev, cfg, now, alerts);
        // Move the cursor only over a settled prefix (events old enough that no earlier id can still commit).
        if (settled && now.getTime() - ev.at.getTime() >= RESCAN_MS) cursor = ev.id;
        else settled = false;
      }
      if (page.length < batch || !settled) break;
    }
    if (!stored.success || cursor !== stored.data.id) await setNotificationSetting(db, CURSOR_KEY, { id: cursor });
    return { events, notifications };
  });
}

/** Back-off after a failed delivery attempt: 1, 2, 4 … minutes, at most an hour. */
export function notifyRetryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Sends due e-mail and webhook notifications. A failure is stored with its reason and retried with back-off until
 * NOTIFY_MAX_ATTEMPTS, then marked failed; nothing here throws for one bad recipient.
 */
export async function deliverPendingNotifications(
  opts: { now?: Date; cfg?: NotifierConfig; limit?: number; log?: Log; concurrency?: number } = {},
): Promise<{ sent: number; retried: number; failed: number }> {
  const cfg = opts.cfg ?? processEnv();
  const now = opts.now ?? new Date();
  const log = opts.log ?? ((line: string) => console.log(line));
  const rows = await claimDueNotifications(now, opts.limit ?? 100, 2 * cfg.WEBHOOK_TIMEOUT_MS + 60_000);
  const result = { sent: 0, retried: 0, failed: 0 };
  let allowList: Promise<WebhookAllowList> | undefined;
  const alerts = new Map<number, Promise<AlertView | null>>();
  const alertOf = (id: number) => {
    let p = alerts.get(id);
    if (!p) alerts.set(id, (p = findAlertView(id)));
    return p;
  };

  // The alert's history shows each delivery (and a final failure); webhook URLs are cut to their origin (tokens).
  const recordDelivery = async (row: (typeof rows)[number], ok: boolean, error?: string) => {
    let target = row.target ?? '';
    if (row.channel === 'webhook') {
      try {
        target = new URL(target).origin;
      } catch {
        target = 'webhook';
      }
    }
    await recordAlertNotified({ alertId: row.alertId, channel: row.channel, target, ok, error, eventId: row.alertEventId ?? undefined }).catch(
      (e: unknown) => log(`notification ${row.id}: could not record on the alert: ${message(e)}`),
    );
  };

  type Row = (typeof rows)[number];
  /** One message for every row of a recipient claimed together (a burst inside the digest window). */
  const deliverGroup = async (group: Row[]) => {
    const head = group[0]!;
    try {
      const items: { alert: AlertView; eventType: string }[] = [];
      for (const row of group) {
        const alert = await alertOf(row.alertId);
        if (!alert) throw new Error(`alert ${row.alertId} not found`);
        items.push({ alert, eventType: row.eventType });
      }
      if (!head.target) throw new Error('no target address');
      const msg = buildDigestMessage(items, baseUrl(cfg));
      if (head.channel === 'email') {
        await sendMail(cfg, { to: head.target, subject: msg.subject, text: msg.text });
      } else {
        // Personal webhooks are checked again at send time (DNS may have changed); the operator's WEBHOOK_URL is trusted.
        const allow = head.userId === null ? null : await (allowList ??= getWebhookAllowList());
        const res = await postWebhook(
          head.target,
          { ...msg.payload, notificationId: head.id, ...(group.length > 1 ? { notificationIds: group.map((r) => r.id) } : {}) },
          { timeoutMs: cfg.WEBHOOK_TIMEOUT_MS, allow: allow ?? undefined, trusted: allow === null },
        );
        if (!res.ok) throw new Error(res.error);
      }
      for (const row of group) {
        await markNotificationSent(row.id, new Date());
        result.sent++;
        await recordDelivery(row, true);
      }
    } catch (e) {
      for (const row of group) {
        const giveUp = row.attempts >= cfg.NOTIFY_MAX_ATTEMPTS;
        await markNotificationAttemptFailed(row.id, message(e), giveUp ? null : new Date(now.getTime() + notifyRetryDelayMs(row.attempts))).catch(
          (e2: unknown) => log(`notification ${row.id}: could not record failure: ${message(e2)}`),
        );
        if (giveUp) {
          result.failed++;
          await recordDelivery(row, false, message(e));
        } else result.retried++;
        log(`notification ${row.id} (${row.channel}) attempt ${row.attempts} failed: ${message(e)}${giveUp ? ' (giving up)' : ''}`);
      }
    }
  };

  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = `${row.userId ?? ''}|${row.channel}|${row.target ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const queue = [...groups.values()];
  const workers = Array.from({ length: Math.min(opts.concurrency ?? 4, queue.length) }, async () => {
    for (let group = queue.shift(); group; group = queue.shift()) await deliverGroup(group);
  });
  await Promise.all(workers);
  return result;
}

// ── per-user subscriptions ──

export const subscriptionInputSchema = z
  .object({
    allStations: z.boolean(),
    stationIds: z.array(z.number().int().positive()).max(1000),
    kinds: z.array(z.enum(ALERT_KINDS)).max(ALERT_KINDS.length),
    channels: z.array(z.enum(NOTIFY_CHANNELS)).max(NOTIFY_CHANNELS.length),
    webhookUrl: z
      .string()
      .trim()
      .max(2000)
      .nullable()
      .transform((v) => (v ? v : null))
      .refine((v) => v == null || /^https?:\/\/[^\s]+$/i.test(v), { message: 'webhook URL must start with http:// or https://' }),
  })
  .refine((v) => !v.channels.includes('webhook') || v.webhookUrl != null, { message: 'webhook URL required', path: ['webhookUrl'] })
  .refine((v) => v.allStations || v.stationIds.length > 0 || v.channels.length === 0, { message: 'choose stations', path: ['stationIds'] });

export type SubscriptionInput = z.input<typeof subscriptionInputSchema>;
export type SubscriptionSettings = {
  allStations: boolean;
  stationIds: number[];
  kinds: string[];
  channels: NotifyChannel[];
  webhookUrl: string | null;
};

type Actor = Viewer & { id: number; email: string };

/** The user's subscriptions as one form (rows share kinds/channels/webhook; station_id null = all stations). */
export async function getSubscriptionSettings(userId: number): Promise<SubscriptionSettings> {
  const rows = await listUserSubscriptions(userId);
  const first = rows[0];
  if (!first) return { allStations: true, stationIds: [], kinds: [], channels: [], webhookUrl: null };
  return {
    allStations: rows.some((r) => r.stationId == null),
    stationIds: rows.flatMap((r) => (r.stationId == null ? [] : [r.stationId])),
    kinds: first.kinds,
    channels: first.channels,
    webhookUrl: first.webhookUrl,
  };
}

/** Saves the signed-in user's subscriptions; a facility user may only choose its own facility's stations. */
export async function saveSubscriptionSettings(actor: Actor, input: unknown): Promise<SubscriptionSettings> {
  const parsed = subscriptionInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION', 'Invalid subscription', parsed.error.flatten());
  const v = parsed.data;
  // Webhooks are for staff only, and only to public addresses unless allow-listed (security round 2: SSRF).
  if (v.channels.includes('webhook')) {
    if (actor.role === 'facility') throw new AppError('FORBIDDEN', 'webhooks are for staff accounts only');
    const problem = await webhookTargetProblem(v.webhookUrl ?? '', await getWebhookAllowList());
    if (problem) throw new AppError('VALIDATION', problem, { fieldErrors: { webhookUrl: [problem] } });
  }
  const stationIds = [...new Set(v.stationIds)];
  if (!v.allStations && stationIds.length > 0) {
    const visible = await listVisibleStations(scopeFor(actor));
    const ids = new Set(visible.map((s) => s.id));
    if (stationIds.some((id) => !ids.has(id))) throw new AppError('VALIDATION', 'Unknown station');
  }
  const before = await getSubscriptionSettings(actor.id);
  const base = { kinds: [...new Set(v.kinds)], channels: [...new Set(v.channels)], webhookUrl: v.channels.includes('webhook') ? v.webhookUrl : null };
  const rows = v.channels.length === 0 ? [] : v.allStations ? [{ stationId: null, ...base }] : stationIds.map((stationId) => ({ stationId, ...base }));
  await replaceUserSubscriptions(actor.id, rows);
  const after = await getSubscriptionSettings(actor.id);
  await appendAudit({
    actor: actor.email,
    action: 'notification.subscriptions.update',
    entity: 'app_user',
    entityId: actor.id,
    before: { ...before, webhookUrl: before.webhookUrl },
    after: { ...after },
  });
  return after;
}

// ── in-app bell ──

export type InappNotification = Omit<InappRow, 'createdAt' | 'readAt'> & { createdAt: string; read: boolean };

export async function listInappForUser(userId: number, limit = 10): Promise<{ unread: number; items: InappNotification[] }> {
  const [unread, rows] = await Promise.all([countUnreadInapp(userId), listInappNotifications(userId, limit)]);
  return {
    unread,
    items: rows.map(({ createdAt, readAt, ...r }) => ({ ...r, createdAt: createdAt.toISOString(), read: readAt != null })),
  };
}

export async function markInappNotificationsRead(userId: number, ids: number[] | 'all', now = new Date()): Promise<number> {
  return markInappRead(userId, ids, now);
}

/**
 * Overdue dispositions (DOMAIN.md §8): an exceedance still pending review past its due date is reported once to every
 * active manager in-app (event type `overdue`), and a note on the alert's history records it. Returns notifications made.
 */
export async function notifyOverdueDispositions(opts: { now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const overdue = await listOverdueDispositions(now);
  if (overdue.length === 0) return 0;
  const managers = await listActiveManagers();
  let created = 0;
  for (const a of overdue) {
    const ev = await insertAlertEvent({ alertId: a.id, type: 'note', actor: 'system:overdue', at: now, data: { overdue: true, dueAt: a.dueAt.toISOString(), managers: managers.length } });
    for (const m of managers) {
      const ok = await insertNotification(pool(), {
        userId: m.id,
        alertId: a.id,
        alertEventId: ev.id,
        eventType: 'overdue',
        channel: 'inapp',
        target: null,
        status: 'sent',
        sentAt: now,
        createdAt: now,
      });
      if (ok) created++;
    }
  }
  return created;
}
