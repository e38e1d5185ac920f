import { afterAll, describe, expect, it, inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';

import { disconnectDb, pool } from '@/lib/db/client';
import type { Role } from '@/lib/db/users';
import { getSubscriptionSettings, saveSubscriptionSettings } from '@/lib/services/notifications';
import { makeScene } from './notifications-helpers';

afterAll(async () => {
  await disconnectDb();
});

const actor = (u: { id: number; email: string; role: string; facilityId: number | null }) => ({ ...u, role: u.role as Role });

describe('per-user notification subscriptions', () => {
  it('saves chosen stations, kinds, channels and webhook as one setting, and audits the change', async () => {
    const s = await makeScene();
    const input = { allStations: false, stationIds: [s.stationA.id, s.stationB.id], kinds: ['compliance_exceedance', 'offline'], channels: ['email', 'webhook'], webhookUrl: 'https://203.0.113.10/hook' };
    const saved = await saveSubscriptionSettings(actor(s.inspector), input);
    expect(saved).toEqual({ ...input, stationIds: [s.stationA.id, s.stationB.id] });
    const rows = await pool().query(`SELECT station_id FROM notification_subscription WHERE user_id = $1 ORDER BY station_id`, [s.inspector.id]);
    expect(rows.rows.map((r: { station_id: number }) => r.station_id)).toEqual([s.stationA.id, s.stationB.id]);
    const audit = await pool().query(`SELECT action, actor FROM audit_log WHERE entity = 'app_user' AND entity_id = $1`, [String(s.inspector.id)]);
    expect(audit.rows).toEqual([{ action: 'notification.subscriptions.update', actor: s.inspector.email }]);

    // All stations; no channel = unsubscribed.
    expect(await saveSubscriptionSettings(actor(s.inspector), { ...input, allStations: true, stationIds: [] })).toMatchObject({ allStations: true, stationIds: [] });
    await saveSubscriptionSettings(actor(s.inspector), { allStations: true, stationIds: [], kinds: [], channels: [], webhookUrl: null });
    expect(await getSubscriptionSettings(s.inspector.id)).toEqual({ allStations: true, stationIds: [], kinds: [], channels: [], webhookUrl: null });
  });

  it.each([
    ['webhook without URL', { allStations: true, stationIds: [], kinds: [], channels: ['webhook'], webhookUrl: null }],
    ['non-http webhook', { allStations: true, stationIds: [], kinds: [], channels: ['webhook'], webhookUrl: 'ftp://x/y' }],
    ['unknown channel', { allStations: true, stationIds: [], kinds: [], channels: ['sms'], webhookUrl: null }],
    ['unknown kind', { allStations: true, stationIds: [], kinds: ['flood'], channels: ['inapp'], webhookUrl: null }],
    ['chosen stations but none chosen', { allStations: false, stationIds: [], kinds: [], channels: ['inapp'], webhookUrl: null }],
  ])('refuses %s', async (_label, input) => {
    const s = await makeScene();
    await expect(saveSubscriptionSettings(actor(s.inspector), input)).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it("a facility user cannot subscribe to another facility's station", async () => {
    const s = await makeScene();
    await expect(
      saveSubscriptionSettings(actor(s.facilityUserA), { allStations: false, stationIds: [s.stationB.id], kinds: [], channels: ['inapp'], webhookUrl: null }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      saveSubscriptionSettings(actor(s.facilityUserA), { allStations: false, stationIds: [s.stationA.id], kinds: [], channels: ['inapp'], webhookUrl: null }),
    ).resolves.toMatchObject({ stationIds: [s.stationA.id] });
  });
});
