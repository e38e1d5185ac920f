import 'server-only';
import { listReceiptDays, listSlotReceipts } from '@/lib/db/monitoring';
import { listOutages, outageStats } from '@/lib/db/outages';
import { findStationByCode } from '@/lib/db/stations';
import { DAY_MS, localDayKey, minutesSince, startOfLocalDay } from '@/lib/domain/time';
import { buildSlotCalendar, expectedReadings, receiptRate, summariseSlots, type SlotDay, type SlotStatus } from '@/lib/domain/receipt';
import { stateRank } from '@/lib/domain/stations/states';
import { computeLiveStates, scopeFor, canSeeFacility, listVisibleStations } from '@/lib/services/stations';
import { requireUser } from '@/server/auth/session';
import { toStationSummary, type StationSummary } from './station-dto';

export type ReceiptWindow = { received: number; expected: number; rate: number | null };

export type ConnectivityRow = StationSummary & {
  delayMinutes: number | null;
  thresholdMinutes: number;
  today: ReceiptWindow;
  week: ReceiptWindow;
  month: ReceiptWindow;
  outages30d: { count: number; minutes: number; open: boolean };
};


/**
 * Each visible station's last file, delay, state, receipt rate (readings received / expected over its parameters)
 * today, over 7 and 30 days, and its outages in 30 days; worst first: state, then lowest 7-day rate, then delay.
 * Counts come from the daily roll-up the worker refreshes every minute (today and yesterday; 30 days hourly), so a
 * full scan of today's readings never runs on a page view.
 */
export async function listConnectivity(): Promise<ConnectivityRow[]> {
  const user = await requireUser();
  const now = new Date();
  const rows = await listVisibleStations(scopeFor(user));
  const ids = rows.map((s) => s.id);
  const today = startOfLocalDay(now);
  const start30 = startOfLocalDay(now, -29);
  const [live, days, outages] = await Promise.all([
    computeLiveStates(rows, now),
    listReceiptDays(ids, localDayKey(start30), localDayKey(today)),
    outageStats(ids, new Date(now.getTime() - 30 * DAY_MS), now),
  ]);
  const byStation = new Map<number, { day: string; readings: number }[]>();
  for (const d of days) byStation.set(d.stationId, [...(byStation.get(d.stationId) ?? []), d]);
  const start7Key = localDayKey(startOfLocalDay(now, -6));
  const todayKey = localDayKey(today);

  const out = rows.map((s): ConnectivityRow => {
    const params = s.parameters.filter((p) => p.enabled).length;
    const exp = (from: Date) =>
      expectedReadings({ from: from.getTime(), to: today.getTime() + DAY_MS, now: now.getTime(), activeFrom: s.activeFrom.getTime(), intervalMinutes: s.intervalMinutes, parameters: params });
    const past = byStation.get(s.id) ?? [];
    const t = past.find((d) => d.day === todayKey)?.readings ?? 0;
    const r7 = past.filter((d) => d.day >= start7Key).reduce((a, d) => a + d.readings, 0);
    const r30 = past.reduce((a, d) => a + d.readings, 0);
    const win = (received: number, expected: number): ReceiptWindow => ({ received, expected, rate: receiptRate(received, expected) });
    return {
      ...toStationSummary(s, live.get(s.id)?.state ?? 'offline'),
      delayMinutes: minutesSince(s.lastFileAt, now),
      thresholdMinutes: s.intervalMinutes + s.graceMinutes,
      today: win(t, exp(today)),
      week: win(r7, exp(startOfLocalDay(now, -6))),
      month: win(r30, exp(start30)),
      outages30d: outages.get(s.id) ?? { count: 0, minutes: 0, open: false },
    };
  });
  return out.sort(
    (a, b) =>
      stateRank(a.state) - stateRank(b.state) ||
      (a.week.rate ?? 2) - (b.week.rate ?? 2) ||
      (b.delayMinutes ?? Number.POSITIVE_INFINITY) - (a.delayMinutes ?? Number.POSITIVE_INFINITY) ||
      a.code.localeCompare(b.code),
  );
}

/** How many visible stations are offline now (for the alerts page). */
export async function countOfflineStations(): Promise<{ offline: number; total: number }> {
  const rows = await listConnectivity();
  return { offline: rows.filter((r) => r.state === 'offline').length, total: rows.length };
}

export type SlotCalendar = {
  station: { code: string; name: string; intervalMinutes: number; graceMinutes: number };
  days: SlotDay[];
  totals: Record<SlotStatus, number>;
  outages: { startedAt: string; endedAt: string | null; minutes: number }[];
  daysShown: number;
  /** When the calendar was made (ms): open outages run to it on the timeline. */
  now: number;
};

/** The expected-file calendar of one station for the last `days` local days (1–31); null when not visible. */
export async function getSlotCalendar(code: string, days: number): Promise<SlotCalendar | null> {
  const user = await requireUser();
  const s = await findStationByCode(code);
  if (!s || !canSeeFacility(scopeFor(user), s.facility.id)) return null;
  const now = new Date();
  const n = Math.min(31, Math.max(1, Math.trunc(days)));
  const first = startOfLocalDay(now, -(n - 1));
  const [received, outages] = await Promise.all([
    listSlotReceipts(s.id, first, startOfLocalDay(now, 1)),
    listOutages(s.id, new Date(now.getTime() - 30 * DAY_MS), 100),
  ]);
  const dayList = Array.from({ length: n }, (_, i) => {
    const start = first.getTime() + i * DAY_MS;
    return { day: localDayKey(new Date(start)), start };
  }).reverse();
  const cal = buildSlotCalendar({ days: dayList, received, intervalMinutes: s.intervalMinutes, graceMinutes: s.graceMinutes, now: now.getTime(), activeFrom: s.activeFrom.getTime() });
  return { station: { code: s.code, name: s.name, intervalMinutes: s.intervalMinutes, graceMinutes: s.graceMinutes }, days: cal,
    totals: summariseSlots(cal),
    outages: outages.map((o) => ({
      startedAt: o.startedAt.toISOString(),
      endedAt: o.endedAt ? o.endedAt.toISOString() : null,
      minutes: Math.round(((o.endedAt ?? now).getTime() - o.startedAt.getTime()) / 60_000),
    })),
    daysShown: n,
    now: now.getTime(),
  };
}
