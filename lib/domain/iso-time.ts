/**
 * Transitional: ISO 8601 time now lives in lib/domain/time. Files of parallel branches (server/api, app/api/v1,
 * lib/services/reports, lib/services/alerts) still import from here; delete this file once they import lib/domain/time.
 */
export { formatIsoLocal, formatIsoLocalOrNull, isoInstant, LOCAL_OFFSET_MINUTES as VN_OFFSET_MINUTES } from './time';
