import 'server-only';
import type { ReconciliationRow } from '@/lib/db/forwarding';
import { DAY_MS, formatIsoLocal, formatIsoLocalOrNull, localDayBounds, localDayKey, parseLocalDate, startOfLocalDay } from '@/lib/domain/time';
import { forwardingStatusService, listTargetsService, targetSettings, type ForwardTargetView } from '@/lib/services/forwarding';
import { requireUser, STAFF_ROLES } from '@/server/auth/session';
import type { ForwardingStatusDto, ForwardTargetDto } from '@/lib/dto/forwarding';

export type { ForwardTargetDto, ForwardingStatusDto };

export function toForwardTargetDto(t: ForwardTargetView, now: Date): ForwardTargetDto {
  return {
    id: t.id,
    ...targetSettings(t),
    health: {
      lastSuccessAt: formatIsoLocalOrNull(t.lastSuccessAt),
      lastError: t.lastError,
      lastErrorAt: formatIsoLocalOrNull(t.lastErrorAt),
      queueDepth: t.queue.depth,
      pending: t.queue.pending,
      failed: t.queue.failed,
      oldestPendingAt: formatIsoLocalOrNull(t.queue.oldestQueuedAt),
      oldestPendingAgeSeconds: t.queue.oldestQueuedAt ? Math.max(0, Math.round((now.getTime() - t.queue.oldestQueuedAt.getTime()) / 1000)) : null,
      nextTryAt: formatIsoLocalOrNull(t.queue.nextTryAt),
    },
    createdAt: formatIsoLocal(t.createdAt),
    updatedAt: formatIsoLocal(t.updatedAt),
  };
}

export function toForwardingStatusDto(r: ReconciliationRow): ForwardingStatusDto {
  return { station: r.stationCode, day: r.day, received: r.received, forwarded: r.forwarded, pending: r.pending, failed: r.failed, notQueued: r.notQueued };
}

export type ForwardingPageData = {
  canManage: boolean;
  canResend: boolean;
  targets: ForwardTargetDto[];
  rows: ForwardingStatusDto[];
  from: string;
  to: string;
  totals: { received: number; forwarded: number; pending: number; failed: number; notQueued: number };
};

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** `from`/`to` are local dates (yyyy-MM-dd, both inclusive); default the last 7 days. */
export async function getForwardingPage(q: { from?: string; to?: string; target?: string }): Promise<ForwardingPageData> {
  const user = await requireUser(STAFF_ROLES);
  const now = new Date();
  const toDay = q.to && DAY_RE.test(q.to) && parseLocalDate(q.to) ? q.to : localDayKey(now);
  const fromDay = q.from && DAY_RE.test(q.from) && parseLocalDate(q.from) ? q.from : localDayKey(startOfLocalDay(now, -6));
  const from = localDayBounds(fromDay).start;
  const to = localDayBounds(toDay).end;
  const target = q.target && /^\d+$/.test(q.target) ? Number(q.target) : undefined;
  const valid = from < to && to.getTime() - from.getTime() <= 366 * DAY_MS;
  const [targets, rows] = await Promise.all([
    listTargetsService(),
    valid ? forwardingStatusService({ from, to, target }).catch(() => []) : Promise.resolve([]),
  ]);
  const dtos = rows.map(toForwardingStatusDto);
  const totals = dtos.reduce(
    (a, r) => ({ received: a.received + r.received, forwarded: a.forwarded + r.forwarded, pending: a.pending + r.pending, failed: a.failed + r.failed, notQueued: a.notQueued + r.notQueued }),
    { received: 0, forwarded: 0, pending: 0, failed: 0, notQueued: 0 },
  );
  return {
    canManage: user.role === 'admin',
    canResend: user.role === 'admin' || user.role === 'operator',
    targets: targets.map((t) => toForwardTargetDto(t, now)),
    rows: dtos,
    from: fromDay,
    to: toDay,
    totals,
  };
}
