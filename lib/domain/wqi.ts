/**
 * VN_WQI for river stations (Decision 1460/QĐ-TCMT, 2019; DOMAIN.md §9). Group I is pH; group II pesticides (each
 * within its limit → 100, else 10); group III metals (As, Cd, Pb, Cr6+, Cu, Zn, Hg); group IV DO, BOD5, COD, TOC, NH4
 * (as N), NO3 (as N), NO2 (as N), PO4 (as P); group V coliform and E. coli (MPN/100 mL). Concentrations in mg/L.
 */
import { roundHalfUp } from './aqi/rounding';

export const WQI_GROUP_IV = ['DO', 'BOD5', 'COD', 'TOC', 'NH4', 'NO3', 'NO2', 'PO4'] as const;
export type WqiGroupIVParameter = (typeof WQI_GROUP_IV)[number];
export const WQI_GROUP_III = ['AS', 'CD', 'PB', 'CR6', 'CU', 'ZN', 'HG'] as const;
export type WqiGroupIIIParameter = (typeof WQI_GROUP_III)[number];
export const WQI_GROUP_V = ['COLIFORM', 'ECOLI'] as const;
export type WqiGroupVParameter = (typeof WQI_GROUP_V)[number];
export type WqiTableParameter = Exclude<WqiGroupIVParameter, 'DO' | 'NO2'> | WqiGroupIIIParameter | WqiGroupVParameter;

/** q values paired with each breakpoint of a table; past the last breakpoint q = 10. */
export const WQI_Q_LEVELS = [100, 75, 50, 25, 10] as const;

/**
 * A breakpoint table of Decision 1460 (DOMAIN.md §9): concentrations at q = 100/75/50/25(/10).
 * `strictFirst`: the first column reads "< BP1" and BP2 = BP1 (NH4 <0.3/0.3: below 0.3 → 100, exactly 0.3 → 75).
 * A four-point table reads "… / BP4 / > BP4": BP4 → 25, above it → 10.
 */
export type WqiTable = { readonly bp: readonly number[]; readonly strictFirst?: boolean };

export const WQI_TABLES: Record<WqiTableParameter, WqiTable> = {
  BOD5: { bp: [4, 6, 15, 25, 50] },
  COD: { bp: [10, 15, 30, 50, 150] },
  TOC: { bp: [4, 6, 15, 25, 50] },
  NH4: { bp: [0.3, 0.3, 0.6, 0.9, 5], strictFirst: true },
  NO3: { bp: [2, 5, 10, 15] },
  PO4: { bp: [0.1, 0.2, 0.3, 0.5, 4] },
  AS: { bp: [0.01, 0.02, 0.05, 0.1] },
  CD: { bp: [0.005, 0.005, 0.008, 0.01, 0.1], strictFirst: true },
  PB: { bp: [0.02, 0.02, 0.04, 0.05, 0.5], strictFirst: true },
  CR6: { bp: [0.01, 0.02, 0.04, 0.05, 0.1] },
  CU: { bp: [0.1, 0.2, 0.5, 1, 2] },
  ZN: { bp: [0.5, 1, 1.5, 2, 3] },
  HG: { bp: [0.001, 0.001, 0.0015, 0.002, 0.01], strictFirst: true },
  COLIFORM: { bp: [2500, 5000, 7500, 10000] },
  ECOLI: { bp: [20, 50, 100, 200] },
};

/** N-NO2 (mg/L as N): ≤ 0.05 → 100, above → 10. */
export const WQI_NO2_LIMIT = 0.05;

/** q linear between breakpoints i and i+1 for the first segment (from `from`) whose upper end reaches x; null past the end. */
function interpolateQ(breakpoints: readonly number[], levels: readonly number[], x: number, from = 0): number | null {
  for (let i = from; i + 1 < breakpoints.length; i += 1) {
    const lo = breakpoints[i];
    const hi = breakpoints[i + 1];
    const qLo = levels[i];
    const qHi = levels[i + 1];
    if (lo === undefined || hi === undefined || qLo === undefined || qHi === undefined) break;
    if (x <= hi) return hi === lo ? qHi : qLo + ((qHi - qLo) * (x - lo)) / (hi - lo);
  }
  return null;
}

/**
 * q of the decision's interpolation: C ≤ BP1 (or < BP1 for a strict table) → 100; linear between breakpoints;
 * beyond the last → 10. Accepts a table or a plain ascending array (a plain array with BP1 = BP2 is read as strict).
 */
export function wqiParameterQ(table: WqiTable | readonly number[], concentration: number): number | null {
  if (!Number.isFinite(concentration) || concentration < 0) return null;
  const bp = 'bp' in table ? table.bp : table;
  const strict = 'bp' in table ? table.strictFirst === true : bp[0] !== undefined && bp[0] === bp[1];
  const first = bp[0];
  if (first === undefined) return null;
  if (strict) {
    if (concentration < first) return WQI_Q_LEVELS[0];
    return interpolateQ(bp, WQI_Q_LEVELS, concentration, 1) ?? 10;
  }
  if (concentration <= first) return WQI_Q_LEVELS[0];
  return interpolateQ(bp, WQI_Q_LEVELS, concentration) ?? 10;
}

/** Oxygen saturation (mg/L) of fresh water at T °C, the decision's polynomial. */
export function doSaturation(temperatureC: number): number {
  const t = temperatureC;
  return 14.652 - 0.41022 * t + 0.007991 * t ** 2 - 0.000077774 * t ** 3;
}

const DO_PERCENT_BREAKPOINTS = [20, 50, 75, 88, 112, 125, 150, 200] as const;
const DO_PERCENT_Q = [25, 50, 75, 100, 100, 75, 50, 25] as const;

/** q of DO saturation %: ≤ 20 % or ≥ 200 % → 10; 88–112 % → 100; linear in between (just above 20 % → ~25). */
export function doPercentQ(doPercent: number): number | null {
  if (!Number.isFinite(doPercent) || doPercent < 0) return null;
  if (doPercent <= 20 || doPercent >= 200) return 10;
  return interpolateQ(DO_PERCENT_BREAKPOINTS, DO_PERCENT_Q, doPercent) ?? 10;
}

/** q of pH: < 5.5 → 10; 5.5 → 50 rising to 6 → 100; 6–8.5 → 100; 8.5 → 100 falling to 9 → 50; > 9 → 10. */
export function phQ(ph: number): number | null {
  if (!Number.isFinite(ph) || ph < 0 || ph > 14) return null;
  if (ph < 5.5 || ph > 9) return 10;
  if (ph < 6) return 50 + ((100 - 50) * (ph - 5.5)) / 0.5;
  if (ph <= 8.5) return 100;
  return 100 - ((100 - 50) * (ph - 8.5)) / 0.5;
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

export type WqiInput = Partial<
  Record<'PH' | 'TEMP' | WqiGroupIVParameter | WqiGroupIIIParameter | WqiGroupVParameter, number | null>
> & {
  /** Group II: one entry per pesticide measured, true when within its limit (q 100), false otherwise (q 10). */
  pesticidesWithinLimits?: readonly boolean[];
};

/**
 * Data sufficiency (configurable): group IV needs at least `minGroupIVParameters` sub-indices (default 3, the
 * decision's minimum) and `minGroups` groups must be present (default 2 = pH + IV, what an automatic station has;
 * set 3 for the decision's 3-of-5-groups reading, which only periodic sampling can meet).
 */
export type WqiOptions = {
  minGroupIVParameters?: number;
  minGroups?: number;
  /** Replacement breakpoint tables (a plain array is read as in wqiParameterQ). */
  breakpoints?: Partial<Record<WqiTableParameter, WqiTable | readonly number[]>>;
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
    color: '#3333FF',
    useVi: 'Sử dụng tốt cho mục đích cấp nước sinh hoạt',
    useEn: 'Good for drinking-water supply',
  },
  {
    category: 'good',
    min: 76,
    max: 90,
    nameVi: 'Tốt',
    nameEn: 'Good',
    color: '#00E400',
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
    color: '#FF7E00',
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
    color: '#7E0023',
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

export type WqiSubIndexKey = 'PH' | 'PESTICIDES' | WqiGroupIVParameter | WqiGroupIIIParameter | WqiGroupVParameter;

export type WqiComputation =
  | {
      ok: true;
      /** Rounded half up to an integer, as the decision publishes it. */
      wqi: number;
      exact: number;
      band: WqiBand;
      subIndices: Partial<Record<WqiSubIndexKey, number>>;
      /** Parameters given but not used (an unusable value, or DO without temperature). */
      ignored: string[];
    }
  | {
      ok: false;
      reason: 'group_iv_insufficient' | 'too_few_groups';
      subIndices: Partial<Record<WqiSubIndexKey, number>>;
    };

/** VN_WQI from one set of values (e.g. a day's means); null/undefined/invalid values are simply absent. */
export function computeWqi(input: WqiInput, options: WqiOptions = {}): WqiComputation {
  const { minGroupIVParameters, minGroups } = { ...WQI_DEFAULT_OPTIONS, ...options };
  const tables: Partial<Record<WqiTableParameter, WqiTable | readonly number[]>> = { ...WQI_TABLES, ...options.breakpoints };
  const subIndices: Partial<Record<WqiSubIndexKey, number>> = {};
  const ignored: string[] = [];
  const fromTable = (p: WqiTableParameter, c: number): number | null => {
    const table = tables[p];
    return table ? wqiParameterQ(table, c) : null;
  };

  const ph = input.PH == null ? null : phQ(input.PH);
  if (ph !== null) subIndices.PH = ph;
  else if (input.PH != null) ignored.push('PH');

  const collect = <P extends WqiGroupIVParameter | WqiGroupIIIParameter | WqiGroupVParameter>(
    codes: readonly P[],
    q: (p: P, c: number) => number | null,
  ): number[] => {
    const out: number[] = [];
    for (const p of codes) {
      const c = input[p];
      if (c == null) continue;
      const v = q(p, c);
      if (v === null) ignored.push(p);
      else {
        subIndices[p] = v;
        out.push(v);
      }
    }
    return out;
  };

  const groupIV = collect(WQI_GROUP_IV, (p, c) => {
    if (p === 'DO') {
      const t = input.TEMP;
      return t == null || !Number.isFinite(t) ? null : doPercentQ((c / doSaturation(t)) * 100);
    }
    if (p === 'NO2') return Number.isFinite(c) && c >= 0 ? (c <= WQI_NO2_LIMIT ? 100 : 10) : null;
    return fromTable(p, c);
  });
  const groupIII = collect(WQI_GROUP_III, fromTable);
  const groupV = collect(WQI_GROUP_V, fromTable);
  const groupII = (input.pesticidesWithinLimits ?? []).map((ok) => (ok ? 100 : 10));
  if (groupII.length > 0) subIndices.PESTICIDES = Math.min(...groupII);

  if (groupIV.length < minGroupIVParameters) return { ok: false, reason: 'group_iv_insufficient', subIndices };
  const groupI = ph === null ? [] : [ph];
  const present = [groupI, groupII, groupIII, groupIV, groupV].filter((g) => g.length > 0).length;
  if (present < minGroups) return { ok: false, reason: 'too_few_groups', subIndices };

  const exact = aggregateWqi({ I: groupI, II: groupII, III: groupIII, IV: groupIV, V: groupV });
  const wqi = roundHalfUp(exact);
  // Every q is ≥ 10, so the WQI is ≥ 0.1 and always has a band.
  const band = findWqiBand(wqi) ?? WQI_BANDS[5];
  return { ok: true, wqi, exact, band, subIndices, ignored };
}
