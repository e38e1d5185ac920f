import { deliverPendingNotifications, notifyOverdueDispositions, processAlertEvents } from '../../lib/services/notifications';
import type { Schedule } from '../job-loop';

/** Turns new alert events into notifications (cursor over alert_event), then sends due e-mails and webhooks. */
export const notificationsSchedule: Schedule = {
  name: 'notifications',
  everyMs: 10_000,
  run: async (ctx) => {
    const made = await processAlertEvents({ now: ctx.now() });
    if (made && made.notifications > 0) ctx.log(`notifications: ${made.notifications} created from ${made.events} alert events`);
    const overdue = await notifyOverdueDispositions({ now: ctx.now() });
    if (overdue > 0) ctx.log(`notifications: ${overdue} overdue-disposition notices to managers`);
    const sent = await deliverPendingNotifications({ now: ctx.now(), log: ctx.log });
    if (sent.sent + sent.retried + sent.failed > 0) {
      ctx.log(`notifications: ${sent.sent} sent, ${sent.retried} to retry, ${sent.failed} failed`);
    }
  },
};
