import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';

import { sendMail } from '@/lib/services/notifications';
import { deliverPendingNotifications, listInappForUser, markInappNotificationsRead, notifyAlertEvent, processAlertEvents } from '@/lib/services/notifications';
import { startSmtpServer, type SmtpTestServer } from '../support/smtp-server';
import { closeMailAndDb, insertAlert, insertEvent, makeScene, notificationsOf, notifierConfig, subscribe } from './notifications-helpers';

let smtp: SmtpTestServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
});

afterAll(() => closeMailAndDb(smtp));

describe('e-mail notifications through a real SMTP server process', () => {
  it('the mailer delivers a Vietnamese message to the SMTP child process', async () => {
    expect(smtp.pid).toBeGreaterThan(0);
    expect(smtp.pid).not.toBe(process.pid);
    const cfg = notifierConfig({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'Quan Trắc <canhbao@quantrac.test>' });
    const before = smtp.messages().length;
    await sendMail(cfg, { to: 'nguoi.nhan@quantrac.test', subject: 'Thử nghiệm: vượt ngưỡng COD', text: 'Giá trị 182,4 mg/L vượt giới hạn 150 mg/L.' });
    const all = await smtp.waitForMessages(before + 1);
    const m = all[all.length - 1]!;
    expect(m.to).toEqual(['nguoi.nhan@quantrac.test']);
    expect(m.from).toBe('canhbao@quantrac.test');
    expect(m.subject).toBe('Thử nghiệm: vượt ngưỡng COD');
    expect(m.text).toContain('Giá trị 182,4 mg/L vượt giới hạn 150 mg/L.');
  });

  it('an opened alert reaches a subscribed user by e-mail with station, parameter, value, limit, local time and link', async () => {
    const s = await makeScene();
    // Station-scoped, so later tests' alerts elsewhere do not reach this user.
    await subscribe(s.inspector.id, ['email', 'inapp'], { stationId: s.stationA.id });
    // 2024-05-24 03:05 UTC = 10:05 in Vietnam.
    const alertId = await insertAlert(s.stationA.id, { peak: 182.4, limit: 150, openedAt: new Date('2024-05-24T03:05:00Z') });
    await insertEvent(alertId, 'opened');
    const cfg = notifierConfig({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) });

    const made = await processAlertEvents({ cfg });
    expect(made?.notifications).toBeGreaterThanOrEqual(2);
    const rows = await notificationsOf(alertId);
    expect(rows.filter((r) => r.user_id === s.inspector.id).map((r) => [r.user_id, r.channel, r.status])).toEqual([
      [s.inspector.id, 'email', 'pending'],
      [s.inspector.id, 'inapp', 'sent'],
    ]);

    const before = smtp.messages().length;
    await deliverPendingNotifications({ cfg, log: () => undefined });
    const after = await notificationsOf(alertId);
    expect(after.find((r) => r.channel === 'email')).toMatchObject({ status: 'sent', attempts: 1, last_error: null });

    const mails = (await smtp.waitForMessages(before + 1)).filter((m) => m.to.includes(s.inspector.email));
    expect(mails).toHaveLength(1);
    const m = mails[0]!;
    expect(m.subject).toBe(`[Quan Trắc] Cảnh báo mới: Vượt ngưỡng tức thời — COD tại ${s.stationA.name}`);
    expect(m.text).toContain(`Trạm: ${s.stationA.name} (${s.stationA.code})`);
    expect(m.text).toContain('Thông số: COD');
    expect(m.text).toContain('Giá trị: 182,4 mg/L (giá trị 5 phút)');
    expect(m.text).toContain('Giới hạn: 150,0 mg/L');
    expect(m.text).toContain('Thời điểm phát hiện: 24/05/2024 10:05 (giờ Việt Nam)');
    expect(m.text).toContain(`Xem chi tiết: http://quantrac.test/alerts/${alertId}`);

    // The same event again (engine call + poll) does not notify twice.
    expect(await notifyAlertEvent(alertId, 'opened', { cfg })).toBe(0);
    expect(await notificationsOf(alertId)).toHaveLength(rows.length);

    // In-app: unread until marked read.
    const bell = await listInappForUser(s.inspector.id);
    expect(bell.unread).toBe(1);
    expect(bell.items[0]).toMatchObject({ alertId, stationCode: s.stationA.code, kind: 'instant_exceedance', read: false });
    expect(await markInappNotificationsRead(s.inspector.id, 'all')).toBe(1);
    expect((await listInappForUser(s.inspector.id)).unread).toBe(0);
  });

  it('facility users hear only about their own stations; kind and station filters apply', async () => {
    const s = await makeScene();
    await subscribe(s.facilityUserA.id, ['inapp']);
    await subscribe(s.facilityUserB.id, ['inapp']);
    await subscribe(s.inspector.id, ['inapp'], { kinds: ['offline'] });
    const alertId = await insertAlert(s.stationA.id);
    await notifyAlertEvent(alertId, 'opened', { cfg: notifierConfig() });
    // Other tests' users may subscribe to everything: look at this scene's users only.
    const mine = new Set([s.inspector.id, s.facilityUserA.id, s.facilityUserB.id]);
    const ofScene = async (id: number) => (await notificationsOf(id)).map((r) => r.user_id).filter((u) => u != null && mine.has(u));
    expect(await ofScene(alertId)).toEqual([s.facilityUserA.id]);

    await subscribe(s.inspector.id, ['inapp'], { stationId: s.stationB.id });
    const other = await insertAlert(s.stationA.id, { kind: 'approaching' });
    await notifyAlertEvent(other, 'opened', { cfg: notifierConfig() });
    expect(await ofScene(other)).toEqual([s.facilityUserA.id]);
  });

  it('an unreachable SMTP server leaves the e-mail pending with the reason and a back-off, then failed after the last attempt', async () => {
    const s = await makeScene();
    await subscribe(s.inspector.id, ['email'], { stationId: s.stationA.id });
    const alertId = await insertAlert(s.stationA.id);
    const cfg = notifierConfig({ SMTP_HOST: '127.0.0.1', SMTP_PORT: '1', NOTIFY_MAX_ATTEMPTS: '2' });
    await notifyAlertEvent(alertId, 'opened', { cfg });
    const t0 = new Date();
    await deliverPendingNotifications({ cfg, now: t0, log: () => undefined });
    const first = (await notificationsOf(alertId)).find((r) => r.user_id === s.inspector.id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    expect(first!.last_error).toMatch(/ECONNREFUSED|connect/i);
    // Not due again within the back-off (1 minute).
    await deliverPendingNotifications({ cfg, now: new Date(t0.getTime() + 30_000), log: () => undefined });
    const mine = async () => (await notificationsOf(alertId)).find((r) => r.user_id === s.inspector.id);
    expect((await mine())!.attempts).toBe(1);
    await deliverPendingNotifications({ cfg, now: new Date(t0.getTime() + 61_000), log: () => undefined });
    expect(await mine()).toMatchObject({ status: 'failed', attempts: 2 });
  });
});
