import 'server-only';
import { findLatestForecastRun, listHourlyValues } from '@/lib/db/forecasts';
import { listStations } from '@/lib/db/stations';
import { AQI_BANDS } from '@/lib/domain/aqi';
import { FORECAST_AQI_PARAMETERS, forecastHourlyAqi, tomorrowAqi } from '@/lib/domain/forecast';
import { dayLabel, HOUR_MS } from '@/lib/domain/time';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { getStationForecastService, runItems } from '@/lib/services/forecast';
import { listVisibleStations, scopeFor } from '@/lib/services/stations';
import { requireUser } from '@/server/auth/session';
import type { ForecastPanelView, TomorrowAqiView } from '@/lib/dto/forecast';

const colorOf = (category: string): string => AQI_BANDS.find((b) => b.category === category)?.color ?? '#999999';

/** The station page's forecast: 72 h ahead of the default parameter, the last 48 h observed, the measured skill. */
export async function loadStationForecast(code: string, now: Date = new Date()): Promise<ForecastPanelView | null> {
  const user = await requireUser();
  try {
    const f = await getStationForecastService(code, user, { hours: 72 }, { now, publicDelayMinutes: env().PUBLIC_DELAY_MINUTES });
    const past = (await listHourlyValues(f.stationId, [f.parameter], new Date(f.basedOn - 47 * HOUR_MS), new Date(f.basedOn))).get(f.parameter);
    return {
      parameter: f.parameter,
      unit: f.unit,
      method: f.method,
      basedOn: f.basedOn,
      observed: [...(past ?? new Map<number, number>()).entries()].sort((a, b) => a[0] - b[0]).map(([t, v]) => ({ t, v })),
      items: f.items.map((it) => ({ t: it.time, value: it.value, lower: it.lower, upper: it.upper })),
      skill: f.skill,
      tomorrow: f.tomorrow && { aqi: f.tomorrow.aqi, category: f.tomorrow.category, color: colorOf(f.tomorrow.category) },
    };
  } catch (e) {
    // No data or no parameter to forecast: the page shows that, the rest of the station page is unaffected.
    if (isAppError(e) && (e.code === 'NOT_FOUND' || e.code === 'VALIDATION')) return null;
    throw e;
  }
}

/**
 * Tomorrow's forecast daily AQI per enabled ambient station (public page and map): from the archived forecasts based
 * on data published by `until`, the largest of the PM2.5, PM10 and O3 daily sub-indices.
 */
export async function loadTomorrowAqi(until: Date): Promise<Record<string, TomorrowAqiView>> {
  const out: Record<string, TomorrowAqiView> = {};
  const stations = (await listStations({ kind: 'ambient_air' })).filter((s) => s.enabled);
  for (const s of stations) {
    let best: TomorrowAqiView | null = null;
    for (const p of FORECAST_AQI_PARAMETERS) {
      if (!s.parameters.some((x) => x.parameter === p)) continue;
      const run = await findLatestForecastRun(s.id, p, until);
      // A forecast older than a day says nothing about tomorrow.
      if (!run || run.basedOn < until.getTime() - 24 * HOUR_MS) continue;
      const r = tomorrowAqi(p, run.basedOn, runItems(run).items);
      if (r && (!best || r.aqi > best.aqi)) best = { aqi: r.aqi, category: r.category, color: colorOf(r.category), day: dayLabel(r.day + HOUR_MS) };
    }
    if (best) out[s.code] = best;
  }
  return out;
}

export type AqiForecastMapEntry = { aqi: number; category: string; color: string; dominant: string | null; time: string };

/**
 * The operator map's AQI "+24 h" mode: for each ambient station the user may see, the forecast hourly AQI of the hour
 * ending 24 h after the last full hour (largest of the PM2.5, PM10 and O3 forecast sub-indices), from the archived
 * forecasts issued within the last 24 hours. Same shape as loadAqiMapData.
 */
export async function loadAqiMapForecast(now: Date = new Date()): Promise<{ byStation: Record<string, AqiForecastMapEntry>; generatedAt: string }> {
  const user = await requireUser();
  const target = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + 24 * HOUR_MS;
  const stations = (await listVisibleStations(scopeFor(user))).filter((s) => s.kind === 'ambient_air' && s.enabled);
  const byStation: Record<string, AqiForecastMapEntry> = {};
  for (const s of stations) {
    let best: AqiForecastMapEntry | null = null;
    for (const p of FORECAST_AQI_PARAMETERS) {
      if (!s.parameters.some((x) => x.parameter === p)) continue;
      const run = await findLatestForecastRun(s.id, p, now);
      if (!run || run.basedOn < now.getTime() - 24 * HOUR_MS) continue;
      const i = Math.round((target - run.basedOn) / HOUR_MS) - 1;
      if (i < 0 || i >= run.value.length) continue;
      const past = (await listHourlyValues(s.id, [p], new Date(run.basedOn - 11 * HOUR_MS), new Date(run.basedOn))).get(p);
      const newestFirst = Array.from({ length: 12 }, (_, k) => past?.get(run.basedOn - k * HOUR_MS) ?? null);
      const a = forecastHourlyAqi(p, newestFirst, run.value.slice(0, i + 1))[i];
      if (a && (!best || a.aqi > best.aqi)) best = { aqi: a.aqi, category: a.category, color: colorOf(a.category), dominant: p, time: new Date(target).toISOString() };
    }
    if (best) byStation[s.code] = best;
  }
  return { byStation, generatedAt: now.toISOString() };
}
