/**
 * Security round 2, finding 2 (SSRF through personal webhooks): webhooks are for staff only; a target resolving to a
 * loopback, private or link-local address is refused at save and at send (the connection's own DNS lookup is
 * checked, so a host that re-resolves to 127.0.0.1 after the save check reaches nothing) unless an admin allow-lists
 * it. Against a real local HTTP receiver and the real database.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';

import { disconnectDb } from '@/lib/db/client';
import { postWebhook, saveSubscriptionSettings, setWebhookAllowListAsAdmin, webhookTargetProblem } from '@/lib/services/notifications';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { makeScene, notifierConfig, subscribe, insertAlert, insertEvent, notificationsOf } from './notifications-helpers';
import { deliverPendingNotifications, processAlertEvents } from '@/lib/services/notifications';

const ADMIN = { email: 'admin@security2.test', role: 'admin' as const };
let hook: WebhookReceiver;

beforeAll(async () => {
  hook = await startWebhookReceiver();
  await setWebhookAllowListAsAdmin(ADMIN, []);
});

afterAll(async () => {
  await setWebhookAllowListAsAdmin(ADMIN, ['127.0.0.1']);
  await hook?.stop();
  await disconnectDb();
});

const form = (webhookUrl: string) => ({ allStations: true, stationIds: [], kinds: [], channels: ['webhook'], webhookUrl });

describe('webhook targets', () => {
  it('a facility user cannot save a webhook at all', async () => {
    const s = await makeScene();
    const u = s.facilityUserA;
    await expect(saveSubscriptionSettings({ id: u.id, email: u.email, role: 'facility', facilityId: u.facilityId }, form('https://8.8.8.8/hook'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it.each([
    ['loopback by address', 'http://127.0.0.1:3300/x'],
    ['loopback by name', 'http://localhost:3300/x'],
    ['cloud metadata (link-local)', 'http://169.254.169.254/latest'],
    ['private network', 'http://192.168.1.10/x'],
    ['IPv6 loopback', 'http://[::1]:3300/x'],
    ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/x'],
  ])('staff cannot save %s', async (_label, url) => {
    const s = await makeScene();
    const u = s.inspector;
    await expect(saveSubscriptionSettings({ id: u.id, email: u.email, role: 'inspector', facilityId: null }, form(url))).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('an admin allow-list lets a private target through', async () => {
    expect(await webhookTargetProblem('http://127.0.0.1:3300/x', ['127.0.0.0/8'])).toBeNull();
    expect(await webhookTargetProblem('http://gateway.lan/x', ['gateway.lan'], async () => [{ address: '10.0.0.5', family: 4 }])).toBeNull();
    expect(await webhookTargetProblem('http://gateway.lan/x', [], async () => [{ address: '10.0.0.5', family: 4 }])).toMatch(/non-public/);
  });

  it('DNS rebinding: a host that resolves publicly at the check and to loopback at connect reaches nothing', async () => {
    const before = hook.requests.length;
    let calls = 0;
    const rebinding = async () => (calls++ === 0 ? [{ address: '93.184.216.34', family: 4 }] : [{ address: '127.0.0.1', family: 4 }]);
    const port = new URL(hook.url).port;
    const r = await postWebhook(`http://rebind.example:${port}/hook`, { ping: 1 }, { timeoutMs: 2000, resolve: rebinding });
    expect(r).toMatchObject({ ok: false, status: null });
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(hook.requests.length).toBe(before);
  });

  it('at send time a stored loopback webhook (saved before this check) is refused, and nothing is posted', async () => {
    const s = await makeScene();
    await subscribe(s.inspector.id, ['webhook'], { stationId: s.stationA.id, webhookUrl: hook.url });
    const alertId = await insertAlert(s.stationA.id, { kind: 'compliance_exceedance', basis: '24h', average: 162.5, peak: 190, limit: 150, openedAt: new Date('2024-05-24T03:05:00Z') });
    await insertEvent(alertId, 'opened');
    const cfg = notifierConfig();
    await processAlertEvents({ cfg });
    await deliverPendingNotifications({ cfg, log: () => undefined });
    expect(hook.requests.filter((r) => (r.json as { alert?: { id?: number } } | null)?.alert?.id === alertId)).toHaveLength(0);
    const rows = (await notificationsOf(alertId)).filter((r) => r.user_id === s.inspector.id);
    expect(rows[0]).toMatchObject({ channel: 'webhook' });
    expect(rows[0]!.status).not.toBe('sent');
  });

  it('a facility user’s stored webhook subscription produces no webhook notification', async () => {
    const s = await makeScene();
    await setWebhookAllowListAsAdmin(ADMIN, ['127.0.0.1']);
    await subscribe(s.facilityUserA.id, ['webhook'], { stationId: s.stationA.id, webhookUrl: hook.url });
    const alertId = await insertAlert(s.stationA.id, { kind: 'compliance_exceedance', basis: '24h', average: 162.5, peak: 190, limit: 150, openedAt: new Date('2024-05-24T03:05:00Z') });
    await insertEvent(alertId, 'opened');
    const cfg = notifierConfig();
    await processAlertEvents({ cfg });
    await deliverPendingNotifications({ cfg, log: () => undefined });
    expect((await notificationsOf(alertId)).filter((r) => r.user_id === s.facilityUserA.id && r.channel === 'webhook')).toHaveLength(0);
    await setWebhookAllowListAsAdmin(ADMIN, []);
  });
});
