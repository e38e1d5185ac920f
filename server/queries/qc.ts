import 'server-only';
import { notFound } from 'next/navigation';
import { listStations } from '@/lib/db/stations';
import { DAY_MS, formatIsoLocal, localDayKey, startOfLocalDay } from '@/lib/domain/time';
import { qcFlagName } from '@/lib/domain/qc-flags';
import { isAppError } from '@/lib/errors';
import { listOverlaysService } from '@/lib/services/qc';
import { getQcSettingsService, type QcParameterSettings } from '@/lib/services/qc';
import { flagCountsService, reviewQueueService, stationFlaggedPeriodsService } from '@/lib/services/qc';
import { toOverlayDto, toPeriodDto } from '@/server/api/dto';
import { requireUser } from '@/server/auth/session';
import { scopeFor } from '@/lib/services/stations';

/** Page reads of the QC views (/qc, /qc/[code]): authorised here, scoped to what the user may see, DTOs with ISO times. */
const CHART_DAYS = 14;
const QUEUE_SIZE = 50;
const PERIOD_DAYS = 7;

export const OVERLAY_ROLES = ['operator', 'inspector', 'admin'] as const;

export type FlagDay = { day: string; good: number; suspect: number; fail: number; not_evaluated: number; missing: number };
export type ReviewItem = { station: string; stationName: string; parameter: string; time: string; value: number; flag: string; reasons: string[] };

/** Local days (yyyy-MM-dd) of the last `n` days ending today, oldest first. */
function lastDays(now: Date, n: number): string[] {
  return Array.from({ length: n }, (_, i) => localDayKey(startOfLocalDay(now, i - (n - 1))));
}

export async function getQcOverview(now: Date = new Date()) {
  const user = await requireUser();
  const scope = scopeFor(user);
  const days = lastDays(now, CHART_DAYS);
  const from = startOfLocalDay(now, -(CHART_DAYS - 1));
  const [counts, queue, stations] = await Promise.all([
    flagCountsService(scope, { from, to: now }),
    reviewQueueService(scope, { from, to: now, limit: QUEUE_SIZE }),
    listStations({ facilityId: scope.facilityId }),
  ]);
  const byDay = new Map(counts.map((c) => [c.day, c]));
  const chart: FlagDay[] = days.map((day) => {
    const c = byDay.get(day);
    return { day, good: c?.good ?? 0, suspect: c?.suspect ?? 0, fail: c?.fail ?? 0, not_evaluated: c?.not_evaluated ?? 0, missing: c?.missing ?? 0 };
  });
  const review: ReviewItem[] = queue.items.map((r) => ({
    station: r.stationCode,
    stationName: r.stationName,
    parameter: r.parameter,
    time: formatIsoLocal(r.time),
    value: r.value,
    flag: qcFlagName(r.qcFlag),
    reasons: r.qcReasons,
  }));
  return {
    chart,
    review,
    moreInQueue: queue.next !== null,
    stations: stations.map((s) => ({ code: s.code, name: s.name, facility: s.facility.name })),
  };
}

export async function getQcStationPage(code: string, now: Date = new Date()) {
  const user = await requireUser();
  const scope = scopeFor(user);
  let overlays;
  try {
    overlays = await listOverlaysService(code, scope, { limit: 100 });
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
  const station = overlays.station;
  const from = new Date(now.getTime() - PERIOD_DAYS * DAY_MS);
  const [periods, settings] = await Promise.all([
    stationFlaggedPeriodsService(code, scope, { from, to: now }),
    user.role === 'admin' ? getQcSettingsService(code, scope) : Promise.resolve(null),
  ]);
  const stationRow = (await listStations({ codes: [station.code] }))[0];
  return {
    station: { code: station.code, name: stationRow?.name ?? station.code, kind: station.kind, parameters: station.parameters.map((p) => p.parameter) },
    canOverlay: (OVERLAY_ROLES as readonly string[]).includes(user.role),
    isAdmin: user.role === 'admin',
    periodDays: PERIOD_DAYS,
    periods: periods.periods.map(toPeriodDto),
    periodsTruncated: periods.truncated,
    overlays: overlays.items.map((o) => toOverlayDto(o, station.code)),
    settings: settings ? { parameters: settings.parameters satisfies QcParameterSettings[], pendingJobs: settings.pendingJobs } : null,
  };
}
