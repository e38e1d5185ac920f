import type { StationKind } from '../parameters';

export const LIMIT_AVERAGINGS = ['5min', '1h', '8h', '24h', 'year'] as const;
export type LimitAveraging = (typeof LIMIT_AVERAGINGS)[number];

/** Column for standards without columns or classes (QCVN 05): matches any requested column. */
export const ANY_COLUMN = 'all';

export type LimitValue = {
  /** Column, class or zone of the standard: 'A', 'B', 'C', or ANY_COLUMN. */
  column: string;
  /** Canonical parameter code of lib/domain/parameters. */
  parameter: string;
  min?: number;
  max?: number;
  averaging: LimitAveraging;
  /** Whether Kq·Kf (wastewater) or Kp·Kv (emission) multiply the max. */
  applyCoefficients: boolean;
};

/** One version of a standard, in force on [effectiveFrom, effectiveTo) as local (UTC+7) calendar dates `YYYY-MM-DD`. */
export type LimitStandard = {
  code: string;
  name: string;
  version: string;
  effectiveFrom: string;
  effectiveTo?: string;
  kind: StationKind;
  values: readonly LimitValue[];
};

/** A facility permit's limit on a parameter: its band and averaging, in force on [effectiveFrom, effectiveTo) (local dates). */
export type PermitTerms = {
  min: number | null;
  max: number | null;
  averaging: LimitAveraging;
  effectiveFrom: string;
  effectiveTo: string | null;
  note: string | null;
};

export type LimitCoefficients = { kq?: number; kf?: number; kp?: number; kv?: number };
