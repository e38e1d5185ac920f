import 'server-only';
import type { Role } from '@/lib/db/users';
import { AppError } from '@/lib/errors';
import { authenticate, type Principal } from './auth';
import { errorResponse } from './errors';

/**
 * Every route handler has the same shape (DESIGN.md habit 4): authorise here, then the route validates with zod,
 * makes one service call and returns; errors are mapped to the API's error body here.
 */
export type RouteContext<P> = { params: Promise<P> };
export type RouteHandler<P> = (req: Request, ctx?: RouteContext<P>) => Promise<Response>;

type NoParams = Record<string, never>;
type Args<P, Who> = { req: Request; params: P; principal: Who };

/** `public`: anyone; `authenticated`: any valid token; a role list: only those roles (others get 403). */
export type Access = 'public' | 'authenticated' | readonly Role[];

export function withApi<P extends object = NoParams>(access: 'public', fn: (a: Args<P, Principal | null>) => Promise<Response>): RouteHandler<P>;
export function withApi<P extends object = NoParams>(
  access: 'authenticated' | readonly Role[],
  fn: (a: Args<P, Principal>) => Promise<Response>,
): RouteHandler<P>;
export function withApi<P extends object = NoParams>(
  access: Access,
  fn: (a: Args<P, Principal>) => Promise<Response>,
): RouteHandler<P> {
  return async (req, ctx) => {
    try {
      const params = ((await ctx?.params) ?? {}) as P;
      // Reading the header also marks the route as request-dependent (never prerendered).
      const hasCredentials = req.headers.get('authorization') !== null;
      const principal = access === 'public' && !hasCredentials ? null : await authenticate(req);
      if (access !== 'public') {
        if (!principal) throw new AppError('UNAUTHORIZED', 'a valid bearer token is required (Authorization: Bearer <token>)');
        if (access !== 'authenticated' && !access.includes(principal.role)) {
          throw new AppError('FORBIDDEN', `not allowed for role ${principal.role}`, { allowed: access });
        }
      }
      // For public routes the principal may be null; the overloads keep that visible to callers.
      return await fn({ req, params, principal: principal as Principal });
    } catch (e) {
      return errorResponse(e, `${req.method} ${new URL(req.url).pathname}`);
    }
  };
}

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(data, { status, headers: { 'cache-control': 'no-store', ...headers } });
}
