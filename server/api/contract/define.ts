import 'server-only';
import type { z } from 'zod';
import type { Role } from '@/lib/db/users';
import type { AppErrorCode } from '@/lib/errors';

/**
 * One declaration per route of /api/v1: who may call it, what it accepts and what it answers. Route handlers validate
 * with these schemas (server/api/handler.ts `handle`) and the OpenAPI document is generated from them
 * (server/api/openapi.ts), so the two cannot drift apart.
 */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** `public`: anyone; `authenticated`: any valid token; a role list: only those roles (others get 403). */
export type Access = 'public' | 'authenticated' | readonly Role[];

export const TAGS = {
  system: 'health and this document',
  facilities: 'facilities, their FTP accounts and tokens',
  stations: 'stations, latest values, readings and air/water quality indices',
  ingest: 'receiving files and the ledger',
  qc: 'data control: overlays, QC settings, recomputation, QC views',
  forwarding: 'forwarding to the ministry: targets, reconciliation, resend',
  kpi: 'data-completeness KPIs (receipt and valid rates)',
  alerts: 'alerts, acknowledgement and inspector disposition',
  limits: 'limit standards, versions and imports',
} as const;
export type Tag = keyof typeof TAGS;

/** A media type whose bytes the handler reads itself; `schema` documents (and may validate) its text. */
export type RawMedia = { description?: string; schema?: z.ZodType; binary?: boolean };

/** JSON body: parsed with `schema` before the handler runs (an optional one only when the request has a body). */
export type JsonBody = { kind: 'json'; schema: z.ZodType; required?: boolean; description?: string; example?: unknown };
/** Raw body: the handler reads the bytes (files, CSV); the declaration documents the accepted media types. */
export type RawBody = { kind: 'raw'; description: string; content: Readonly<Record<string, RawMedia>> };

export type JsonResponse = { description: string; schema: z.ZodType; example?: unknown };
export type RawResponse = {
  description: string;
  content: Readonly<Record<string, RawMedia>>;
  headers?: Readonly<Record<string, { description: string; schema: z.ZodType }>>;
};

export type RouteDef = {
  method: HttpMethod;
  /** OpenAPI path (`{code}` for the `[code]` folder of app/api). */
  path: `/api/v1/${string}`;
  operationId: string;
  summary: string;
  description?: string;
  tag: Tag;
  access: Access;
  /** Public routes whose answer depends on a token when one is sent (e.g. the public delay of AQI). */
  optionalToken?: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** Request headers by their canonical name, each validated on its own (`invalid header X-File-Name`). */
  headers?: Readonly<Record<string, z.ZodType>>;
  body?: JsonBody | RawBody;
  responses: Readonly<Record<number, JsonResponse | RawResponse>>;
  /** Error codes the route can answer beyond those its shape implies (400 with inputs, 401/403 by access, 404 with path params). */
  errors?: readonly AppErrorCode[];
};

/** A route as its resource's file declares it: `route` is the request line, e.g. 'GET /api/v1/stations/{code}'. */
export type RouteSpec = Omit<RouteDef, 'method' | 'path' | 'operationId' | 'tag'> & { route: `${HttpMethod} ${RouteDef['path']}` };

type Declared<S extends RouteSpec, K extends string, T extends Tag> = Omit<S, 'route'> & {
  method: S['route'] extends `${infer M extends HttpMethod} ${string}` ? M : never;
  path: S['route'] extends `${string} ${infer P extends RouteDef['path']}` ? P : never;
  operationId: K;
  tag: T;
};

/**
 * The routes of one resource, keyed by their operationIds (the names route handlers import them by), all under `tag`;
 * literal types are kept, so handlers see the exact schemas and statuses.
 */
export function defineRoutes<const T extends Tag, const S extends Record<string, RouteSpec>>(
  tag: T,
  specs: S,
): { [K in keyof S & string]: Declared<S[K], K, T> } {
  const routes: Record<string, RouteDef> = {};
  for (const [operationId, { route, ...spec }] of Object.entries(specs)) {
    const [method, path] = route.split(' ') as [HttpMethod, RouteDef['path']];
    routes[operationId] = { method, path, operationId, tag, ...spec };
  }
  return routes as { [K in keyof S & string]: Declared<S[K], K, T> };
}

/** Named schemas of a resource, emitted as `#/components/schemas/<name>`: request ones as input, responses as output. */
export type Components = { request?: Readonly<Record<string, z.ZodType>>; response?: Readonly<Record<string, z.ZodType>> };
