/**
 * Hourly forecast of one station parameter from its own history (pure; no clock, no I/O).
 *
 * Model "log-profile-ar": z = ln(1 + x); a diurnal profile P[hour] of z over the last 28 days; the deseasonalised
 * series d = z − P. For each lead k (1…72) a direct ridge regression predicts d(t+k) from the state at the origin:
 * the last d, the means of d over the last 3, 24 and 168 hours, for leads under 24 h the target hour's d a day
 * earlier, and (when measured) the last values of the meteorological covariates. At lead 1 the fit is close to persistence; at long leads it tends to the recent level
 * with the diurnal shape. The 80 % interval is the 10th–90th percentile of the lead's residuals over the last 30 days
 * of the training window, so it widens with the lead by itself. Back-transformed values are medians (the right
 * point forecast for a mean absolute error).
 */
import { HOUR_MS, localParts } from '../time';

export const FORECAST_METHOD = 'log-profile-ar';
export const PERSISTENCE_METHOD = 'persistence';
export const MAX_FORECAST_HOURS = 72;
/** Fewer hours of history than this (14 days) give the persistence fallback. */
export const MIN_HISTORY_HOURS = 14 * 24;
/** Hours of history the model is fitted on (the latest 30 days: 45 and 60 days adapt worse to the seasons). */
export const TRAINING_HOURS = 30 * 24;
const PROFILE_HOURS = 28 * 24;
const INTERVAL_HOURS = 30 * 24;
const RIDGE = 1e-3;

/** The 80 % interval: 10th and 90th percentiles, widened slightly because in-sample residuals are optimistic. */
const LOWER_Q = 0.1;
const UPPER_Q = 0.9;
const INTERVAL_WIDEN = 1.1;

/** Hourly values labelled by hour end: values[i] belongs to the hour ending at start + i hours; null = no value. */
export type HourlySeries = { start: number; values: readonly (number | null)[] };

export type ForecastInput = {
  series: HourlySeries;
  /** Meteorological covariates (e.g. WS, TEMP, RH) on the same hours as `series`. */
  covariates?: Readonly<Record<string, readonly (number | null)[]>>;
  hours: number;
};

export type ForecastItem = { time: number; value: number; lower: number; upper: number };
export type ForecastResult = {
  method: string;
  /** End of the last hour with a value: the forecast starts one hour later. */
  basedOn: number;
  items: ForecastItem[];
};

const tf = (x: number): number => Math.log1p(Math.max(0, x));
const inv = (z: number): number => Math.max(0, Math.expm1(z));

/** Local hour of day (0–23) of the hour ending at `t`, labelled like DOMAIN §5 (00:00 ends hour 24 → slot 0). */
const hourSlot = (t: number): number => localParts(new Date(t)).hour;

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Solves (A + λI)x = b for a small symmetric system by Gaussian elimination with partial pivoting. */
export function solveRidge(a: number[][], b: number[], lambda: number): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row.map((v, j) => v + (i === j && i > 0 ? lambda * Math.max(1, a[i]![i]!) : 0)), b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const piv = m[c]![c]!;
    if (Math.abs(piv) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / piv;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
}

/** Trailing mean of `d` over (i−w, i], or null when fewer than half of the hours have a value. */
function trailingMeans(d: readonly (number | null)[], w: number): (number | null)[] {
  const out: (number | null)[] = new Array<number | null>(d.length).fill(null);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < d.length; i++) {
    const v = d[i];
    if (v != null) {
      sum += v;
      n++;
    }
    const old = i - w >= 0 ? d[i - w] : null;
    if (old != null) {
      sum -= old;
      n--;
    }
    out[i] = n * 2 >= Math.min(w, i + 1) && n > 0 ? sum / n : null;
  }
  return out;
}

/** The persistence forecast with an interval from the history's own k-hour changes (short histories). */
function persistence(values: readonly (number | null)[], start: number, last: number, hours: number): ForecastResult {
  const x = values[last]!;
  const items: ForecastItem[] = [];
  for (let k = 1; k <= hours; k++) {
    const changes: number[] = [];
    for (let i = 0; i + k <= last; i++) {
      const a = values[i];
      const b = values[i + k];
      if (a != null && b != null) changes.push(tf(b) - tf(a));
    }
    changes.sort((p, q) => p - q);
    const z = tf(x);
    items.push({
      time: start + (last + k) * HOUR_MS,
      value: x,
      lower: changes.length >= 10 ? Math.min(x, inv(z + quantile(changes, LOWER_Q))) : x,
      upper: changes.length >= 10 ? Math.max(x, inv(z + quantile(changes, UPPER_Q))) : x,
    });
  }
  return { method: PERSISTENCE_METHOD, basedOn: start + last * HOUR_MS, items };
}

/**
 * Forecasts the `hours` (1…72) after the last hour with a value. Null when the series has no value at all; the
 * persistence method when it holds fewer than 14 days of values.
 */
export function forecastSeries(input: ForecastInput): ForecastResult | null {
  const hours = Math.max(1, Math.min(MAX_FORECAST_HOURS, Math.floor(input.hours)));
  const { start } = input.series;
  let last = input.series.values.length - 1;
  while (last >= 0 && input.series.values[last] == null) last--;
  if (last < 0) return null;
  // Fit on the latest TRAINING_HOURS ending at the last value.
  const from = Math.max(0, last + 1 - TRAINING_HOURS);
  const values = input.series.values.slice(from, last + 1);
  const t0 = start + from * HOUR_MS;
  const present = values.reduce<number>((n, v) => (v == null ? n : n + 1), 0);
  if (present < MIN_HISTORY_HOURS) return persistence(values, t0, values.length - 1, hours);

  const n = values.length;
  const o = n - 1;
  const z = values.map((v) => (v == null ? null : tf(v)));
  const slot = (i: number): number => hourSlot(t0 + i * HOUR_MS);

  // Diurnal profile over the last 28 days, centred on zero.
  const sums = new Array<number>(24).fill(0);
  const counts = new Array<number>(24).fill(0);
  for (let i = Math.max(0, n - PROFILE_HOURS); i < n; i++) {
    const v = z[i];
    if (v == null) continue;
    sums[slot(i)]! += v;
    counts[slot(i)]!++;
  }
  const raw = sums.map((s, h) => (counts[h]! > 0 ? s / counts[h]! : Number.NaN));
  const known = raw.filter((v) => !Number.isNaN(v));
  const mean = known.reduce((a, b) => a + b, 0) / Math.max(1, known.length);
  const profile = raw.map((v) => (Number.isNaN(v) ? 0 : v - mean));

  const d = z.map((v, i) => (v == null ? null : v - profile[slot(i)]!));
  const m3 = trailingMeans(d, 3);
  const m24 = trailingMeans(d, 24);
  const m168 = trailingMeans(d, 168);
  const covs = Object.values(input.covariates ?? {})
    .map((c) => c.slice(from, last + 1))
    .filter((c) => c.length === n && c[o] != null);
  // Standardise covariates so that one ridge penalty suits all.
  const covStd = covs.map((c) => {
    const xs = c.filter((v): v is number => v != null);
    const mu = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mu) ** 2, 0) / Math.max(1, xs.length - 1)) || 1;
    return c.map((v) => (v == null ? null : (v - mu) / sd));
  });
  const features = (i: number): number[] | null => {
    const a = d[i];
    const b = m3[i];
    const c = m24[i];
    const e = m168[i] ?? c;
    if (a == null || b == null || c == null || e == null) return null;
    const row = [1, a, b, c, e];
    for (const cv of covStd) {
      const v = cv[i];
      if (v == null) return null;
      row.push(v);
    }
    return row;
  };
  const rows: (number[] | null)[] = d.map((_, i) => features(i));
  const x0 = rows[o];
  if (!x0) return persistence(values, t0, o, hours);
  const items: ForecastItem[] = [];
  for (let k = 1; k <= hours; k++) {
    // Within a day, the target hour's deseasonalised value a day earlier is known at the origin: a lead's own feature.
    const withYesterday = k < 24;
    const rowFor = (i: number): number[] | null => {
      const r = rows[i];
      if (!r || !withYesterday) return r ?? null;
      return [...r, d[i + k - 24] ?? m24[i]!];
    };
    const p = x0.length + (withYesterday ? 1 : 0);
    const ata = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    const atb = new Array<number>(p).fill(0);
    let used = 0;
    for (let i = 0; i + k < n; i++) {
      const y = d[i + k];
      const r = y == null ? null : rowFor(i);
      if (!r || y == null) continue;
      used++;
      for (let a = 0; a < p; a++) {
        atb[a]! += r[a]! * y;
        for (let b = a; b < p; b++) ata[a]![b]! += r[a]! * r[b]!;
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) ata[a]![b] = ata[b]![a]!;
    if (used < p * 5) return persistence(values, t0, o, hours);
    const beta = solveRidge(ata, atb, RIDGE);
    const predict = (r: number[]): number => r.reduce((s, v, j) => s + v * beta[j]!, 0);
    const residuals: number[] = [];
    for (let i = Math.max(0, n - INTERVAL_HOURS - k); i + k < n; i++) {
      const y = d[i + k];
      const r = y == null ? null : rowFor(i);
      if (r && y != null) residuals.push(y - predict(r));
    }
    residuals.sort((a, b) => a - b);
    const zHat = predict(rowFor(o)!) + profile[slot(o + k)]!;
    items.push({
      time: t0 + (o + k) * HOUR_MS,
      value: inv(zHat),
      lower: inv(zHat + INTERVAL_WIDEN * quantile(residuals, LOWER_Q)),
      upper: inv(zHat + INTERVAL_WIDEN * quantile(residuals, UPPER_Q)),
    });
  }
  return { method: FORECAST_METHOD, basedOn: t0 + o * HOUR_MS, items };
}
