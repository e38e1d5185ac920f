import type { LimitAveraging, LimitValue, PermitTerms } from '@/lib/domain/limits';
import type { StationKind } from '@/lib/domain/parameters';

/**
 * Limits admin DTOs: what server/queries/limits-admin.ts returns and the limits admin components show. Instants are
 * ISO text with +07:00, local calendar dates 'YYYY-MM-DD'. Types only.
 */
export type LimitVersionItem = {
  version: string;
  name: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  inForce: boolean;
  source: 'builtin' | 'import';
  importedBy: string | null;
  createdAt: string;
  values: LimitValue[];
};
export type LimitStandardItem = { code: string; kind: StationKind; versions: LimitVersionItem[] };
export type StationBindingSummary = {
  code: string;
  name: string;
  kind: StationKind;
  facilityName: string;
  bindings: { standardCode: string; column: string }[];
};

export type Coefficients = { kq?: number; kf?: number; kp?: number; kv?: number };
export type StationLimitItem = {
  averaging: LimitAveraging;
  min: number | null;
  max: number | null;
  source: 'permit' | 'standard' | 'station';
  standard: string;
  version: string;
  column: string;
  coefficients: Coefficients;
  base: { min?: number; max?: number };
  o2Ref: number | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  permitId: number | null;
  live: boolean;
};
export type StationParameterLimits = { parameter: string; unit: string; limits: StationLimitItem[] };
export type BindingItem = {
  standardCode: string;
  column: string;
  coefficients: Coefficients & { o2Ref?: number };
  updatedBy: string | null;
  updatedAt: string | null;
};
export type PermitItem = { id: number; parameter: string; stationCode: string | null } & PermitTerms & { inForce: boolean };
export type BindableStandard = {
  code: string;
  name: string;
  columns: string[];
  versions: { version: string; effectiveFrom: string; effectiveTo: string | null }[];
};

export type MaintenanceStatus = 'active' | 'upcoming' | 'past' | 'cancelled';
export type MaintenanceWindowItem = {
  id: number;
  stationCode: string;
  stationName: string;
  parameters: string[];
  from: string;
  to: string;
  reason: string;
  createdBy: string;
  cancelledAt: string | null;
  cancelledBy: string | null;
  status: MaintenanceStatus;
};
export type MaintenanceStation = { code: string; name: string; parameters: string[] };
