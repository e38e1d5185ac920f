import 'server-only';
import { findAqiBand } from '@/lib/domain/aqi';
import { findParameter } from '@/lib/domain/parameters';
import { dayLabel, formatIsoLocal } from '@/lib/domain/time';
import { env } from '@/lib/env';
import { getStationForecastService } from '@/lib/services/forecast';
import type { Principal } from './auth';
import type { ForecastDto, ForecastQuery } from './contract/forecast';

const round = (x: number, decimals: number): number => Number(x.toFixed(decimals));

/** GET /api/v1/stations/{code}/forecast: the service's forecast as the contract's DTO (values to the parameter's decimals). */
export async function readForecast(code: string, q: ForecastQuery, principal: Principal | null): Promise<ForecastDto> {
  const f = await getStationForecastService(code, principal, q, { now: new Date(), publicDelayMinutes: env().PUBLIC_DELAY_MINUTES });
  const decimals = Math.max(1, findParameter(f.kind, f.parameter)?.decimals ?? 2);
  const withAqi = f.items.some((it) => it.aqi !== null);
  return {
    station: f.station,
    parameter: f.parameter,
    unit: f.unit,
    issuedAt: formatIsoLocal(new Date(f.issuedAt)),
    basedOn: formatIsoLocal(new Date(f.basedOn)),
    method: f.method,
    items: f.items.map((it) => ({
      time: formatIsoLocal(new Date(it.time)),
      value: round(it.value, decimals),
      lower: round(it.lower, decimals),
      upper: round(it.upper, decimals),
      ...(withAqi ? { aqi: it.aqi?.aqi ?? null, category: it.aqi?.category ?? null } : {}),
    })),
    skill: {
      horizonHours: f.skill.horizonHours,
      mae: f.skill.mae == null ? null : round(f.skill.mae, 2),
      maePersistence: f.skill.maePersistence == null ? null : round(f.skill.maePersistence, 2),
      maeSeasonal: f.skill.maeSeasonal == null ? null : round(f.skill.maeSeasonal, 2),
      coverage: f.skill.coverage == null ? null : round(f.skill.coverage, 3),
      origins: f.skill.origins,
    },
    tomorrow: f.tomorrow && {
      // The day's first hour ends at 01:00: its label is the date.
      date: dayLabel(f.tomorrow.day + 3_600_000),
      aqi: f.tomorrow.aqi,
      category: f.tomorrow.category,
      color: findAqiBand(f.tomorrow.aqi)?.color ?? '#999999',
    },
  };
}
