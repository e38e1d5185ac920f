import { countFlagsByDay, listFlaggedReadings, listStationFlagged, type FlaggedReading } from '../../db/qc';
import type { ParameterReadingRow } from '../../db/readings';
import { listStations } from '../../db/stations';
import { QC_FLAGS, qcFlagName, type QcFlagName } from '../../domain/qc-flags';
import { getQcStationOrThrow } from './overlays';
import type { ViewerScope } from '../stations';

export type { FlaggedReading };

/** Read models of the QC views: flag counts per day, the review queue of failed readings, flagged periods. */
export type FlagDayRow = { day: string } & Record<QcFlagName, number>;

async function visibleStationIds(scope: ViewerScope, stationCode?: string): Promise<number[] | null> {
  if (stationCode) return [(await getQcStationOrThrow(stationCode, scope)).id];
  if (scope.facilityId === null) return null;
  return (await listStations({ facilityId: scope.facilityId })).map((s) => s.id);
}

/** Readings per local day and flag for [from, to), one row per day that has any (days labelled as in DOMAIN.md §5). */
export async function flagCountsService(scope: ViewerScope, q: { from: Date; to: Date; station?: string }): Promise<FlagDayRow[]> {
  const ids = await visibleStationIds(scope, q.station);
  const rows = await countFlagsByDay(q.from, q.to, ids);
  const byDay = new Map<string, FlagDayRow>();
  for (const r of rows) {
    let d = byDay.get(r.day);
    if (!d) {
      d = { day: r.day, good: 0, not_evaluated: 0, suspect: 0, fail: 0, missing: 0 };
      byDay.set(r.day, d);
    }
    d[qcFlagName(r.flag)] += r.count;
  }
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

/** Readings that failed QC (flag fail) in [from, to), newest first. */
export async function reviewQueueService(
  scope: ViewerScope,
  q: { from: Date; to: Date; station?: string; parameter?: string; limit: number; before?: Date },
): Promise<{ items: FlaggedReading[]; next: Date | null }> {
  const ids = await visibleStationIds(scope, q.station);
  const to = q.before && q.before < q.to ? q.before : q.to;
  const rows = await listFlaggedReadings({
    flags: [QC_FLAGS.fail],
    from: q.from,
    to,
    stationIds: ids,
    parameter: q.parameter?.toUpperCase(),
    limit: q.limit + 1,
  });
  const items = rows.slice(0, q.limit);
  // Time-keyed pages: rows sharing the last time are held back to the next page so none is skipped.
  if (rows.length > q.limit) {
    const last = items.at(-1)!.time.getTime();
    const kept = items.filter((r) => r.time.getTime() !== last);
    if (kept.length > 0) return { items: kept, next: new Date(last + 1) };
  }
  return { items, next: null };
}

export type FlaggedPeriod = {
  parameter: string;
  from: Date;
  to: Date;
  /** Worst QC flag in the period (suspect or fail) or, for device periods, not_evaluated. */
  flag: QcFlagName;
  reasons: string[];
  count: number;
};

const SEVERITY: Record<QcFlagName, number> = { missing: 0, not_evaluated: 1, good: 2, suspect: 3, fail: 4 };

/**
 * Groups one station's flagged readings (sorted by parameter, time) into periods: consecutive flagged readings of a
 * parameter no more than `maxGapMs` apart form one period with the union of their reasons and the worst flag.
 */
export function groupFlaggedPeriods(rows: readonly Pick<ParameterReadingRow, 'parameter' | 'time' | 'qcFlag' | 'qcReasons'>[], maxGapMs: number): FlaggedPeriod[] {
  const out: FlaggedPeriod[] = [];
  let cur: (FlaggedPeriod & { reasonSet: Set<string> }) | null = null;
  for (const r of rows) {
    const flag = qcFlagName(r.qcFlag);
    if (cur && cur.parameter === r.parameter && r.time.getTime() - cur.to.getTime() <= maxGapMs) {
      cur.to = r.time;
      cur.count += 1;
      r.qcReasons.forEach((x) => cur!.reasonSet.add(x));
      if (SEVERITY[flag] > SEVERITY[cur.flag]) cur.flag = flag;
      continue;
    }
    if (cur) out.push(finish(cur));
    cur = { parameter: r.parameter, from: r.time, to: r.time, flag, reasons: [], count: 1, reasonSet: new Set(r.qcReasons) };
  }
  if (cur) out.push(finish(cur));
  return out;
}

function finish(p: FlaggedPeriod & { reasonSet: Set<string> }): FlaggedPeriod {
  return { parameter: p.parameter, from: p.from, to: p.to, flag: p.flag, reasons: [...p.reasonSet].sort(), count: p.count };
}

/** Flagged periods (suspect, fail or device not measuring) of a station in [from, to), per parameter. */
export async function stationFlaggedPeriodsService(
  code: string,
  scope: ViewerScope,
  q: { from: Date; to: Date; limit?: number },
): Promise<{ station: { id: number; code: string; intervalMinutes: number }; periods: FlaggedPeriod[]; truncated: boolean }> {
  const s = await getQcStationOrThrow(code, scope);
  const limit = q.limit ?? 20_000;
  const rows = await listStationFlagged(s.id, q.from, q.to, limit + 1);
  const periods = groupFlaggedPeriods(rows.slice(0, limit), 2 * s.intervalMinutes * 60_000);
  return { station: { id: s.id, code: s.code, intervalMinutes: s.intervalMinutes }, periods, truncated: rows.length > limit };
}
