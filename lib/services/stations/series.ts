/**
 * A station's series: the one read behind both the readings API and the station page's charts. Averages always come
 * from the stored tables (avg_hour, avg_day) that the recompute job maintains with AVERAGE_COMPLETE_RATIO, so the API
 * and the page show the same means and completeness; raw validity includes operator overlays.
 */
import { listAggregateRows, type AggregateRow } from '../../db/aggregates';
import { listChartAverages, listChartRawDownsampled, listStatusPeriods } from '../../db/monitoring';
import { listOutages } from '../../db/outages';
import { listActiveOverlaysIn } from '../../db/overlays';
import { listRawReadings, type RawReadingRow } from '../../db/readings';
import type { StationRow } from '../../db/stations';
import { pool } from '../../db/client';
import type { ChartResolution } from '../../domain/chart-range';
import { downsampleMinMax, MAX_CHART_POINTS } from '../../domain/downsample';
import { APPROACHING_RATIO } from '../../domain/level';
import { findParameter } from '../../domain/parameters';
import { approachingBands, type ValueBand } from '../../domain/station-state';
import { withOverlayValidity } from '../../domain/validity';
import { env } from '../../env';
import { AppError } from '../../errors';
import { getStationOrThrow, type ViewerScope } from './access';
import type { LimitInForce } from './state';

export const RESOLUTIONS = ['raw', '1h', '8h', '24h'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export type ReadingsQuery = {
  parameter: string;
  from?: Date;
  to?: Date;
  resolution: Resolution;
  limit: number;
  /** Exclusive lower bound on item time from the previous page. */
  after?: Date;
};

export type RawPoint = RawReadingRow & { valid: boolean };

/** An averaged value: hourly and 8-hourly labelled by the end of the (last) hour, daily by local midnight + `date`. */
export type AggregatePoint = AggregateRow;

export type ReadingsPage =
  | { resolution: 'raw'; station: StationRow; parameter: string; unit: string; items: RawPoint[]; next: Date | null }
  | { resolution: '1h' | '8h' | '24h'; station: StationRow; parameter: string; unit: string; items: AggregatePoint[]; next: Date | null };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A year and a bit of averages is plenty for one request. */
export const MAX_AGGREGATE_SPAN_DAYS = 400;

/** The station's unit for a parameter (its own configuration first, then the registry) and the registry's decimals. */
export function unitAndDecimals(s: StationRow, parameter: string): { unit: string; decimals: number } {
  const def = findParameter(s.kind, parameter);
  const configured = s.parameters.find((p) => p.parameter === parameter);
  return { unit: configured?.unit ?? def?.unit ?? '', decimals: def?.decimals ?? 2 };
}

/**
 * One parameter's readings in [from, to) (default: the last 24 hours; 31 days for daily means), raw or averaged.
 * Pages are keyed by item time.
 */
export async function listReadingsService(code: string, scope: ViewerScope, q: ReadingsQuery, now: Date = new Date()): Promise<ReadingsPage> {
  const s = await getStationOrThrow(code, scope);
  const parameter = q.parameter.toUpperCase();
  const sp = s.parameters.find((p) => p.parameter === parameter);
  if (!sp) {
    throw new AppError('VALIDATION', `station ${s.code} does not measure ${q.parameter}`, [
      { path: 'parameter', message: `one of ${s.parameters.map((p) => p.parameter).join(', ')}` },
    ]);
  }
  const to = q.to ?? now;
  const from = q.from ?? new Date(to.getTime() - (q.resolution === '24h' ? 31 * DAY_MS : DAY_MS));
  if (from.getTime() >= to.getTime()) {
    throw new AppError('VALIDATION', 'from must be before to', [{ path: 'from', message: 'from must be before to' }]);
  }

  if (q.resolution === 'raw') {
    const start = q.after && q.after.getTime() + 1 > from.getTime() ? new Date(q.after.getTime() + 1) : from;
    const rows = start < to ? await listRawReadings(s.id, parameter, start, to, q.limit + 1) : [];
    const pageRows = rows.slice(0, q.limit);
    // Validity includes operator overlays (an invalidated reading is not valid even when its flags are good).
    const overlays = pageRows.length
      ? await listActiveOverlaysIn(pool(), s.id, new Date(pageRows[0]!.time.getTime() - 1), pageRows.at(-1)!.time)
      : [];
    const page = withOverlayValidity(pageRows, overlays, parameter).map(({ invalidatedByOverlay: _overlay, ...r }) => r);
    const last = page.at(-1);
    return { resolution: 'raw', station: s, parameter, unit: sp.unit, items: page, next: rows.length > q.limit && last ? last.time : null };
  }

  if (to.getTime() - from.getTime() > MAX_AGGREGATE_SPAN_DAYS * DAY_MS) {
    throw new AppError('VALIDATION', `averages cover at most ${MAX_AGGREGATE_SPAN_DAYS} days per request`, [
      { path: 'from', message: `to − from must not exceed ${MAX_AGGREGATE_SPAN_DAYS} days` },
    ]);
  }
  const points = await listAggregateRows(s.id, parameter, q.resolution, from, to, env().AVERAGE_COMPLETE_RATIO);
  const after = q.after?.getTime();
  const remaining = after === undefined ? points : points.filter((p) => p.time.getTime() > after);
  const page = remaining.slice(0, q.limit);
  const last = page.at(-1);
  return {
    resolution: q.resolution,
    station: s,
    parameter,
    unit: sp.unit,
    items: page,
    next: remaining.length > q.limit && last ? last.time : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Charts of the station page

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

export type StationCharts = { series: ChartSeries[]; periods: ChartPeriod[]; outages: OutageView[] };

/**
 * Every enabled parameter's chart over [from, to] at `res` (each series at most 2,000 points, min/max per bucket, the
 * limits in force), the shaded status/offline/overlay periods and the outage log of the last 30 days or more.
 */
export async function readStationCharts(
  station: StationRow,
  w: { from: Date; to: Date; res: ChartResolution },
  limits: ReadonlyMap<string, LimitInForce>,
  now: Date,
): Promise<StationCharts> {
  const { from, to } = w;
  const parameters = station.parameters.filter((p) => p.enabled).map((p) => p.parameter);
  const [raw, averages, statusPeriods, outages, overlays] = await Promise.all([
    w.res === 'raw' ? listChartRawDownsampled(station.id, parameters, from, to, MAX_CHART_POINTS) : Promise.resolve(null),
    w.res !== 'raw' ? listChartAverages(station.id, parameters, from, to, w.res, MAX_CHART_POINTS) : Promise.resolve(null),
    listStatusPeriods(station.id, from, to, station.intervalMinutes, parameters),
    listOutages(station.id, new Date(Math.min(from.getTime(), now.getTime() - 30 * DAY_MS)), 200),
    listActiveOverlaysIn(pool(), station.id, from, to),
  ]);

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

  const lo = from.getTime();
  const hi = to.getTime();
  const clip = (start: number, end: number) => ({ start: Math.max(lo, start), end: Math.min(hi, end) });
  const periods: ChartPeriod[] = [
    ...statusPeriods.map((x): ChartPeriod => ({ ...clip(x.start, x.end), kind: x.status === '02' ? 'device_error' : 'calibrating' })),
    ...outages
      .filter((o) => (o.endedAt?.getTime() ?? now.getTime()) > lo && o.startedAt.getTime() < hi)
      .map((o): ChartPeriod => ({ ...clip(o.startedAt.getTime(), o.endedAt?.getTime() ?? now.getTime()), kind: 'offline' })),
    ...overlays
      .filter((o) => o.action === 'invalidate')
      .map((o): ChartPeriod => ({ ...clip(o.from.getTime(), o.to.getTime()), kind: 'overlay', parameters: o.parameters, note: o.reason })),
  ].filter((x) => x.end > x.start);

  return {
    series,
    periods,
    outages: outages.map((o) => ({
      startedAt: o.startedAt.toISOString(),
      endedAt: o.endedAt ? o.endedAt.toISOString() : null,
      minutes: Math.round(((o.endedAt ?? now).getTime() - o.startedAt.getTime()) / 60_000),
    })),
  };
}
