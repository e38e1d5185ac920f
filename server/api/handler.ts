import 'server-only';
import type { z } from 'zod';
import type { Role } from '@/lib/db/users';
import { AppError } from '@/lib/errors';
import { authenticate, type Principal } from './auth';
import type { Access, RouteDef } from './contract/define';
import { errorResponse } from './errors';
import { assertDeclaredLength, JSON_BODY_MAX_BYTES } from './body';
import { env } from '@/lib/env';
import { parseHeader, parseJsonBody, parseParams, parseQuery } from './validate';

/**
 * Every route handler has the same shape (DESIGN.md habit 4): `handle` authorises and validates as the route's
 * declaration (server/api/contract) says, the route makes one service call and answers; errors are mapped here.
 */
export type RouteContext<P> = { params: Promise<P> };
export type RouteHandler<P> = (req: Request, ctx?: RouteContext<P>) => Promise<Response>;

type NoParams = Record<string, never>;
type Args<P, Who> = { req: Request; params: P; principal: Who };

function withApi<P extends object = NoParams>(access: 'public', fn: (a: Args<P, Principal | null>) => Promise<Response>): RouteHandler<P>;
function withApi<P extends object = NoParams>(
  access: 'authenticated' | readonly Role[],
  fn: (a: Args<P, Principal>) => Promise<Response>,
): RouteHandler<P>;
function withApi<P extends object = NoParams>(
  access: Access,
  fn: (a: Args<P, Principal>) => Promise<Response>,
): RouteHandler<P> {
  return async (req, ctx) => {
    try {
      const params = ((await ctx?.params) ?? {}) as P;
      // PostgreSQL text cannot hold NUL: such a request names nothing and must not reach the database as a 500.
      if (/%00/.test(req.url) || Object.values(params).some((v) => typeof v === 'string' && v.includes('\u0000'))) {
        throw new AppError('VALIDATION', 'the request address contains a NUL character');
      }
      // No route takes a body larger than the largest cap; each body is read under its own cap (server/api/body.ts).
      assertDeclaredLength(req, Math.max(JSON_BODY_MAX_BYTES, env().INGEST_MAX_BYTES));
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

// ── declared routes: the declaration validates the request and types the answer ──

type Output<S> = S extends z.ZodType ? z.output<S> : never;
type ParamsOf<R> = R extends { params: infer S extends z.ZodType } ? Output<S> : NoParams;
type QueryOf<R> = R extends { query: infer S extends z.ZodType } ? Output<S> : NoParams;
type HeadersOf<R> = R extends { headers: infer H extends Readonly<Record<string, z.ZodType>> } ? { [K in keyof H]: Output<H[K]> } : NoParams;
type BodyOf<R> = R extends { body: { kind: 'json'; schema: infer S extends z.ZodType; required: false } }
  ? Output<S> | undefined
  : R extends { body: { kind: 'json'; schema: infer S extends z.ZodType } }
    ? Output<S>
    : undefined;
/** What Next passes as `params`: the path segments as text, before the params schema reads them. */
type RawParamsOf<R> = R extends { params: infer S extends z.ZodObject } ? { [K in keyof S['shape']]: string } : NoParams;
type PrincipalOf<R> = R extends { access: 'public' } ? Principal | null : Principal;

export type HandlerArgs<R extends RouteDef> = {
  req: Request;
  principal: PrincipalOf<R>;
  params: ParamsOf<R>;
  query: QueryOf<R>;
  headers: HeadersOf<R>;
  body: BodyOf<R>;
};

type Responses<R extends RouteDef> = R['responses'];
/** A JSON answer with one of the declared statuses and its schema's shape; a raw answer is a Response. */
type JsonReply<R extends RouteDef> = {
  [S in keyof Responses<R>]: Responses<R>[S] extends { schema: infer T extends z.ZodType } ? { status: S; body: Output<T>; headers?: Record<string, string> } : never;
}[keyof Responses<R>];
type RawReply<R extends RouteDef> = { [S in keyof Responses<R>]: Responses<R>[S] extends { content: object } ? Response : never }[keyof Responses<R>];
export type Reply<R extends RouteDef> = JsonReply<R> | RawReply<R>;

export type DeclaredHandler<R extends RouteDef> = RouteHandler<RawParamsOf<R>> & { readonly route: R };

export const reply = <const S extends number, B>(status: S, body: B) => ({ status, body });
export const ok = <B>(body: B) => reply(200, body);
export const created = <B>(body: B) => reply(201, body);
export const accepted = <B>(body: B) => reply(202, body);

/** An optional JSON body counts as absent when the request has none (an empty POST). */
const hasBody = (req: Request): boolean => (req.headers.get('content-length') ?? '') !== '0' && req.body !== null;

/**
 * The handler of a declared route: access as declared, then path parameters, headers, query and JSON body parsed with
 * the declared schemas (in that order), then `fn`, whose answer the declaration types. The handler carries its
 * declaration so a test can check that every route file serves the route it claims.
 */
export function handle<const R extends RouteDef>(route: R, fn: (args: HandlerArgs<R>) => Promise<Reply<R>>): DeclaredHandler<R> {
  const run = async ({ req, params: raw, principal }: Args<RawParamsOf<R>, Principal | null>): Promise<Response> => {
    const params = route.params ? parseParams(raw, route.params) : {};
    const headers = Object.fromEntries(Object.entries(route.headers ?? {}).map(([name, schema]) => [name, parseHeader(req.headers.get(name), name, schema)]));
    const query = route.query ? parseQuery(req, route.query) : {};
    const body = route.body?.kind === 'json' && (route.body.required !== false || hasBody(req)) ? await parseJsonBody(req, route.body.schema) : undefined;
    // The schemas above are the route's own, so these values have the types HandlerArgs<R> names.
    const reply: Reply<R> = await fn({ req, principal, params, query, headers, body } as HandlerArgs<R>);
    if (reply instanceof Response) return reply;
    const { status, body: data, headers: extra } = reply as { status: number; body: unknown; headers?: Record<string, string> };
    return json(data, status, extra);
  };
  const handler = route.access === 'public' ? withApi<RawParamsOf<R>>('public', run) : withApi<RawParamsOf<R>>(route.access, run);
  return Object.assign(handler, { route });
}
