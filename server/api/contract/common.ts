import 'server-only';
import { z } from 'zod';
import { APP_ERROR_CODES } from '@/lib/errors';

/** Shapes every resource of the API shares: times, path parameters, pages and the error body. */

export { isoDateTime, localDate } from '@/lib/dto/wire';

export const stationCode = z.string().min(1).max(64).describe('station code');
export const codeParams = z.object({ code: stationCode });
/** Row ids are PostgreSQL int4: a larger number can name no row, and must not reach the database (it would fail). */
export const INT4_MAX = 2_147_483_647;
export const rowId = z.coerce.number().int().positive().max(INT4_MAX);
export const idParams = z.object({ id: rowId });
export const stationIdParams = z.object({ code: stationCode, id: rowId });

export const nextCursor = z.string().nullable().describe('pass as ?cursor= to get the next page; null on the last page');

/** `{items, nextCursor}`: every list of the API; page with `?limit=&cursor=`. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor });
}

/** A list answered whole (bounded by its filters): same envelope, `nextCursor` always null. */
export function wholeList<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.null().describe('always null: the whole list in one answer') });
}

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(APP_ERROR_CODES),
    message: z.string(),
    details: z
      .unknown()
      .describe(
        'for VALIDATION: a list of {path, message}, where the limit import adds code and params (a stable problem code for clients to translate); otherwise null or an object',
      ),
  }),
});
/** The one error body of the API: `{"error": {"code", "message", "details"}}`. Never a stack trace. */
export type ApiErrorBody = z.infer<typeof errorBodySchema>;
