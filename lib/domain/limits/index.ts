export {
  ANY_COLUMN,
  LIMIT_AVERAGINGS,
  type LimitAveraging,
  type LimitCoefficients,
  type LimitStandard,
  type LimitValue,
  type PermitTerms,
} from './types';
export { BUILT_IN_LIMIT_STANDARDS, QCVN_05_2023, QCVN_08_2023, QCVN_19_2009, QCVN_40_2011 } from './catalogue';
export { kf, kp, kq, kv, type KvZone, type ReceivingWater } from './coefficients';
export {
  isInForce,
  judgedAt,
  resolveLimit,
  type PermitOverride,
  type ResolveLimitInput,
  type ResolvedLimit,
} from './resolve';
export {
  detectLimitImportFormat,
  LIMIT_CSV_COLUMNS,
  LIMIT_IMPORT_ERROR_CODES,
  limitImportProblem,
  limitStandardImportSchema,
  parseLimitCsv,
  parseLimitImport,
  type LimitCsvError,
  type LimitCsvResult,
  type LimitImportError,
  type LimitImportErrorCode,
  type LimitImportFormat,
  type LimitImportIssue,
  type LimitImportParams,
  type LimitImportProblem,
  type LimitImportResult,
  type LimitStandardImport,
} from './import';
export { LIMIT_IMPORT_EXAMPLE_CSV, LIMIT_IMPORT_EXAMPLE_JSON } from './import-example';
export { DEFAULT_STANDARD_BY_KIND, DEFAULT_SURFACE_WATER_CLASS, defaultBindingFor, needsLimitSetup, type DefaultBinding } from './defaults';
