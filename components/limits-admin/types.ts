import type { LimitImportError, LimitValue } from '@/lib/domain/limits';
import type { StationKind } from '@/lib/domain/parameters';

export type {
  LimitVersionItem,
  LimitStandardItem,
  StationBindingSummary,
  Coefficients,
  StationLimitItem,
  StationParameterLimits,
  BindingItem,
  PermitItem,
  BindableStandard,
  MaintenanceStatus,
  MaintenanceWindowItem,
  MaintenanceStation,
} from '@/lib/dto/limits-admin';

type ErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHORIZED' | 'VALIDATION' | 'CONFLICT' | 'RATE_LIMITED' | 'INTERNAL';

export type AdminResult =
  { ok: true; message?: string; count?: number } | { ok: false; error: ErrorCode; details: string } | null;
export type AdminFormAction = (prev: AdminResult, fd: FormData) => Promise<AdminResult>;

export type ImportPreviewStandard = {
  code: string;
  name: string;
  version: string;
  kind: StationKind;
  effectiveFrom: string;
  effectiveTo: string | null;
  values: readonly LimitValue[];
  exists: boolean;
};
export type ImportResult =
  | {
      ok: true;
      mode: 'preview';
      fileName: string;
      preview: { ok: boolean; standards: ImportPreviewStandard[]; errors: LimitImportError[] };
    }
  | { ok: true; mode: 'saved'; fileName: string; imported: { code: string; version: string; values: number }[] }
  | { ok: false; error: ErrorCode; details: string; errors: LimitImportError[] }
  | null;
export type ImportAction = (prev: ImportResult, fd: FormData) => Promise<ImportResult>;
