import { LOCAL_TIME_ZONE } from '../domain/time';

/** SQL text of the local zone, for `AT TIME ZONE` (PostgreSQL's own zone data gives the same fixed +07:00). */
export const LOCAL_TZ_SQL = `'${LOCAL_TIME_ZONE}'`;

/**
 * SQL for a timestamptz as epoch milliseconds (float8, whole numbers). `extract(epoch …)` returns numeric since
 * PostgreSQL 14, whose arithmetic costs several times more than float8's over tens of thousands of rows (chart and QC
 * reads); date_part still returns float8, and round() removes its sub-millisecond representation error.
 */
export function epochMsSql(column: string): string {
  return `round(date_part('epoch', ${column}) * 1000)`;
}
