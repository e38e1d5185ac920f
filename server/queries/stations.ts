import 'server-only';
import { defaultBindingFor } from '@/lib/domain/limits/defaults';
import { notFound } from 'next/navigation';
import { resolveChartWindow, type ChartRange, type ChartResolution } from '@/lib/domain/chart-range';
import type { StationKind } from '@/lib/domain/parameters';
import type { StateColors } from '@/lib/domain/stations/states';
import { isAppError } from '@/lib/errors';
import {
  computeLiveState,
  computeLiveStates,
  getStationOrThrow,
  limitsForStation,
  listVisibleStations,
  readStationCharts,
  scopeFor,
  stateColors,
  type ChartPeriod,
  type ChartSeries,
  type OutageView,
} from '@/lib/services/stations';
import { requireUser } from '@/server/auth/session';
import { toLatestValueView, toStationSummary, type LatestValue, type LatestValueView, type StationSummary } from './station-dto';

export type { LatestValue, StationSummary };

/** Every station the signed-in user may see, with its full state (DOMAIN.md §7). */
export async function listStationSummaries(): Promise<StationSummary[]> {
  const user = await requireUser();
  const now = new Date();
  const rows = await listVisibleStations(scopeFor(user));
  const live = await computeLiveStates(rows, now);
  return rows.map((s) => toStationSummary(s, live.get(s.id)?.state ?? 'offline'));
}

export type { ChartPeriod, ChartPoint, ChartSeries, OutageView } from '@/lib/services/stations';

export type StationLatestView = LatestValueView;

export type StationDetail = {
  needsLimitSetup: boolean;
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
  // Same answer for "does not exist" and "not yours": a facility user learns nothing about other facilities.
  const station = await getStationOrThrow(code, scopeFor(user)).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  });

  const now = new Date();
  const w = resolveChartWindow(q, now.getTime());
  const from = new Date(w.from);
  const to = new Date(w.to);
  const [live, limits] = await Promise.all([computeLiveState(station, now), limitsForStation(station, now)]);
  const charts = await readStationCharts(station, { from, to, res: w.res }, limits, now);

  const latest = live.latest.map((r) => toLatestValueView(station, r));

  return {
    station: toStationSummary(station, live.state),
    kind: station.kind,
    // Wastewater/emission stations with no limit at all need a column and coefficients or a permit (DOMAIN.md §6).
    needsLimitSetup: limits.size === 0 && defaultBindingFor(station.kind) === null,
    latest,
    ...charts,
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
