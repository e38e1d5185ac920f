import { DAY_MS as DAY, formatDate, parseLocalDate } from './time';

/**
 * Chart range and resolution kept in the station page URL (?range=7d&res=1h, or range=custom&from=dd/MM/yyyy&to=…).
 * Custom dates are local (UTC+7) days, `to` inclusive. Raw resolution is allowed up to 31 days; wider falls back to 1 h.
 */
export const CHART_RANGES = ['24h', '7d', '30d', '1y', 'custom'] as const;
export type ChartRange = (typeof CHART_RANGES)[number];
export const CHART_RESOLUTIONS = ['raw', '1h', '24h'] as const;
export type ChartResolution = (typeof CHART_RESOLUTIONS)[number];

export const MAX_RAW_SPAN_MS = 31 * DAY;
export const MAX_SPAN_MS = 400 * DAY;

const SPANS: Record<Exclude<ChartRange, 'custom'>, number> = { '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY, '1y': 365 * DAY };
const DEFAULT_RES: Record<Exclude<ChartRange, 'custom'>, ChartResolution> = { '24h': 'raw', '7d': 'raw', '30d': '1h', '1y': '24h' };

export type ResolvedChartWindow = {
  range: ChartRange;
  res: ChartResolution;
  from: number;
  to: number;
  /** Set when the asked resolution was changed (raw over more than 31 days). */
  adjusted: boolean;
  /** dd/MM/yyyy texts for the custom inputs. */
  fromText: string;
  toText: string;
};

/** Resolves URL parameters against `now`; anything unknown or invalid falls back to the last 24 hours, raw. */
export function resolveChartWindow(q: { range?: string; res?: string; from?: string; to?: string }, now: number): ResolvedChartWindow {
  const range: ChartRange = (CHART_RANGES as readonly string[]).includes(q.range ?? '') ? (q.range as ChartRange) : '24h';
  let from: number;
  let to: number;
  let effectiveRange = range;
  if (range === 'custom') {
    const f = parseLocalDate(q.from)?.getTime() ?? null;
    const t = parseLocalDate(q.to)?.getTime() ?? null;
    if (f !== null && t !== null && t >= f) {
      from = f;
      to = Math.min(t + DAY, f + MAX_SPAN_MS);
    } else {
      effectiveRange = '24h';
      to = now;
      from = now - DAY;
    }
  } else {
    to = now;
    from = now - SPANS[range];
  }
  const fallbackRes: ChartResolution = effectiveRange === 'custom' ? (to - from > MAX_RAW_SPAN_MS ? '24h' : to - from > 7 * DAY ? '1h' : 'raw') : DEFAULT_RES[effectiveRange];
  const asked = (CHART_RESOLUTIONS as readonly string[]).includes(q.res ?? '') ? (q.res as ChartResolution) : fallbackRes;
  const res = asked === 'raw' && to - from > MAX_RAW_SPAN_MS ? '1h' : asked;
  return { range: effectiveRange, res, from, to, adjusted: res !== asked, fromText: formatDate(from), toText: formatDate(to - 1) };
}
