import 'server-only';
import { z } from 'zod';
import { isoInstant } from '@/lib/domain/time';
import { HTTP_STATUS, type AppErrorCode } from '@/lib/errors';
import { API_COMPONENTS, API_ROUTES } from './contract';
import { errorBodySchema } from './contract/common';
import { TAGS, type Components, type RawMedia, type RouteDef } from './contract/define';
import { pageQuery } from './pagination';

/**
 * The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json, generated from the route declarations of
 * server/api/contract with zod's own `z.toJSONSchema`: requests as zod reads them (io `input`: defaults optional,
 * coercions and transforms as their input), answers as the handlers produce them (io `output`).
 */
type JsonSchema = z.core.JSONSchema.JSONSchema;
type Ref = { $ref: string };
type ParameterObject = { name: string; in: 'path' | 'query' | 'header'; required: boolean; description?: string; schema: JsonSchema };
type MediaTypeObject = { schema: JsonSchema; example?: unknown };
type HeaderObject = { description: string; schema: JsonSchema };
type ResponseObject = { description: string; content?: Record<string, MediaTypeObject>; headers?: Record<string, HeaderObject> };
type OperationObject = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: Record<string, string[]>[];
  'x-access': RouteDef['access'];
  parameters?: (ParameterObject | Ref)[];
  requestBody?: { required: boolean; description?: string; content: Record<string, MediaTypeObject> };
  responses: Record<string, ResponseObject | Ref>;
};
type PathItem = Partial<Record<'get' | 'post' | 'put' | 'patch' | 'delete', OperationObject>>;

export type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, PathItem>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, { type: 'http'; scheme: 'bearer'; bearerFormat: string; description: string }>;
    parameters: Record<string, ParameterObject>;
    responses: Record<string, ResponseObject>;
  };
};

const SCHEMA_REF = '#/components/schemas/';
/** Ids of schemas that are not components: converted in the same pass, then inlined where they are used. */
const INLINE_PREFIX = '__inline';

const ERROR_RESPONSES: Record<AppErrorCode, string> = {
  VALIDATION: 'BadRequest',
  UNAUTHORIZED: 'Unauthorized',
  FORBIDDEN: 'Forbidden',
  NOT_FOUND: 'NotFound',
  CONFLICT: 'Conflict',
  RATE_LIMITED: 'RateLimited',
  INTERNAL: 'Internal',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Zod's JSON Schema with the document's conventions: instants as date-time text, no generated noise. */
const overrideFor = (io: 'input' | 'output') => (ctx: { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }): void => {
  const json = ctx.jsonSchema as Record<string, unknown>;
  const def = ctx.zodSchema._zod.def;
  // Answers may gain fields (API.md welcomes them): only a strict object closes its properties.
  if (io === 'output' && def.type === 'object' && !('catchall' in def && def.catchall) && json.additionalProperties === false) delete json.additionalProperties;
  if (ctx.zodSchema === isoInstant) {
    // A union of a Date (from code) and ISO text (from HTTP): over the wire only the text exists.
    for (const key of Object.keys(json)) delete json[key];
    Object.assign(json, { type: 'string', format: 'date-time', description: 'ISO 8601 with any offset (none: +07:00); a bare date is local midnight' });
  }
  if (json.format === 'date-time' || json.format === 'date') delete json.pattern;
  if (json.minimum === Number.MIN_SAFE_INTEGER) delete json.minimum;
  if (json.maximum === Number.MAX_SAFE_INTEGER) delete json.maximum;
};

/** The Date branch of `isoInstant` is for callers in code; anything else unrepresentable is a declaration error. */
const unrepresentable = (ctx: { zodSchema: z.core.$ZodType }) => (ctx.zodSchema === isoInstant.options[0] ? ('any' as const) : ('throw' as const));

/** The schemas of one direction (requests or answers): components by name plus the anonymous ones routes use. */
class SchemaSet {
  private readonly registry = z.registry<{ id: string }>();
  private readonly ids = new Map<z.ZodType, string>();
  private readonly names = new Set<string>();
  private converted: Record<string, JsonSchema> | null = null;

  constructor(private readonly io: 'input' | 'output') {}

  component(name: string, schema: z.ZodType): void {
    if (this.names.has(name) || this.ids.has(schema)) throw new Error(`openapi: component ${name} declared twice`);
    this.registry.add(schema, { id: name });
    this.ids.set(schema, name);
    this.names.add(name);
  }

  /** Registers a schema before conversion; returns the key `resolve` takes. */
  use(schema: z.ZodType): string {
    let id = this.ids.get(schema);
    if (!id) {
      if (this.converted) throw new Error('openapi: a schema was registered after the conversion');
      id = `${INLINE_PREFIX}${this.ids.size}`;
      this.registry.add(schema, { id });
      this.ids.set(schema, id);
    }
    return id;
  }

  private convert(): Record<string, JsonSchema> {
    if (this.converted) return this.converted;
    const out = z.toJSONSchema(this.registry, { io: this.io, uri: (id) => `${SCHEMA_REF}${id}`, override: overrideFor(this.io), unrepresentable });
    const all = out.schemas as Record<string, JsonSchema>;
    if ('__shared' in all) throw new Error('openapi: a schema is cyclic or shared outside the components');
    for (const json of Object.values(all)) {
      const j = json as Record<string, unknown>;
      delete j.$schema;
      delete j.$id;
    }
    // Anonymous schemas nested in others (a route's answer inside a list) are inlined: only components are referenced.
    const inline = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(inline);
      if (!isObject(v)) return v;
      const ref = v.$ref;
      if (typeof ref === 'string' && ref.startsWith(SCHEMA_REF + INLINE_PREFIX)) {
        const { $ref: _ref, ...rest } = v;
        return { ...(inline(all[ref.slice(SCHEMA_REF.length)]) as object), ...rest };
      }
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, inline(x)]));
    };
    this.converted = Object.fromEntries(Object.entries(all).map(([id, json]) => [id, inline(json) as JsonSchema]));
    return this.converted;
  }

  /** A component as a reference, anything else inline. */
  resolve(id: string): JsonSchema {
    if (this.names.has(id)) return { $ref: `${SCHEMA_REF}${id}` };
    const json = this.convert()[id];
    if (!json) throw new Error(`openapi: schema ${id} was not registered`);
    return json;
  }

  components(): Record<string, JsonSchema> {
    const all = this.convert();
    return Object.fromEntries([...this.names].map((n) => [n, all[n] as JsonSchema]));
  }
}

/** Splits an object schema into OpenAPI parameters (`description` moves up from the property, as tools expect). */
function parameters(json: JsonSchema, where: ParameterObject['in'], shared: ReadonlyMap<string, z.ZodType>, shape: Record<string, unknown>): (ParameterObject | Ref)[] {
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, prop]): ParameterObject | Ref => {
    const sharedSchema = shared.get(name);
    if (sharedSchema && sharedSchema === shape[name]) return { $ref: `#/components/parameters/${name}` };
    const { description, ...schema } = (isObject(prop) ? prop : {}) as JsonSchema;
    return { name, in: where, required: where === 'path' || required.has(name), ...(description ? { description } : {}), schema };
  });
}

function registerRaw(content: Readonly<Record<string, RawMedia>>, set: SchemaSet): void {
  for (const m of Object.values(content)) if (m.schema) set.use(m.schema);
}

function rawContent(content: Readonly<Record<string, RawMedia>>, set: SchemaSet): Record<string, MediaTypeObject> {
  return Object.fromEntries(
    Object.entries(content).map(([type, m]) => {
      const text: JsonSchema = { type: 'string', ...(m.binary ? { format: 'binary' } : {}), ...(m.description ? { description: m.description } : {}) };
      return [type, { schema: m.schema ? set.resolve(set.use(m.schema)) : text }];
    }),
  );
}

/** Error answers a route can give: 400 with inputs, 401/403 by access, 404 with path parameters, plus declared ones. */
function errorCodes(route: RouteDef): AppErrorCode[] {
  const codes = new Set<AppErrorCode>(route.errors ?? []);
  if (route.params || route.query || route.headers || route.body) codes.add('VALIDATION');
  if (route.access !== 'public') codes.add('UNAUTHORIZED');
  if (Array.isArray(route.access)) codes.add('FORBIDDEN');
  if (route.params) codes.add('NOT_FOUND');
  codes.add('INTERNAL');
  return [...codes].sort((a, b) => HTTP_STATUS[a] - HTTP_STATUS[b]);
}

function security(route: RouteDef): Record<string, string[]>[] {
  if (route.access !== 'public') return [{ bearerAuth: [] }];
  return route.optionalToken ? [{}, { bearerAuth: [] }] : [];
}

const pathParams = (path: string): string[] => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);

export function generateOpenApiDocument(routes: readonly RouteDef[], components: readonly Components[]): OpenApiDocument {
  const req = new SchemaSet('input');
  const res = new SchemaSet('output');
  res.component('Error', errorBodySchema);
  for (const c of components) {
    for (const [name, schema] of Object.entries(c.request ?? {})) req.component(name, schema);
    for (const [name, schema] of Object.entries(c.response ?? {})) res.component(name, schema);
  }
  const sharedParams = new Map<string, z.ZodType>(Object.entries(pageQuery));
  const sharedParamsId = req.use(z.object(pageQuery));

  // Everything is registered before the first conversion, so one pass per direction sees every schema.
  const seen = new Set<string>();
  const plans = routes.map((route) => {
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) throw new Error(`openapi: ${key} declared twice`);
    seen.add(key);
    const declared = Object.keys(route.params?.shape ?? {}).sort();
    if (pathParams(route.path).sort().join() !== declared.join()) throw new Error(`openapi: ${key} path parameters differ from its params schema`);
    const headers = route.headers ? z.object(route.headers) : undefined;
    if (route.body?.kind === 'raw') registerRaw(route.body.content, req);
    for (const r of Object.values(route.responses)) {
      if (!('content' in r)) continue;
      registerRaw(r.content, res);
      for (const h of Object.values(r.headers ?? {})) res.use(h.schema);
    }
    return {
      route,
      params: route.params && req.use(route.params),
      query: route.query && req.use(route.query),
      headers: headers && { schema: headers, id: req.use(headers) },
      body: route.body?.kind === 'json' ? req.use(route.body.schema) : undefined,
      responses: Object.entries(route.responses).map(([status, r]) => ({ status, r, id: 'schema' in r ? res.use(r.schema) : undefined })),
    };
  });

  const operationIds = new Set<string>();
  const paths: Record<string, PathItem> = {};
  for (const p of plans) {
    const { route } = p;
    if (operationIds.has(route.operationId)) throw new Error(`openapi: operationId ${route.operationId} used twice`);
    operationIds.add(route.operationId);
    const params = [
      ...(p.params ? parameters(req.resolve(p.params), 'path', new Map(), {}) : []),
      ...(p.headers ? parameters(req.resolve(p.headers.id), 'header', new Map(), {}) : []),
      ...(p.query && route.query ? parameters(req.resolve(p.query), 'query', sharedParams, route.query.shape) : []),
    ];
    const responses: Record<string, ResponseObject | Ref> = {};
    for (const { status, r, id } of p.responses) {
      if ('schema' in r && id) {
        responses[status] = { description: r.description, content: { 'application/json': { schema: res.resolve(id), ...(r.example === undefined ? {} : { example: r.example }) } } };
      } else if ('content' in r) {
        const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([name, h]) => [name, { description: h.description, schema: res.resolve(res.use(h.schema)) }]));
        responses[status] = { description: r.description, content: rawContent(r.content, res), ...(r.headers ? { headers } : {}) };
      }
    }
    for (const code of errorCodes(route)) responses[String(HTTP_STATUS[code])] ??= { $ref: `#/components/responses/${ERROR_RESPONSES[code]}` };
    const body = route.body;
    const op: OperationObject = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      security: security(route),
      'x-access': route.access,
      ...(params.length ? { parameters: params } : {}),
      ...(body?.kind === 'json' && p.body
        ? {
            requestBody: {
              required: body.required ?? true,
              ...(body.description ? { description: body.description } : {}),
              content: { 'application/json': { schema: req.resolve(p.body), ...(body.example === undefined ? {} : { example: body.example }) } },
            },
          }
        : {}),
      ...(body?.kind === 'raw' ? { requestBody: { required: true, description: body.description, content: rawContent(body.content, req) } } : {}),
      responses,
    };
    const method = route.method.toLowerCase() as Lowercase<RouteDef['method']>;
    (paths[route.path] ??= {})[method] = op;
  }

  const sharedJson = req.resolve(sharedParamsId);
  const sharedParameters = Object.fromEntries(
    parameters(sharedJson, 'query', new Map(), {}).flatMap((x) => ('name' in x ? [[x.name, x] as const] : [])),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Quan Trắc API',
      version: '1',
      description:
        'Automatic environmental monitoring data (Circular 10/2021/TT-BTNMT). Times are ISO 8601; output uses +07:00. ' +
        '`from` is inclusive, `to` exclusive. Lists return {items, nextCursor} and page with ?limit=&cursor=. ' +
        'Errors: {"error": {"code", "message", "details"}}. `x-access` of an operation: public, authenticated (any token) or the roles allowed.',
    },
    servers: [{ url: '/' }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: { ...req.components(), ...res.components() },
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'qt_<base64url>',
          description: 'API token (`npm run cli -- token create --role ROLE --name NAME`, or POST /api/v1/facilities/{code}/tokens)',
        },
      },
      parameters: sharedParameters,
      responses: Object.fromEntries(
        (Object.keys(ERROR_RESPONSES) as AppErrorCode[]).map((code) => [
          ERROR_RESPONSES[code],
          { description: `${HTTP_STATUS[code]} ${code}`, content: { 'application/json': { schema: { $ref: `${SCHEMA_REF}Error` } } } },
        ]),
      ),
    },
  };
}

let cached: OpenApiDocument | undefined;

/** The document of every declared route; built once per process (it depends on code only). */
export function buildOpenApiDocument(): OpenApiDocument {
  cached ??= generateOpenApiDocument(API_ROUTES, API_COMPONENTS);
  return cached;
}
