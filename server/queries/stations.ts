import 'server-only';
import { notFound } from 'next/navigation';
import { listChartAverages, listChartRawDownsampled, listStatusPeriods } from '@/lib/db/monitoring';
import { listOutages } from '@/lib/db/outages';
import { findStationByCode } from '@/lib/db/stations';
import { resolveChartWindow, type ChartRange, type ChartResolution } from '@/lib/domain/chart-range';
import { downsampleMinMax, MAX_CHART_POINTS } from '@/lib/domain/downsample';
import type { Level } from '@/lib/domain/level';
import type { StationKind } from '@/lib/domain/parameters';
import { APPROACHING_RATIO } from '@/lib/domain/level';
import { approachingBands, type StateColors, type ValueBand } from '@/lib/domain/station-state';
import { activeOverlays } from '@/lib/services/overlays';
import { computeLiveState, computeLiveStates, limitsForStation, stateColors } from '@/lib/services/station-state';
import { canSeeFacility, requireUser } from '@/server/auth/session';
import { listVisibleStationRows, toStationSummary, unitAndDecimals, type LatestValue, type StationSummary } from './station-dto';

export type { LatestValue, StationSummary };

/** Every station the signed-in user may see, with its full state (DOMAIN.md §7). */
export async function listStationSummaries(): Promise<StationSummary[]> {
  const user = await requireUser();
  const now = new Date();
  const rows = await listVisibleStationRows(user);
  const live = await computeLiveStates(rows, now);
  return rows.map((s) => toStationSummary(s, live.get(s.id)?.state ?? 'offline'));
}

/** One chart point: time, value (mean for averages), optional min/max band of averages. */
export type ChartPoint = { t: number; v: number | null; lo?: number | null; hi?: number | null };

export type ChartSeries = {
  parameter: string;
  unit: string;
  decimals: number;
  limitMin: number | null;
  limitMax: number | null;
  /** Value ranges where a reading counts as approaching its limit (≥ 80 % of max; both edges of a range like pH). */
  approachingBands: ValueBand[];
  points: ChartPoint[];
  /** Suspect (3) and failed (4) raw readings, drawn as coloured dots. */
  marks: { t: number; v: number; f: number }[];
  totalPoints: number;
};

/**
 * Shaded periods: calibration / maintenance (status 01, 03), device error (02), offline (outage log) and operator
 * invalidations (overlays; `parameters` empty = every parameter).
 */
export type ChartPeriod = {
  start: number;
  end: number;
  kind: 'calibrating' | 'device_error' | 'offline' | 'overlay';
  parameters?: string[];
  note?: string;
};

export type OutageView = { startedAt: string; endedAt: string | null; minutes: number };

export type StationLatestView = LatestValue & { level: Level | null; limitMin: number | null; limitMax: number | null };

export type StationDetail = {
  station: StationSummary;
  kind: StationKind;
  latest: StationLatestView[];
  series: ChartSeries[];
  periods: ChartPeriod[];
  outages: OutageView[];
  colors: StateColors;
  range: ChartRange;
  res: ChartResolution;
  adjusted: boolean;
  fromText: string;
  toText: string;
  from: string;
  to: string;
};

export type ChartQuery = { range?: string; res?: string; from?: string; to?: string };

/**
 * One station with state, latest values (level, limit), charts for the asked window and resolution (each series at
 * most 2,000 points, min/max per bucket), shaded status/offline periods and its outage log; 404 when missing or not
 * the user's.
 */
export async function getStationDetail(code: string, q: ChartQuery = {}): Promise<StationDetail> {
  const user = await requireUser();
  const station = await findStationByCode(code);
  // Same answer for "does not exist" and "not yours": a facility user learns nothing about other facilities.
  if (!station || !canSeeFacility(user, station.facility.id)) notFound();

  const now = new Date();
  const w = resolveChartWindow(q, now.getTime());
  const from = new Date(w.from);
  const to = new Date(w.to);
  const parameters = station.parameters.filter((p) => p.enabled).map((p) => p.parameter);

  const [live, limits, raw, averages, statusPeriods, outages, overlays] = await Promise.all([
    computeLiveState(station, now),
    limitsForStation(station, now),
    w.res === 'raw' ? listChartRawDownsampled(station.id, parameters, from, to, MAX_CHART_POINTS) : Promise.resolve(null),
    w.res !== 'raw' ? listChartAverages(station.id, parameters, from, to, w.res, MAX_CHART_POINTS) : Promise.resolve(null),
    listStatusPeriods(station.id, from, to, station.intervalMinutes, parameters),
    listOutages(station.id, new Date(Math.min(w.from, now.getTime() - 30 * 86_400_000)), 200),
    activeOverlays(station.id, from, to),
  ]);

  const latest: StationLatestView[] = live.latest.map((r) => ({
    parameter: r.parameter,
    value: r.value,
    deviceStatus: r.deviceStatus,
    qcFlag: r.qcFlag,
    time: r.time.toISOString(),
    level: r.level,
    limitMin: r.limit?.min ?? null,
    limitMax: r.limit?.max ?? null,
    ...unitAndDecimals(station, r.parameter),
  }));

  const series: ChartSeries[] = parameters.map((p) => {
    const limit = limits.get(p) ?? { min: null, max: null };
    let points: ChartPoint[];
    let marks: ChartSeries['marks'] = [];
    let total: number;
    if (raw) {
      points = raw.points.get(p) ?? [];
      marks = raw.marks.get(p) ?? [];
      total = raw.counts.get(p) ?? 0;
    } else {
      const rows = (averages?.get(p) ?? []).filter((b) => b.mean !== null).map((b) => ({ t: b.t, v: b.mean ?? 0, lo: b.min, hi: b.max }));
      total = rows.length;
      points = downsampleMinMax(rows, MAX_CHART_POINTS);
    }
    return {
      parameter: p,
      ...unitAndDecimals(station, p),
      limitMin: limit.min,
      limitMax: limit.max,
      approachingBands: approachingBands(limit.min, limit.max, APPROACHING_RATIO),
      points,
      marks,
      totalPoints: total,
    };
  });

  const clip = (start: number, end: number) => ({ start: Math.max(w.from, start), end: Math.min(w.to, end) });
  const periods: ChartPeriod[] = [
    ...statusPeriods.map((x): ChartPeriod => ({ ...clip(x.start, x.end), kind: x.status === '02' ? 'device_error' : 'calibrating' })),
    ...outages
      .filter((o) => (o.endedAt?.getTime() ?? now.getTime()) > w.from && o.startedAt.getTime() < w.to)
      .map((o): ChartPeriod => ({ ...clip(o.startedAt.getTime(), o.endedAt?.getTime() ?? now.getTime()), kind: 'offline' })),
    ...overlays
      .filter((o) => o.action === 'invalidate')
      .map((o): ChartPeriod => ({ ...clip(o.from.getTime(), o.to.getTime()), kind: 'overlay', parameters: o.parameters, note: o.reason })),
  ].filter((x) => x.end > x.start);

  return {
    station: toStationSummary(station, live.state),
    kind: station.kind,
    latest,
    series,
    periods,
    outages: outages.map((o) => ({
      startedAt: o.startedAt.toISOString(),
      endedAt: o.endedAt ? o.endedAt.toISOString() : null,
      minutes: Math.round(((o.endedAt ?? now).getTime() - o.startedAt.getTime()) / 60_000),
    })),
    colors: stateColors(),
    range: w.range,
    res: w.res,
    adjusted: w.adjusted,
    fromText: w.fromText,
    toText: w.toText,
    from: from.toISOString(),
    to: to.toISOString(),
  };
}
