import 'server-only';
import { notFound } from 'next/navigation';
import { latestIndexHours, listIndexRows, type IndexKind } from '@/lib/db/aqi';
import { findStationByCode, listStations, type StationRow } from '@/lib/db/stations';
import { dayLabel } from '@/lib/domain/time';
import { AQI_BANDS } from '@/lib/domain/aqi';
import { WQI_BANDS } from '@/lib/domain/wqi';
import { env } from '@/lib/env';
import { requireUser } from '@/server/auth/session';
import { scopeFor, canSeeFacility, listVisibleStations } from '@/lib/services/stations';

/** AQI/WQI views for the station page, the operator map's AQI mode and the public page. Times as ms / yyyy-MM-dd. */
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type IndexPoint = { t: number; value: number; category: string; color: string; dominant: string | null };
export type IndexDayPoint = { day: string; value: number; category: string; color: string; dominant: string | null };
export type IndexCurrent = IndexPoint & { subIndices: Record<string, number> };

export type StationIndexView = {
  index: IndexKind;
  code: string;
  current: IndexCurrent | null;
  hourly: IndexPoint[];
  daily: IndexDayPoint[];
  from: number;
  to: number;
};

const colorOf = (index: IndexKind, category: string | null): string => {
  const bands: readonly { category: string; color: string }[] = index === 'aqi' ? AQI_BANDS : WQI_BANDS;
  return bands.find((b) => b.category === category)?.color ?? '#999999';
};

export const indexOfKind = (kind: string): IndexKind | null => (kind === 'ambient_air' ? 'aqi' : kind === 'surface_water' ? 'wqi' : null);

type HourLike = { hourEnd: Date; value: number | null; category: string | null; dominant: string | null; subIndices: Record<string, number> };
const toPoint = (index: IndexKind, r: HourLike): IndexCurrent => ({
  t: r.hourEnd.getTime(),
  value: r.value ?? 0,
  category: r.category ?? '',
  color: colorOf(index, r.category),
  dominant: r.dominant,
  subIndices: r.subIndices,
});

/** Current index (newest hour within 3 h), last 48 hourly values and last 30 daily values of a station the user may see. */
export async function loadStationIndex(code: string, now: Date = new Date()): Promise<StationIndexView | null> {
  const user = await requireUser();
  const s = await findStationByCode(code);
  if (!s || !canSeeFacility(scopeFor(user), s.facility.id)) notFound();
  const index = indexOfKind(s.kind);
  if (!index) return null;
  const to = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS;
  const from = to - 48 * HOUR_MS;
  const [hours, days] = await Promise.all([
    listIndexRows(index, 'hour', [s.id], new Date(from), new Date(to), { withValue: true }),
    listIndexRows(index, 'day', [s.id], dayLabel(now.getTime() - 30 * DAY_MS), dayLabel(now.getTime() + DAY_MS), { withValue: true }),
  ]);
  const hourly = hours.map((r) => toPoint(index, r));
  const last = hourly.at(-1);
  return {
    index,
    code: s.code,
    current: last && last.t > now.getTime() - 3 * HOUR_MS ? last : null,
    hourly,
    daily: days.map((d) => ({ day: d.day, value: d.value ?? 0, category: d.category ?? '', color: colorOf(index, d.category), dominant: d.dominant })),
    from,
    to,
  };
}

export type AqiMapEntry = { aqi: number; category: string; color: string; dominant: string | null; time: string };
export type AqiMapData = { byStation: Record<string, AqiMapEntry>; generatedAt: string };

/** Newest hourly AQI (within 3 h) of each ambient station the user may see, for colouring the operator map by band. */
export async function loadAqiMapData(now: Date = new Date()): Promise<AqiMapData> {
  const user = await requireUser();
  const rows = (await listVisibleStations(scopeFor(user))).filter((s) => s.kind === 'ambient_air');
  const latest = rows.length ? await latestIndexHours('aqi', rows.map((s) => s.id), new Date(now.getTime() - 3 * HOUR_MS), now) : [];
  const codeOf = new Map(rows.map((s) => [s.id, s.code]));
  const byStation: Record<string, AqiMapEntry> = {};
  for (const r of latest) {
    const code = codeOf.get(r.stationId);
    if (code && r.value !== null)
      byStation[code] = { aqi: r.value, category: r.category ?? '', color: colorOf('aqi', r.category), dominant: r.dominant, time: r.hourEnd.toISOString() };
  }
  return { byStation, generatedAt: now.toISOString() };
}

// ── public page (no login) ──────────────────────────────────────────────────────────────────────────────────────

export type PublicStation = {
  code: string;
  name: string;
  kind: 'ambient_air' | 'surface_water';
  index: IndexKind;
  lat: number;
  lon: number;
  current: IndexCurrent | null;
  last24: IndexPoint[];
};
export type PublicData = { stations: PublicStation[]; publishedUntil: number; delayMinutes: number };

/**
 * What anyone may see: enabled ambient stations (AQI) and river stations (WQI) only, with hours that ended at least
 * PUBLIC_DELAY_MINUTES ago; the current value is the newest published hour within the last 24 hours.
 */
export async function loadPublicData(now: Date = new Date()): Promise<PublicData> {
  const delayMinutes = env().PUBLIC_DELAY_MINUTES;
  const until = now.getTime() - delayMinutes * 60_000;
  const from = until - 24 * HOUR_MS;
  const stations: PublicStation[] = [];
  for (const kind of ['ambient_air', 'surface_water'] as const) {
    const index: IndexKind = kind === 'ambient_air' ? 'aqi' : 'wqi';
    const rows: StationRow[] = (await listStations({ kind })).filter((s) => s.enabled);
    if (rows.length === 0) continue;
    // Hours ending in (until − 24 h, until]: listIndexRows takes [from, to), so shift both by 1 ms.
    const hours = await listIndexRows(index, 'hour', rows.map((s) => s.id), new Date(from + 1), new Date(until + 1), { withValue: true });
    for (const s of rows) {
      const last24 = hours.filter((h) => h.stationId === s.id).map((h) => toPoint(index, h));
      stations.push({ code: s.code, name: s.name, kind, index, lat: s.lat, lon: s.lon, current: last24.at(-1) ?? null, last24 });
    }
  }
  return { stations, publishedUntil: until, delayMinutes };
}
