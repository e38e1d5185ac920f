import type { StationKind } from '../parameters';
import { parseLocalDate } from '../time';
import { ANY_COLUMN, type LimitAveraging, type LimitCoefficients, type LimitStandard, type LimitValue } from './types';

/** Epoch ms at which local day `YYYY-MM-DD` starts; NaN (never in force) for anything else. */
const dayStartMs = (day: string): number => parseLocalDate(day)?.getTime() ?? Number.NaN;

/** In force on [effectiveFrom, effectiveTo): a standard ending 2026-01-01 no longer applies at 00:00 that day. */
export function isInForce(standard: Pick<LimitStandard, 'effectiveFrom' | 'effectiveTo'>, at: number): boolean {
  const from = dayStartMs(standard.effectiveFrom);
  const to = standard.effectiveTo === undefined ? Number.POSITIVE_INFINITY : dayStartMs(standard.effectiveTo);
  return at >= from && at < to;
}

/**
 * The instant whose limit version and permit judge a period (hour, 8 hours, day, year): its start (DOMAIN.md §6).
 * The day 31/12/2025 (hours 01:00 … 24:00) starts at 00:00 that day, so PM2.5 24 h is judged against 50, not 45.
 */
export function judgedAt(period: { start: number }): number {
  return period.start;
}

export type PermitOverride = { reference: string; min?: number; max?: number; averaging: LimitAveraging };

export type ResolvedLimit = {
  min?: number;
  max?: number;
  averaging: LimitAveraging;
  derivation: {
    /** Standard code, or 'permit' for a facility permit override. */
    standard: string;
    version: string;
    column: string;
    coefficients: LimitCoefficients;
    /** The column's own values before coefficients. */
    base: { min?: number; max?: number };
  };
};

export type ResolveLimitInput = {
  standards: readonly LimitStandard[];
  stationKind: StationKind;
  parameter: string;
  /** Column/class/zone bound to the station; values with column 'all' match any. */
  column?: string;
  coefficients?: LimitCoefficients;
  /** Instant (epoch ms) the limit must be in force at. */
  at: number;
  /** Only this averaging; when omitted the shortest period in force is used (the one live values compare to). */
  averaging?: LimitAveraging;
  /** Only this standard code (e.g. an existing facility still bound to QCVN40:2011). */
  standardCode?: string;
  permitOverride?: PermitOverride | null;
};

const AVERAGING_ORDER: Record<LimitAveraging, number> = { '5min': 0, '1h': 1, '8h': 2, '24h': 3, year: 4 };

/** Coefficients that belong to a kind: Kq·Kf for wastewater, Kp·Kv for emission, none otherwise. */
function relevantCoefficients(kind: StationKind, c: LimitCoefficients): LimitCoefficients {
  if (kind === 'wastewater')
    return { ...(c.kq !== undefined && { kq: c.kq }), ...(c.kf !== undefined && { kf: c.kf }) };
  if (kind === 'emission') return { ...(c.kp !== undefined && { kp: c.kp }), ...(c.kv !== undefined && { kv: c.kv }) };
  return {};
}

/** Four decimals drop binary noise (150 × 0.9 × 1.1 = 148.50000000000003 → 148.5). */
const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/**
 * The limit in force: a permit override wins; otherwise the matching value of the standard in force at `at` (latest
 * effectiveFrom first), with coefficients multiplying the max only when the value allows them. Null when none applies.
 */
export function resolveLimit(input: ResolveLimitInput): ResolvedLimit | null {
  if (input.permitOverride) {
    const p = input.permitOverride;
    const bounds = { ...(p.min !== undefined && { min: p.min }), ...(p.max !== undefined && { max: p.max }) };
    return {
      ...bounds,
      averaging: p.averaging,
      derivation: {
        standard: 'permit',
        version: p.reference,
        column: input.column ?? ANY_COLUMN,
        coefficients: {},
        base: bounds,
      },
    };
  }

  const candidates: { standard: LimitStandard; value: LimitValue }[] = [];
  for (const standard of input.standards) {
    if (standard.kind !== input.stationKind || !isInForce(standard, input.at)) continue;
    if (input.standardCode !== undefined && standard.code !== input.standardCode) continue;
    for (const value of standard.values) {
      if (value.parameter !== input.parameter) continue;
      if (value.column !== ANY_COLUMN && value.column !== input.column) continue;
      if (input.averaging !== undefined && value.averaging !== input.averaging) continue;
      candidates.push({ standard, value });
    }
  }
  candidates.sort(
    (a, b) =>
      dayStartMs(b.standard.effectiveFrom) - dayStartMs(a.standard.effectiveFrom) ||
      AVERAGING_ORDER[a.value.averaging] - AVERAGING_ORDER[b.value.averaging],
  );
  const best = candidates[0];
  if (!best) return null;

  const { standard, value } = best;
  const coefficients = value.applyCoefficients ? relevantCoefficients(standard.kind, input.coefficients ?? {}) : {};
  const factor = Object.values(coefficients).reduce((p, k) => p * k, 1);
  const base = {
    ...(value.min !== undefined && { min: value.min }),
    ...(value.max !== undefined && { max: value.max }),
  };
  return {
    ...base,
    ...(value.max !== undefined && { max: round4(value.max * factor) }),
    averaging: value.averaging,
    derivation: { standard: standard.code, version: standard.version, column: value.column, coefficients, base },
  };
}
