/**
 * Monthly report e-mail scheduler: every 10 minutes (and shortly after start) checks whether last month's reports are
 * due (MONTHLY_REPORT_DAY / MONTHLY_REPORT_HOUR, Asia/Ho_Chi_Minh) and sends them to subscribers not yet served.
 * Idempotency lives in the service's report_send ledger, so restarts and several workers never send a month twice.
 */
import type { Env } from '../lib/env';
import { runMonthlyReportsIfDue } from '../lib/services/reports';
import { startSchedules, type Schedule } from './job-loop';
import type { Log } from './spool';

export function monthlyReportsSchedule(cfg: Env, everyMs = 10 * 60_000): Schedule {
  return {
    name: 'monthly-reports',
    everyMs,
    run: async (ctx) => {
      if (!cfg.SMTP_HOST) return;
      const r = await runMonthlyReportsIfDue({ cfg, now: ctx.now(), log: ctx.log });
      if (r && r.sent + r.failed > 0)
        ctx.log(`monthly reports ${r.month}: ${r.sent} sent, ${r.failed} failed, ${r.skipped} already done`);
    },
  };
}

export function startMonthlyReports(opts: { env: Env; log: Log; everyMs?: number }): { stop(): Promise<void> } {
  return startSchedules([monthlyReportsSchedule(opts.env, opts.everyMs)], opts.log);
}
