import 'server-only';
import { notFound } from 'next/navigation';
import { findStationByCode } from '@/lib/db/stations';
import { latestReadings, listRawReadings } from '@/lib/db/readings';
import type { StationKind } from '@/lib/domain/parameters';
import { canSeeFacility, requireUser } from '@/server/auth/session';
import {
  listVisibleStationRows,
  toStationSummary,
  unitAndDecimals,
  type LatestValue,
  type StationSummary,
} from './station-dto';

export type { LatestValue, StationSummary };

/** Every station the signed-in user may see, by code. */
export async function listStationSummaries(): Promise<StationSummary[]> {
  const user = await requireUser();
  const now = new Date();
  const rows = await listVisibleStationRows(user);
  return rows.map((s) => toStationSummary(s, now));
}

export type ChartSeries = {
  parameter: string;
  unit: string;
  decimals: number;
  limitMin: number | null;
  limitMax: number | null;
  points: { t: number; v: number }[];
};

export type StationDetail = {
  station: StationSummary;
  kind: StationKind;
  latest: LatestValue[];
  series: ChartSeries[];
  from: string;
  to: string;
};

const CHART_HOURS = 24;

/** One station with its latest values and the last 24 h of raw readings; 404 when missing or not the user's. */
export async function getStationDetail(code: string): Promise<StationDetail> {
  const user = await requireUser();
  const station = await findStationByCode(code);
  // Same answer for "does not exist" and "not yours": a facility user learns nothing about other facilities.
  if (!station || !canSeeFacility(user, station.facility.id)) notFound();

  const now = new Date();
  const from = new Date(now.getTime() - CHART_HOURS * 3_600_000);
  const perDay = Math.ceil((CHART_HOURS * 60) / Math.max(1, station.intervalMinutes));
  const parameters = station.parameters.filter((p) => p.enabled);

  const [latestRows, seriesRows] = await Promise.all([
    latestReadings(station.id),
    Promise.all(parameters.map((p) => listRawReadings(station.id, p.parameter, from, now, perDay * 2 + 10))),
  ]);

  const latest: LatestValue[] = latestRows.map((r) => ({
    parameter: r.parameter,
    value: r.value,
    deviceStatus: r.deviceStatus,
    qcFlag: r.qcFlag,
    time: r.time.toISOString(),
    ...unitAndDecimals(station, r.parameter),
  }));

  const series: ChartSeries[] = parameters.map((p, i) => ({
    parameter: p.parameter,
    limitMin: p.limitMin,
    limitMax: p.limitMax,
    ...unitAndDecimals(station, p.parameter),
    points: (seriesRows[i] ?? [])
      .map((r) => ({ t: r.time.getTime(), v: r.value }))
      .sort((a, b) => a.t - b.t),
  }));

  return {
    station: toStationSummary(station, now),
    kind: station.kind,
    latest,
    series,
    from: from.toISOString(),
    to: now.toISOString(),
  };
}
