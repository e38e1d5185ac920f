import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';

import { disconnectDb } from '@/lib/db/client';
import { deliverPendingNotifications, notifyAlertEvent, notifyOverdueDispositions, processAlertEvents } from '@/lib/services/notifications';
import { postWebhook, setWebhookAllowListAsAdmin } from '@/lib/services/notifications';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { insertAlert, insertEvent, makeScene, notificationsOf, notifierConfig, subscribe } from './notifications-helpers';

let hook: WebhookReceiver;
const quiet = () => undefined;

beforeAll(async () => {
  hook = await startWebhookReceiver();
  // The receiver listens on loopback, which personal webhooks may reach only when an admin allow-lists it.
  await setWebhookAllowListAsAdmin({ email: 'admin@notify.test', role: 'admin' }, ['127.0.0.1']);
});

afterAll(async () => {
  await hook?.stop();
  await disconnectDb();
});

const postsFor = (alertId: number) =>
  hook.requests.filter((r) => (r.json as { alert?: { id?: number } } | null)?.alert?.id === alertId);

describe('webhook notifications against a local HTTP receiver', () => {
  it('POSTs the alert as JSON to the subscriber URL', async () => {
    const s = await makeScene();
    await subscribe(s.inspector.id, ['webhook'], { stationId: s.stationA.id, webhookUrl: hook.url });
    const alertId = await insertAlert(s.stationA.id, { kind: 'compliance_exceedance', basis: '24h', average: 162.5, peak: 190, limit: 150, openedAt: new Date('2024-05-24T03:05:00Z') });
    await insertEvent(alertId, 'opened');
    const cfg = notifierConfig();
    await processAlertEvents({ cfg });
    await deliverPendingNotifications({ cfg, log: quiet });

    const posts = postsFor(alertId);
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.method).toBe('POST');
    expect(post.url).toBe('/hook');
    expect(post.headers['content-type']).toMatch(/application\/json/);
    expect(post.json).toMatchObject({
      type: 'alert.opened',
      url: `http://quantrac.test/alerts/${alertId}`,
      alert: {
        id: alertId,
        kind: 'compliance_exceedance',
        station: s.stationA.code,
        parameter: 'COD',
        openedAt: '2024-05-24T10:05:00+07:00',
        averageValue: 162.5,
        peakValue: 190,
        limit: 150,
        unit: 'mg/L',
        basis: '24h',
      },
    });
    expect((post.json as { text: string }).text).toContain('162,5 mg/L / giới hạn 150,0 mg/L');
    expect((await notificationsOf(alertId)).filter((r) => r.user_id === s.inspector.id)).toMatchObject([{ channel: 'webhook', status: 'sent', attempts: 1 }]);
    // The alert's history records the delivery, with the webhook cut to its origin.
    const { pool } = await import('@/lib/db/client');
    const notified = await pool().query(`SELECT actor, data FROM alert_event WHERE alert_id = $1 AND type = 'notified'`, [alertId]);
    expect(notified.rows).toEqual([{ actor: 'system', data: expect.objectContaining({ channel: 'webhook', ok: true, target: new URL(hook.url).origin }) }]);
  });

  it('retries after a 500 with back-off and succeeds on the next attempt', async () => {
    const s = await makeScene();
    await subscribe(s.inspector.id, ['webhook'], { stationId: s.stationA.id, webhookUrl: hook.url });
    const alertId = await insertAlert(s.stationA.id);
    const cfg = notifierConfig();
    await notifyAlertEvent(alertId, 'opened', { cfg });

    hook.respondWith(500);
    const t0 = new Date();
    await deliverPendingNotifications({ cfg, now: t0, log: quiet });
    const mine = async () => (await notificationsOf(alertId)).find((r) => r.user_id === s.inspector.id)!;
    expect(await mine()).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 500' });
    expect(postsFor(alertId)).toHaveLength(1);

    // Inside the 1-minute back-off nothing is sent.
    await deliverPendingNotifications({ cfg, now: new Date(t0.getTime() + 20_000), log: quiet });
    expect(postsFor(alertId)).toHaveLength(1);

    await deliverPendingNotifications({ cfg, now: new Date(t0.getTime() + 61_000), log: quiet });
    expect(await mine()).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(postsFor(alertId)).toHaveLength(2);
  });

  it('a receiver that does not answer in time is a failed attempt, not a crash', async () => {
    const cfgTimeout = 200;
    hook.delayMs = 1500;
    try {
      const t = Date.now();
      const res = await postWebhook(hook.url, { ping: 1 }, { timeoutMs: cfgTimeout, allow: ['127.0.0.1'] });
      expect(res).toEqual({ ok: false, status: null, error: `timeout after ${cfgTimeout} ms` });
      expect(Date.now() - t).toBeLessThan(1400);
    } finally {
      hook.delayMs = 0;
    }
    expect(await postWebhook('http://127.0.0.1:1/nothing', {}, { timeoutMs: 1000 })).toMatchObject({ ok: false, status: null });
    expect(await postWebhook('ftp://example/x', {}, { timeoutMs: 1000 })).toMatchObject({ ok: false });
  });

  it('no storm: two repeats within NOTIFY_REPEAT_MINUTES give one notification; a repeat after it gives another', async () => {
    const s = await makeScene();
    await subscribe(s.inspector.id, ['webhook', 'inapp'], { stationId: s.stationA.id, webhookUrl: hook.url });
    const alertId = await insertAlert(s.stationA.id);
    const cfg = notifierConfig({ NOTIFY_REPEAT_MINUTES: '60' });
    const t0 = new Date();
    await insertEvent(alertId, 'repeat', t0);
    await insertEvent(alertId, 'repeat', new Date(t0.getTime() + 1000));
    await processAlertEvents({ cfg, now: new Date(t0.getTime() + 5 * 60_000) });
    const mine = async () => (await notificationsOf(alertId)).filter((r) => r.user_id === s.inspector.id);
    expect((await mine()).map((r) => [r.channel, r.event_type]).sort()).toEqual([
      ['inapp', 'repeat'],
      ['webhook', 'repeat'],
    ]);
    await deliverPendingNotifications({ cfg, now: new Date(t0.getTime() + 5 * 60_000), log: quiet });
    expect(postsFor(alertId)).toHaveLength(1);

    // 30 minutes later: still quiet. 70 minutes after the first: notified again.
    await insertEvent(alertId, 'repeat', new Date(t0.getTime() + 2000));
    await processAlertEvents({ cfg, now: new Date(t0.getTime() + 30 * 60_000) });
    expect(await mine()).toHaveLength(2);
    await insertEvent(alertId, 'repeat', new Date(t0.getTime() + 3000));
    await processAlertEvents({ cfg, now: new Date(t0.getTime() + 70 * 60_000) });
    expect(await mine()).toHaveLength(4);

    // A disposition is always notified, repeat interval or not.
    await import('@/lib/db/client').then(({ pool }) => pool().query(`UPDATE alert SET disposition = 'confirmed_violation', disposition_note = 'Xả thải vượt' WHERE id = $1`, [alertId]));
    await insertEvent(alertId, 'disposition', new Date(t0.getTime() + 4000), 'inspector');
    await processAlertEvents({ cfg, now: new Date(t0.getTime() + 71 * 60_000) });
    expect((await mine()).filter((r) => r.event_type === 'disposition').map((r) => r.channel).sort()).toEqual(['inapp', 'webhook']);
    // The disposition came 1 minute after the repeat message: it waits for the digest window (10 min) to pass.
    await deliverPendingNotifications({ cfg, now: new Date(t0.getTime() + 71 * 60_000), log: quiet });
    expect(postsFor(alertId).at(-1)!.json).toMatchObject({ type: 'alert.repeat' });
    await deliverPendingNotifications({ cfg, now: new Date(t0.getTime() + 81 * 60_000), log: quiet });
    const last = postsFor(alertId).at(-1)!.json as { type: string; alert: { disposition: string } };
    expect(last).toMatchObject({ type: 'alert.disposition', alert: { disposition: 'confirmed_violation' } });
  });

  it('digest: a burst of alerts at many stations reaches a subscriber as one message per window, with a Vietnamese SMS text', async () => {
    const s = await makeScene();
    const url = `${hook.url}?digest=${s.inspector.id}`;
    await subscribe(s.inspector.id, ['webhook'], { webhookUrl: url });
    const cfg = notifierConfig({ NOTIFY_DIGEST_MINUTES: '10' });
    const t0 = new Date();
    const params = ['COD', 'TSS', 'NH4', 'PH', 'TEMP', 'FLOW'];
    for (const [i, parameter] of params.entries()) {
      const id = await insertAlert(i % 2 ? s.stationA.id : s.stationB.id, { parameter });
      await notifyAlertEvent(id, 'opened', { cfg, now: new Date(t0.getTime() + i * 5_000) });
    }
    const mine = () => hook.requests.filter((r) => r.url?.includes(`digest=${s.inspector.id}`));
    // The first goes at once; the other five wait for the end of the window and go together.
    await deliverPendingNotifications({ cfg, now: new Date(t0.getTime() + 60_000), log: quiet });
    expect(mine()).toHaveLength(1);
    await deliverPendingNotifications({ cfg, now: new Date(t0.getTime() + 5 * 60_000), log: quiet });
    expect(mine()).toHaveLength(1);
    await deliverPendingNotifications({ cfg, now: new Date(t0.getTime() + 10 * 60_000 + 1), log: quiet });
    expect(mine()).toHaveLength(2);
    const digest = mine()[1]!.json as { type: string; count: number; text: string };
    expect(digest).toMatchObject({ type: 'alert.digest', count: 5 });
    expect(digest.text).toMatch(/^\[Quan Trắc\] 5 cảnh báo mới: 5 .+ · 2 trạm · xem /);
  });

  it('in-app is on by default for operators and inspectors (not managers); brief and historical alerts notify nobody', async () => {
    const s = await makeScene();
    const operator = await s.user('operator', null, 'operator');
    const manager = await s.user('manager', null, 'manager');
    const cfg = notifierConfig();
    const alertId = await insertAlert(s.stationA.id);
    await notifyAlertEvent(alertId, 'opened', { cfg });
    const users = new Set((await notificationsOf(alertId)).filter((r) => r.channel === 'inapp').map((r) => r.user_id));
    expect(users.has(s.inspector.id)).toBe(true);
    expect(users.has(operator.id)).toBe(true);
    expect(users.has(manager.id)).toBe(false);

    const { pool } = await import('@/lib/db/client');
    const brief = await insertAlert(s.stationA.id, { parameter: 'TSS' });
    await pool().query('UPDATE alert SET confirmed = false WHERE id = $1', [brief]);
    const historical = await insertAlert(s.stationA.id, { parameter: 'NH4' });
    await pool().query('UPDATE alert SET historical = true WHERE id = $1', [historical]);
    for (const id of [brief, historical]) {
      await notifyAlertEvent(id, 'opened', { cfg });
      expect(await notificationsOf(id)).toEqual([]);
    }
  });

  it('an exceedance still pending review past its due date notifies every manager in-app, once', async () => {
    const s = await makeScene();
    const manager = await s.user('manager', null, 'manager');
    const { pool } = await import('@/lib/db/client');
    const alertId = await insertAlert(s.stationA.id, { kind: 'compliance_exceedance', disposition: 'pending_review' });
    const due = new Date(Date.now() - 60_000);
    await pool().query('UPDATE alert SET due_at = $2 WHERE id = $1', [alertId, due]);
    const done = await insertAlert(s.stationA.id, { kind: 'compliance_exceedance', parameter: 'TSS', disposition: 'confirmed_violation' });
    await pool().query('UPDATE alert SET due_at = $2 WHERE id = $1', [done, due]);
    expect(await notifyOverdueDispositions()).toBeGreaterThan(0);
    const mine = (await notificationsOf(alertId)).filter((r) => r.user_id === manager.id);
    expect(mine).toMatchObject([{ channel: 'inapp', event_type: 'overdue' }]);
    expect(await notificationsOf(done)).toEqual([]);
    await notifyOverdueDispositions();
    expect((await notificationsOf(alertId)).filter((r) => r.user_id === manager.id)).toHaveLength(1);
  });

  it('the global WEBHOOK_URL receives every notifiable event; suppressed alerts notify nobody', async () => {
    const s = await makeScene();
    const cfg = notifierConfig({ WEBHOOK_URL: `${hook.url}?global=1` });
    const alertId = await insertAlert(s.stationB.id, { kind: 'offline', parameter: null, peak: undefined });
    await notifyAlertEvent(alertId, 'opened', { cfg });
    expect((await notificationsOf(alertId)).filter((r) => r.user_id == null)).toMatchObject([{ channel: 'webhook', target: `${hook.url}?global=1` }]);

    const quietAlert = await insertAlert(s.stationB.id, { kind: 'device_error', suppressed: true });
    await notifyAlertEvent(quietAlert, 'opened', { cfg });
    expect(await notificationsOf(quietAlert)).toHaveLength(0);
  });
});
