import {
  findIndexStation,
  listHourlyMeans,
  listIndexRows,
  listIndexStations,
  newestIndexHour,
  replaceIndexHours,
  writeIndexDay,
  type IndexDayRow,
  type IndexHourRow,
  type IndexHourWrite,
  type IndexKind,
  type IndexStation,
} from '../../db/aqi';
import { findStationByCode } from '../../db/stations';
import type { StationKind } from '../../domain/parameters';
import { AppError } from '../../errors';
import { computeDaily, computeEightHour, type HourlyAverage } from '../../domain/averages';
import { dayLabel, dayRange, hourLabel, localDayKey } from '../../domain/time';
import { AQI_POLLUTANTS, dailyAqi, hourlyAqiFromSeries, NOWCAST_HOURS, type AqiPollutant, type AqiSubIndices } from '../../domain/aqi';
import { computeWqiDay, computeWqiHours } from './wqi';

/**
 * VN_AQI of ambient stations, stored hourly (aqi_hour) and daily (aqi_day), from valid hourly means (DOMAIN.md §9).
 * Completeness rule: an hourly mean counts as an AQI input only when it is complete (≥ 75 % of the expected readings
 * valid, DOMAIN.md §5); incomplete hours are treated as missing (NowCast still needs 2 of the newest 3 hours).
 */
export const HOUR_MS = 3_600_000;
const EIGHT_HOUR_LOOKBACK = 7 * HOUR_MS;
/** A change at hour h moves the NowCast of h … h+11 and the 8-hour O3 means (daily AQI) of h … h+7. */
const NOWCAST_REACH = (NOWCAST_HOURS - 1) * HOUR_MS;
/** How far back the start-up backfill reaches for stations without index rows (the demo seed's history). */
export const BACKFILL_DAYS = 7;

type Means = Map<string, HourlyAverage[]>;

const byHour = (rows: readonly HourlyAverage[] | undefined): Map<number, HourlyAverage> => new Map((rows ?? []).map((r) => [r.hourEnd, r]));
const validMean = (h: HourlyAverage | undefined): number | null => (h && h.complete && h.value !== null ? h.value : null);
const round2 = (x: number): number => Math.round(x * 100) / 100;

export function roundSubIndices(s: AqiSubIndices | Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(s).flatMap(([k, v]) => (typeof v === 'number' ? [[k, round2(v)]] : [])));
}

/** Hourly AQI rows for labels in [fromLabel, throughLabel]: one per hour that holds any pollutant mean. */
export function aqiHourRows(stationId: number, means: Means, fromLabel: number, throughLabel: number): IndexHourWrite[] {
  const maps = new Map(AQI_POLLUTANTS.map((p) => [p, byHour(means.get(p))]));
  const rows: IndexHourWrite[] = [];
  for (let h = fromLabel; h <= throughLabel; h += HOUR_MS) {
    if (!AQI_POLLUTANTS.some((p) => maps.get(p)?.has(h))) continue;
    const series: Partial<Record<AqiPollutant, (number | null)[]>> = {};
    for (const p of AQI_POLLUTANTS) {
      const m = maps.get(p);
      series[p] = Array.from({ length: NOWCAST_HOURS }, (_, i) => validMean(m?.get(h - i * HOUR_MS)));
    }
    const { result, PM25Nowcast, PM10Nowcast } = hourlyAqiFromSeries(series);
    rows.push({
      stationId,
      hourEnd: new Date(h),
      value: result?.aqi ?? null,
      category: result?.band.category ?? null,
      dominant: result?.dominant ?? null,
      reason: result ? null : 'no_pm',
      subIndices: result ? roundSubIndices(result.subIndices) : {},
      nowcastPm25: PM25Nowcast,
      nowcastPm10: PM10Nowcast,
    });
  }
  return rows;
}

/**
 * Daily AQI of local day `day` from hourly means covering the day and the 7 hours before it: PM from the day's
 * 24-hour mean (complete days only: ≥ 18 complete hours), SO2/NO2/CO/O3 from the highest complete hourly mean, O3 also
 * from the highest complete 8-hour mean. Null when the day holds no pollutant mean at all.
 */
export function aqiDayRow(stationId: number, day: string, means: Means) {
  const { after, through } = dayRange(day);
  const inDay = (h: HourlyAverage) => h.hourEnd > after && h.hourEnd <= through;
  const dayHours = (p: AqiPollutant) => (means.get(p) ?? []).filter(inDay);
  if (!AQI_POLLUTANTS.some((p) => dayHours(p).length > 0)) return null;

  const pmMean = (p: AqiPollutant): number | null => {
    const d = computeDaily(dayHours(p))[0];
    return d && d.complete ? d.value : null;
  };
  const maxHour = (p: AqiPollutant): number | null => {
    const vs = dayHours(p).flatMap((h) => (validMean(h) === null ? [] : [validMean(h) as number]));
    return vs.length ? Math.max(...vs) : null;
  };
  const eight = computeEightHour(means.get('O3') ?? []).filter((e) => e.hourEnd > after && e.hourEnd <= through && e.complete && e.value !== null);
  const maxO3_8h = eight.length ? Math.max(...eight.map((e) => e.value as number)) : null;

  const result = dailyAqi({
    pm25Mean24h: pmMean('PM25'),
    pm10Mean24h: pmMean('PM10'),
    maxHourly: { SO2: maxHour('SO2'), NO2: maxHour('NO2'), CO: maxHour('CO'), O3: maxHour('O3') },
    maxO3_8h,
  });
  return {
    stationId,
    day,
    value: result?.aqi ?? null,
    category: result?.band.category ?? null,
    dominant: result?.dominant ?? null,
    reason: result ? null : 'no_pm',
    subIndices: result ? roundSubIndices(result.subIndices) : {},
  };
}

/** Local days (yyyy-MM-dd) whose hours 01:00 … 24:00 intersect the labels [fromLabel, throughLabel]. */
export function daysOf(fromLabel: number, throughLabel: number): string[] {
  const days: string[] = [];
  for (let d = dayLabel(fromLabel); d <= dayLabel(throughLabel); ) {
    days.push(d);
    d = dayLabel(dayRange(d).through + HOUR_MS);
  }
  return days;
}

async function computeAqiHours(station: IndexStation, fromLabel: number, throughLabel: number): Promise<number> {
  const means = await listHourlyMeans(station, AQI_POLLUTANTS, new Date(fromLabel - NOWCAST_REACH), new Date(throughLabel));
  const rows = aqiHourRows(station.id, means, fromLabel, throughLabel);
  await replaceIndexHours('aqi', station.id, new Date(fromLabel), new Date(throughLabel), rows);
  return rows.length;
}

async function computeAqiDay(station: IndexStation, day: string): Promise<void> {
  const { after, through } = dayRange(day);
  const means = await listHourlyMeans(station, AQI_POLLUTANTS, new Date(after + HOUR_MS - EIGHT_HOUR_LOOKBACK), new Date(through));
  await writeIndexDay('aqi', station.id, day, aqiDayRow(station.id, day, means));
}

/** Hourly AQI of one hour (label = end of the hour) and the daily AQI of its local day. */
export async function computeAqiForHour(stationId: number, hourEnd: Date): Promise<void> {
  const station = await findIndexStation(stationId);
  if (!station || station.kind !== 'ambient_air') return;
  const h = hourLabel(hourEnd.getTime());
  await computeAqiHours(station, h, h);
  await computeAqiDay(station, dayLabel(h));
}

/**
 * Recomputes the indices a data change in readings times (from, to] can move: for ambient stations the hourly AQI of
 * the changed hours and the 11 after them (NowCast) and the daily AQI of their days (8-hour O3 reaches 7 h on); for
 * river stations the hourly WQI of the changed hours and the daily WQI of their days. Never beyond `now`'s hour.
 */
export async function recomputeIndicesForChange(stationId: number, from: Date, to: Date, now: Date = new Date()): Promise<void> {
  const station = await findIndexStation(stationId);
  if (!station) return;
  const first = hourLabel(from.getTime() + 1);
  const last = Math.max(first, hourLabel(to.getTime()));
  const cap = hourLabel(now.getTime());
  if (first > cap) return;
  if (station.kind === 'ambient_air') {
    await computeAqiHours(station, first, Math.min(last + NOWCAST_REACH, cap));
    for (const d of daysOf(first, Math.min(last + EIGHT_HOUR_LOOKBACK, cap))) await computeAqiDay(station, d);
  } else if (station.kind === 'surface_water') {
    await computeWqiHours(station, first, Math.min(last, cap));
    for (const d of daysOf(first, Math.min(last, cap))) await computeWqiDay(station, d);
  }
}

/** Computes every hour and day of [from, to] for one station (backfill); returns the hour rows written. */
export async function backfillStationIndices(station: IndexStation, from: Date, to: Date): Promise<number> {
  const first = hourLabel(from.getTime() + 1);
  const last = hourLabel(to.getTime());
  if (first > last) return 0;
  let written = 0;
  if (station.kind === 'ambient_air') {
    // One day at a time keeps each read small and lets a long range make visible progress.
    for (const d of daysOf(first, last)) {
      const { after, through } = dayRange(d);
      written += await computeAqiHours(station, Math.max(first, after + HOUR_MS), Math.min(last, through));
      await computeAqiDay(station, d);
    }
  } else if (station.kind === 'surface_water') {
    for (const d of daysOf(first, last)) {
      const { after, through } = dayRange(d);
      written += await computeWqiHours(station, Math.max(first, after + HOUR_MS), Math.min(last, through));
      await computeWqiDay(station, d);
    }
  }
  return written;
}

/** Backfill for a range: all ambient and river stations, or the given ids. */
export async function backfillIndices(opts: { from: Date; to: Date; stationIds?: readonly number[] }): Promise<{ stations: number; hours: number }> {
  const all = await listIndexStations(['ambient_air', 'surface_water']);
  const stations = opts.stationIds ? all.filter((s) => opts.stationIds?.includes(s.id)) : all;
  let hours = 0;
  for (const s of stations) hours += await backfillStationIndices(s, opts.from, opts.to);
  return { stations: stations.length, hours };
}

/**
 * Run by the worker at start and then periodically: stations with no index rows get the last BACKFILL_DAYS computed
 * (the demo history); the others are brought up to `now` from 12 hours before their newest row, which also covers
 * hours whose 'derived' job has not run (yet).
 */
export async function catchUpIndices(now: Date = new Date()): Promise<{ stations: number; hours: number; backfilled: number }> {
  const stations = await listIndexStations(['ambient_air', 'surface_water']);
  const floor = now.getTime() - BACKFILL_DAYS * 24 * HOUR_MS;
  let hours = 0;
  let backfilled = 0;
  for (const s of stations) {
    if (!s.enabled) continue;
    const newest = await newestIndexHour(s.kind === 'ambient_air' ? 'aqi' : 'wqi', s.id);
    if (!newest || newest.getTime() < floor) backfilled += 1;
    const from = newest ? Math.max(floor, newest.getTime() - NOWCAST_REACH - HOUR_MS) : floor;
    hours += await backfillStationIndices(s, new Date(from), now);
  }
  return { stations: stations.length, hours, backfilled };
}

// ── reading the stored indices ──────────────────────────────────────────────────────────────────────────────────

export const INDEX_RESOLUTIONS = ['1h', '24h'] as const;
export type IndexResolution = (typeof INDEX_RESOLUTIONS)[number];
/** Default spans: the last 48 hours, the last 30 days. */
export const DEFAULT_HOURLY_SPAN_MS = 48 * HOUR_MS;
export const DEFAULT_DAILY_SPAN_DAYS = 30;
const MAX_SPAN_MS = 400 * 24 * HOUR_MS;

/** Which station kind each index belongs to; any other station "does not exist" for that endpoint. */
export const INDEX_STATION_KIND = { aqi: 'ambient_air', wqi: 'surface_water' } as const satisfies Record<IndexKind, StationKind>;

export type IndexQuery = {
  resolution: IndexResolution;
  from?: Date;
  to?: Date;
  limit: number;
  /** Cursor: the last hour label (ms) or day (yyyy-MM-dd) of the previous page. */
  after?: string;
};

export type IndexItem = { time: Date | string; value: number; category: string | null; dominant: string | null; subIndices: Record<string, number> };
export type IndexPage = { station: string; resolution: IndexResolution; items: IndexItem[]; next: string | null };

/**
 * Stored hourly or daily indices of one station with values, oldest first; `publishedUntil` (anonymous callers) hides
 * hours ending after it and days not yet over by then. from inclusive, to exclusive (days: the local dates of them).
 */
export async function listIndexService(
  kind: IndexKind,
  code: string,
  q: IndexQuery,
  opts: { publishedUntil: Date | null },
  now: Date = new Date(),
): Promise<IndexPage> {
  const station = await findStationByCode(code);
  if (!station || station.kind !== INDEX_STATION_KIND[kind]) throw new AppError('NOT_FOUND', `station ${code} not found`);
  const until = opts.publishedUntil ? Math.min(now.getTime(), opts.publishedUntil.getTime()) : now.getTime();
  if (q.resolution === '1h') {
    const to = Math.min(q.to?.getTime() ?? Infinity, until + 1);
    let from = q.from?.getTime() ?? to - DEFAULT_HOURLY_SPAN_MS;
    if (to - from > MAX_SPAN_MS) throw new AppError('VALIDATION', 'the period may not exceed 400 days', [{ path: 'query.from', message: 'too long' }]);
    if (q.after !== undefined) from = Math.max(from, Number(q.after) + 1);
    const rows = from < to ? await listIndexRows(kind, 'hour', [station.id], new Date(from), new Date(to), { withValue: true, limit: q.limit + 1 }) : [];
    return toIndexPage(station.code, q, rows, (r) => r.hourEnd, (r) => String(r.hourEnd.getTime()));
  }
  // Days by local calendar date of from (inclusive) and to (exclusive); a day is public once its 24:00 hour is.
  const nextDay = (d: string) => dayLabel(dayRange(d).through + HOUR_MS);
  let untilDay = q.to ? localDayKey(q.to) : nextDay(dayLabel(now.getTime()));
  if (opts.publishedUntil) {
    const d = dayLabel(until);
    const firstUnpublished = until >= dayRange(d).through ? nextDay(d) : d;
    if (firstUnpublished < untilDay) untilDay = firstUnpublished;
  }
  let fromDay = q.from ? localDayKey(q.from) : dayLabel(now.getTime() - DEFAULT_DAILY_SPAN_DAYS * 24 * HOUR_MS);
  if (q.after !== undefined && q.after >= fromDay) fromDay = nextDay(q.after);
  const rows = fromDay < untilDay ? await listIndexRows(kind, 'day', [station.id], fromDay, untilDay, { withValue: true, limit: q.limit + 1 }) : [];
  return toIndexPage(station.code, q, rows, (r) => r.day, (r) => r.day);
}

/** The first `q.limit` of rows read one beyond the page (that one only says there is a next page), labelled by `time`. */
function toIndexPage<R extends IndexHourRow | IndexDayRow>(
  station: string,
  q: IndexQuery,
  rows: readonly R[],
  time: (r: R) => Date | string,
  cursor: (r: R) => string,
): IndexPage {
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    station,
    resolution: q.resolution,
    items: page.map((r) => ({ time: time(r), value: r.value ?? 0, category: r.category, dominant: r.dominant, subIndices: r.subIndices })),
    next: rows.length > q.limit && last ? cursor(last) : null,
  };
}
