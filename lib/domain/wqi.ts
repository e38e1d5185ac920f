/**
 * VN_WQI for river stations (Decision 1460/QĐ-TCMT, 2019; DOMAIN.md §9) from automatically measured parameters.
 * Group I is pH; group IV holds DO, BOD5, COD, TOC, NH4 (as N), NO3, NO2, PO4 (as P), all mg/L. Groups II, III and V
 * (pesticides, metals, coliforms) are not measured automatically, but the aggregation accepts their sub-indices.
 */
import { roundHalfUp } from './aqi/rounding';

export const WQI_GROUP_IV = ['DO', 'BOD5', 'COD', 'TOC', 'NH4', 'NO3', 'NO2', 'PO4'] as const;
export type WqiGroupIVParameter = (typeof WQI_GROUP_IV)[number];

/** q values paired with each row of WQI_BREAKPOINTS; above the last breakpoint q = 10. */
export const WQI_Q_LEVELS = [100, 75, 50, 25, 10] as const;

/**
 * Concentrations (mg/L) at q = 100/75/50/25/10 (DOMAIN.md §9). TOC, NO3 and NO2 have no table here because their
 * breakpoints could not be confirmed: pass them in `options.breakpoints` to use them (they are ignored otherwise).
 */
export const WQI_BREAKPOINTS: Partial<Record<WqiGroupIVParameter, readonly number[]>> = {
  BOD5: [4, 6, 15, 25, 50],
  COD: [10, 15, 30, 50, 150],
  NH4: [0.3, 0.3, 0.6, 0.9, 5],
  PO4: [0.1, 0.2, 0.3, 0.5, 4],
};

/**
 * q linear between the breakpoints (ascending) of the first segment whose upper end reaches x, for x at or above the
 * first breakpoint; null above the last one (or past the last q level).
 */
function interpolateQ(breakpoints: readonly number[], levels: readonly number[], x: number): number | null {
  for (let i = 0; i + 1 < breakpoints.length; i += 1) {
    const lo = breakpoints[i];
    const hi = breakpoints[i + 1];
    const qLo = levels[i];
    const qHi = levels[i + 1];
    if (lo === undefined || hi === undefined || qLo === undefined || qHi === undefined) break;
    if (x <= hi) return qLo + ((qHi - qLo) * (x - lo)) / (hi - lo);
  }
  return null;
}

/** q of the decision's interpolation: C ≤ BP1 → 100; BP_i < C ≤ BP_{i+1} linear; C above the last → 10. */
export function wqiParameterQ(breakpoints: readonly number[], concentration: number): number | null {
  if (!Number.isFinite(concentration) || concentration < 0) return null;
  const first = breakpoints[0];
  if (first === undefined || concentration <= first) return WQI_Q_LEVELS[0];
  // Equal breakpoints (NH4 0.3 / 0.3) are a step: 0.3 → 100, just above → about 75.
  return interpolateQ(breakpoints, WQI_Q_LEVELS, concentration) ?? 10;
}

/** Oxygen saturation (mg/L) of fresh water at T °C, the decision's polynomial. */
export function doSaturation(temperatureC: number): number {
  const t = temperatureC;
  return 14.652 - 0.41022 * t + 0.007991 * t ** 2 - 0.000077774 * t ** 3;
}

const DO_PERCENT_BREAKPOINTS = [20, 50, 75, 88, 112, 125, 150, 200] as const;
const DO_PERCENT_Q = [25, 50, 75, 100, 100, 75, 50, 25] as const;

/** q of DO saturation %: below 20 % or above 200 % → 10; 88–112 % → 100; linear in between (20 % → 25, 200 % → 25). */
export function doPercentQ(doPercent: number): number | null {
  if (!Number.isFinite(doPercent) || doPercent < 0) return null;
  if (doPercent < 20 || doPercent > 200) return 10;
  return interpolateQ(DO_PERCENT_BREAKPOINTS, DO_PERCENT_Q, doPercent) ?? 10;
}

/** q of pH: 6–8.5 → 100; ≤ 5.5 or ≥ 9 → 10; linear between 5.5 and 6 and between 8.5 and 9. */
export function phQ(ph: number): number | null {
  if (!Number.isFinite(ph) || ph < 0 || ph > 14) return null;
  if (ph <= 5.5 || ph >= 9) return 10;
  if (ph < 6) return 10 + ((100 - 10) * (ph - 5.5)) / 0.5;
  if (ph <= 8.5) return 100;
  return 100 - ((100 - 10) * (ph - 8.5)) / 0.5;
}

export type WqiGroups = {
  I?: readonly number[];
  II?: readonly number[];
  III?: readonly number[];
  IV: readonly number[];
  V?: readonly number[];
};

const geometricMean = (xs: readonly number[]): number => xs.reduce((p, x) => p * x, 1) ** (1 / xs.length);
const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * WQI = ∏_{I,II,III} (geometric mean of the group / 100) × [(mean IV)² × mean V]^(1/3); an absent group drops out,
 * and without group V the last factor is mean IV. With pH and group IV only: WQI = (q_pH / 100) × mean IV.
 * Unrounded; group IV must not be empty.
 */
export function aggregateWqi(groups: WqiGroups): number {
  if (groups.IV.length === 0) throw new RangeError('aggregateWqi: group IV is required');
  let factor = 1;
  for (const g of [groups.I, groups.II, groups.III]) if (g && g.length > 0) factor *= geometricMean(g) / 100;
  const iv = mean(groups.IV);
  const tail = groups.V && groups.V.length > 0 ? (iv ** 2 * mean(groups.V)) ** (1 / 3) : iv;
  return factor * tail;
}

export type WqiInput = Partial<Record<'PH' | 'TEMP' | WqiGroupIVParameter, number | null>>;

/**
 * Data sufficiency (configurable): group IV needs at least `minGroupIVParameters` sub-indices (default 3, the
 * decision's minimum) and `minGroups` groups must be present (default 2 = pH + IV, what an automatic station has;
 * set 3 for the decision's 3-of-5-groups reading, which only periodic sampling can meet).
 */
export type WqiOptions = {
  minGroupIVParameters?: number;
  minGroups?: number;
  breakpoints?: Partial<Record<WqiGroupIVParameter, readonly number[]>>;
};

export const WQI_DEFAULT_OPTIONS = { minGroupIVParameters: 3, minGroups: 2 } as const;

export type WqiBand = {
  category: 'excellent' | 'good' | 'medium' | 'poor' | 'bad' | 'very_polluted';
  min: number;
  max: number;
  nameVi: string;
  nameEn: string;
  color: string;
  useVi: string;
  useEn: string;
};

export const WQI_BANDS = [
  {
    category: 'excellent',
    min: 91,
    max: 100,
    nameVi: 'Rất tốt',
    nameEn: 'Excellent',
    color: '#3399FF',
    useVi: 'Sử dụng tốt cho mục đích cấp nước sinh hoạt',
    useEn: 'Good for drinking-water supply',
  },
  {
    category: 'good',
    min: 76,
    max: 90,
    nameVi: 'Tốt',
    nameEn: 'Good',
    color: '#22DD22',
    useVi: 'Dùng cho cấp nước sinh hoạt nhưng cần biện pháp xử lý phù hợp',
    useEn: 'Drinking-water supply with suitable treatment',
  },
  {
    category: 'medium',
    min: 51,
    max: 75,
    nameVi: 'Trung bình',
    nameEn: 'Medium',
    color: '#FFFF00',
    useVi: 'Dùng cho tưới tiêu và các mục đích tương đương',
    useEn: 'Irrigation and similar uses',
  },
  {
    category: 'poor',
    min: 26,
    max: 50,
    nameVi: 'Xấu',
    nameEn: 'Poor',
    color: '#FF9900',
    useVi: 'Dùng cho giao thông thủy và các mục đích tương đương',
    useEn: 'Waterway transport and similar uses',
  },
  {
    category: 'bad',
    min: 10,
    max: 25,
    nameVi: 'Kém',
    nameEn: 'Bad',
    color: '#FF0000',
    useVi: 'Nước ô nhiễm nặng, cần biện pháp xử lý trong tương lai',
    useEn: 'Heavily polluted, needs treatment in future',
  },
  {
    category: 'very_polluted',
    min: 0,
    max: 9,
    nameVi: 'Ô nhiễm rất nặng',
    nameEn: 'Very polluted',
    color: '#663300',
    useVi: 'Nước nhiễm độc, cần biện pháp khắc phục, xử lý',
    useEn: 'Toxic water, needs remediation',
  },
] as const satisfies readonly WqiBand[];

/** Band of a WQI rounded half up: 91–100, 76–90, 51–75, 26–50, 10–25, below 10. Null for negative or non-finite. */
export function findWqiBand(wqi: number): WqiBand | null {
  if (!Number.isFinite(wqi) || wqi < 0) return null;
  const rounded = roundHalfUp(wqi);
  return WQI_BANDS.find((b) => rounded >= b.min) ?? null;
}

export type WqiComputation =
  | {
      ok: true;
      /** Rounded half up to an integer, as the decision publishes it. */
      wqi: number;
      exact: number;
      band: WqiBand;
      subIndices: Partial<Record<'PH' | WqiGroupIVParameter, number>>;
      /** Parameters given but not used: no breakpoint table (TOC, NO3, NO2 by default) or DO without temperature. */
      ignored: string[];
    }
  | {
      ok: false;
      reason: 'group_iv_insufficient' | 'too_few_groups';
      subIndices: Partial<Record<'PH' | WqiGroupIVParameter, number>>;
    };

/** VN_WQI from one set of values (e.g. a day's means); null/undefined/invalid values are simply absent. */
export function computeWqi(input: WqiInput, options: WqiOptions = {}): WqiComputation {
  const { minGroupIVParameters, minGroups } = { ...WQI_DEFAULT_OPTIONS, ...options };
  const tables = { ...WQI_BREAKPOINTS, ...options.breakpoints };
  const subIndices: Partial<Record<'PH' | WqiGroupIVParameter, number>> = {};
  const ignored: string[] = [];

  const ph = input.PH == null ? null : phQ(input.PH);
  if (ph !== null) subIndices.PH = ph;
  else if (input.PH != null) ignored.push('PH');

  for (const p of WQI_GROUP_IV) {
    const c = input[p];
    if (c == null) continue;
    let q: number | null;
    if (p === 'DO') {
      const t = input.TEMP;
      q = t == null || !Number.isFinite(t) ? null : doPercentQ((c / doSaturation(t)) * 100);
    } else {
      const table = tables[p];
      q = table ? wqiParameterQ(table, c) : null;
    }
    if (q === null) ignored.push(p);
    else subIndices[p] = q;
  }

  const groupIV = WQI_GROUP_IV.flatMap((p) => (subIndices[p] === undefined ? [] : [subIndices[p]]));
  if (groupIV.length < minGroupIVParameters) return { ok: false, reason: 'group_iv_insufficient', subIndices };
  const groupI = ph === null ? [] : [ph];
  if (1 + (groupI.length > 0 ? 1 : 0) < minGroups) return { ok: false, reason: 'too_few_groups', subIndices };

  const exact = aggregateWqi({ I: groupI, IV: groupIV });
  const wqi = roundHalfUp(exact);
  // Every q is ≥ 10, so the WQI is ≥ 1 and always has a band.
  const band = findWqiBand(wqi) ?? WQI_BANDS[5];
  return { ok: true, wqi, exact, band, subIndices, ignored };
}
