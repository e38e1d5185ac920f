import { z } from 'zod';
import {
  claimMonthlySend,
  finishMonthlySend,
  findMonthlySubscription,
  listMonthlySubscribers,
  upsertMonthlySubscription,
  type MonthlySubscriber,
} from '../../db/reports';
import { formatPercent } from '../../domain/format';
import type { Env } from '../../env';
import { AppError } from '../../errors';
import { sendMail, type MailAttachment, type MailConfig } from '../notifications';
import { ALL_STATIONS } from '../stations';
import { completenessDefinition, type CompletenessReport } from './completeness';
import { fileBytes, type ReportContext, type ReportLocale } from './contract';
import { exceedanceDefinition, type ExceedanceData, type ExceedanceSummaryRow } from './exceedances';
import { dueReportMonth, formatMonthKey, monthWindow } from './kpi-month';
import { reportMessages } from './messages';

/**
 * Monthly report e-mail (scheduled by worker/monthly-reports.ts): once the configured day and hour of a month have
 * come (Asia/Ho_Chi_Minh), every subscribed staff user receives last month's completeness and exceedance reports (the
 * same report definitions and XLSX files as /reports) as attachments with a summary in the body. Each month × user is claimed in report_send before sending, so a month
 * is sent once even when the worker restarts or runs twice; failures are retried on later runs (up to MAX_ATTEMPTS).
 */
export const MONTHLY_REPORT_ROLES = ['admin', 'inspector', 'manager', 'operator'] as const;
const MAX_ATTEMPTS = 5;
/** A send claimed by a worker that died before finishing is taken over after this long. */
const STALE_CLAIM_MS = 30 * 60_000;

export type MonthlyReportConfig = MailConfig &
  Pick<Env, 'KPI_THRESHOLD' | 'MONTHLY_REPORT_DAY' | 'MONTHLY_REPORT_HOUR'>;
export type MonthlySendSummary = { month: string; subscribers: number; sent: number; failed: number; skipped: number };

// ── per-user setting ──

export async function getMonthlySubscription(userId: number): Promise<boolean> {
  return findMonthlySubscription(userId);
}

export const monthlySubscriptionInput = z.object({ monthlyEmail: z.boolean() });

/** Staff only: a facility user's scope is one facility, and the monthly e-mail carries the whole province. */
export async function setMonthlySubscription(user: { id: number; role: string }, raw: unknown): Promise<void> {
  const q = monthlySubscriptionInput.parse(raw);
  if (!(MONTHLY_REPORT_ROLES as readonly string[]).includes(user.role)) {
    throw new AppError('FORBIDDEN', 'monthly report e-mail is for department staff');
  }
  await upsertMonthlySubscription(user.id, q.monthlyEmail);
}

// ── content ──

type MonthlyContent = { completeness: CompletenessReport; exceedances: ExceedanceData };

/** The whole province (the e-mail goes to department staff only), as the reports' own queries load it. */
function mailContext(threshold: number, now: Date, locale: ReportLocale): ReportContext {
  return { scope: ALL_STATIONS, now, threshold, locale, actor: 'system:monthly-reports' };
}

async function loadContent(month: string, threshold: number, now: Date): Promise<MonthlyContent> {
  const w = monthWindow(month);
  const ctx = mailContext(threshold, now, 'vi');
  const [completeness, exceedances] = await Promise.all([
    completenessDefinition.load({ from: w.from, to: w.to, period: 'month' }, ctx),
    exceedanceDefinition.load({ from: w.from, to: w.to, kind: 'all', byMonth: false }, ctx),
  ]);
  return { completeness, exceedances };
}

/** Subject and plain-text body of the monthly e-mail (Vietnamese or English after the user's locale). */
export function monthlyMailText(
  c: MonthlyContent,
  month: string,
  name: string,
  locale: ReportLocale,
): { subject: string; text: string } {
  const m = reportMessages(locale).email;
  const fill = (s: string, v: Record<string, string | number>) =>
    s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? `{${k}}`));
  const mm = formatMonthKey(month);
  const below = c.completeness.stationTotals.filter((s) => s.belowThreshold);
  const ex = c.exceedances.rows;
  const sum = (f: (r: ExceedanceSummaryRow) => number) => ex.reduce((a, r) => a + f(r), 0);
  const lines = [
    fill(m.greeting, { name }),
    '',
    fill(m.intro, { month: mm }),
    '',
    fill(m.completeness, {
      receipt: formatPercent(c.completeness.province.receiptRate, locale),
      valid: formatPercent(c.completeness.province.validRate, locale),
      stations: c.completeness.stationTotals.length,
      below: below.length,
      threshold: formatPercent(c.completeness.threshold, locale),
    }),
    ...(below.length > 0
      ? [
          m.belowList,
          ...below.slice(0, 20).map((s) => `  - ${s.code} ${s.label}: ${formatPercent(s.validRate, locale)}`),
        ]
      : []),
    '',
    fill(m.exceedances, {
      alerts: sum((r) => r.alerts),
      stations: new Set(ex.map((r) => r.stationCode)).size,
      pending: sum((r) => r.pending),
      confirmed: sum((r) => r.confirmed),
    }),
    '',
    m.footer,
  ];
  return { subject: fill(m.subject, { month: mm }), text: lines.join('\n') };
}

async function attachmentsFor(c: MonthlyContent, month: string, threshold: number, now: Date, locale: ReportLocale): Promise<MailAttachment[]> {
  const ctx = mailContext(threshold, now, locale);
  const [a, b] = await Promise.all([
    completenessDefinition.exports.file(c.completeness, 'xlsx', ctx),
    exceedanceDefinition.exports.file(c.exceedances, 'xlsx', ctx),
  ]);
  return [
    { filename: `ty-le-so-lieu-${month}.xlsx`, content: await fileBytes(a), contentType: a.contentType },
    { filename: `vuot-nguong-${month}.xlsx`, content: await fileBytes(b), contentType: b.contentType },
  ];
}

// ── sending ──

/** Sends `month` (yyyy-MM) to every subscriber not yet sent; safe to call any number of times. */
export async function sendMonthlyReports(q: {
  month: string;
  cfg: MonthlyReportConfig;
  now: Date;
  log?: (line: string) => void;
}): Promise<MonthlySendSummary> {
  const subscribers = await listMonthlySubscribers(MONTHLY_REPORT_ROLES);
  const summary: MonthlySendSummary = {
    month: q.month,
    subscribers: subscribers.length,
    sent: 0,
    failed: 0,
    skipped: 0,
  };
  if (subscribers.length === 0) return summary;
  let content: MonthlyContent | null = null;
  const files = new Map<ReportLocale, MailAttachment[]>();
  for (const u of subscribers) {
    if (
      !(await claimMonthlySend({
        month: q.month,
        userId: u.id,
        now: q.now,
        maxAttempts: MAX_ATTEMPTS,
        staleMs: STALE_CLAIM_MS,
      }))
    ) {
      summary.skipped += 1;
      continue;
    }
    try {
      // Built once per run, and only when someone still has to receive it.
      content ??= await loadContent(q.month, q.cfg.KPI_THRESHOLD, q.now);
      const locale: ReportLocale = u.locale === 'en' ? 'en' : 'vi';
      let attachments = files.get(locale);
      if (!attachments) {
        attachments = await attachmentsFor(content, q.month, q.cfg.KPI_THRESHOLD, q.now, locale);
        files.set(locale, attachments);
      }
      const { subject, text } = monthlyMailText(content, q.month, u.name, locale);
      const info = await sendMail(q.cfg, { to: u.email, subject, text, attachments });
      await finishMonthlySend({ month: q.month, userId: u.id, ok: true, at: new Date(), messageId: info.messageId });
      summary.sent += 1;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      await finishMonthlySend({
        month: q.month,
        userId: u.id,
        ok: false,
        at: new Date(),
        error: message.slice(0, 500),
      }).catch(() => undefined);
      summary.failed += 1;
      q.log?.(`monthly reports: sending ${q.month} to ${describe(u)} failed: ${message}`);
    }
  }
  return summary;
}

const describe = (u: MonthlySubscriber) => `user #${u.id}`;

/** The scheduler's tick: sends last month's reports once the configured day/hour has passed; null when not due. */
export async function runMonthlyReportsIfDue(q: {
  cfg: MonthlyReportConfig;
  now: Date;
  log?: (line: string) => void;
}): Promise<MonthlySendSummary | null> {
  const month = dueReportMonth(q.now, q.cfg.MONTHLY_REPORT_DAY, q.cfg.MONTHLY_REPORT_HOUR);
  if (!month) return null;
  return sendMonthlyReports({ month, cfg: q.cfg, now: q.now, ...(q.log ? { log: q.log } : {}) });
}
