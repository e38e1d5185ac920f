import 'server-only';
import { INGEST_OUTCOMES } from '@/lib/db/ingest-files';
import { ROLES } from '@/lib/db/users';
import { INGEST_REASON_CODES } from '@/lib/domain/ingest/reasons';
import { LEVELS } from '@/lib/domain/level';
import { STATION_KINDS } from '@/lib/domain/parameters';
import { DEVICE_STATUSES, QC_FLAG_NAMES } from '@/lib/domain/qc-flags';
import { STATION_STATES } from '@/lib/domain/stations/states';
import { RESOLUTIONS } from '@/lib/services/stations';
import { ALERT_BASES, ALERT_EVENT_TYPES, ALERT_KINDS, ALERT_STATES, DISPOSITIONS } from '@/lib/services/alerts';
import { DEFAULT_LIMIT, MAX_LIMIT } from './pagination';

/**
 * The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Enums come from the same constants the
 * code uses, so the document cannot drift from them.
 */
export type SchemaObject = {
  $ref?: string;
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null' | ('string' | 'number' | 'integer' | 'object' | 'null')[];
  format?: string;
  description?: string;
  enum?: readonly (string | number | null)[];
  properties?: Record<string, SchemaObject>;
  required?: readonly string[];
  items?: SchemaObject;
  additionalProperties?: boolean | SchemaObject;
  anyOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  default?: unknown;
  example?: unknown;
  pattern?: string;
};

type ParameterObject = {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  description?: string;
  schema: SchemaObject;
};

type MediaTypes = Record<string, { schema: SchemaObject; example?: unknown }>;
type ResponseObject = { description: string; content?: MediaTypes; headers?: Record<string, { description: string; schema: SchemaObject }> };
type OperationObject = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security?: Record<string, string[]>[];
  parameters?: ParameterObject[];
  requestBody?: { required: boolean; description?: string; content: MediaTypes };
  responses: Record<string, ResponseObject>;
};
type PathItem = Partial<Record<'get' | 'post' | 'put' | 'patch' | 'delete', OperationObject>>;

export type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, PathItem>;
  components: {
    schemas: Record<string, SchemaObject>;
    securitySchemes: Record<string, { type: 'http'; scheme: 'bearer'; bearerFormat?: string; description: string }>;
    parameters: Record<string, ParameterObject>;
    responses: Record<string, ResponseObject>;
  };
};

const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` });
const str = (description?: string, extra: SchemaObject = {}): SchemaObject => ({ type: 'string', ...(description ? { description } : {}), ...extra });
const num = (description?: string): SchemaObject => ({ type: 'number', ...(description ? { description } : {}) });
const int = (description?: string): SchemaObject => ({ type: 'integer', ...(description ? { description } : {}) });
const bool = (description?: string): SchemaObject => ({ type: 'boolean', ...(description ? { description } : {}) });
const nullable = (s: SchemaObject): SchemaObject => ({ anyOf: [s, { type: 'null' }] });
const arr = (items: SchemaObject, description?: string): SchemaObject => ({ type: 'array', items, ...(description ? { description } : {}) });
const obj = (properties: Record<string, SchemaObject>, required: readonly string[] = Object.keys(properties), description?: string): SchemaObject => ({
  type: 'object',
  properties,
  required,
  ...(description ? { description } : {}),
});
const time = (description = 'ISO 8601 with offset, e.g. 2024-05-24T10:05:00+07:00'): SchemaObject => str(description, { format: 'date-time' });
const page = (item: string): SchemaObject =>
  obj({ items: arr(ref(item)), nextCursor: nullable(str('pass as ?cursor= to get the next page; null on the last page')) });

const json = (schema: SchemaObject, example?: unknown): MediaTypes => ({ 'application/json': example === undefined ? { schema } : { schema, example } });
const ok = (description: string, schema: SchemaObject, example?: unknown): ResponseObject => ({ description, content: json(schema, example) });
const errRef = (name: 'BadRequest' | 'Unauthorized' | 'Forbidden' | 'NotFound' | 'Conflict' | 'Internal'): ResponseObject & { $ref?: string } => ({
  description: { BadRequest: 'VALIDATION', Unauthorized: 'UNAUTHORIZED', Forbidden: 'FORBIDDEN', NotFound: 'NOT_FOUND', Conflict: 'CONFLICT', Internal: 'INTERNAL' }[name],
  content: json(ref('Error')),
});

const bearer = [{ bearerAuth: [] }];
const stdErrors = (...extra: ('BadRequest' | 'Forbidden' | 'NotFound' | 'Conflict')[]): Record<string, ResponseObject> => {
  const out: Record<string, ResponseObject> = { '401': errRef('Unauthorized'), '500': errRef('Internal') };
  const codes = { BadRequest: '400', Forbidden: '403', NotFound: '404', Conflict: '409' } as const;
  for (const e of extra) out[codes[e]] = errRef(e);
  return out;
};

const pathCode: ParameterObject = { name: 'code', in: 'path', required: true, description: 'station code', schema: str() };
const limitParam: ParameterObject = {
  name: 'limit',
  in: 'query',
  description: `page size (default ${DEFAULT_LIMIT}, max ${MAX_LIMIT})`,
  schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
};
const cursorParam: ParameterObject = { name: 'cursor', in: 'query', description: 'nextCursor of the previous page', schema: str() };
const fromParam = (what: string): ParameterObject => ({ name: 'from', in: 'query', description: `${what}, inclusive; any ISO 8601 offset (none = +07:00)`, schema: time('') });
const toParam = (what: string): ParameterObject => ({ name: 'to', in: 'query', description: `${what}, exclusive`, schema: time('') });


// ── alerts ──
const alertSchema = obj(
  {
    id: int(),
    kind: str(undefined, { enum: ALERT_KINDS }),
    station: str('station code'),
    parameter: nullable(str()),
    state: str(undefined, { enum: ALERT_STATES }),
    openedAt: time(),
    lastSeenAt: time(),
    resolvedAt: nullable(time()),
    count: int(),
    peakValue: nullable(num()),
    limit: nullable(num()),
    basis: nullable(str(undefined, { enum: ALERT_BASES })),
    averageValue: nullable(num()),
    completeness: nullable(num('valid / expected readings of the averaging period, 0…1')),
    disposition: nullable(str(undefined, { enum: DISPOSITIONS })),
    dispositionNote: nullable(str()),
    dueAt: nullable(time()),
    acknowledgedAt: nullable(time()),
    acknowledgedBy: nullable(str()),
    limitDerivation: { description: 'standard, version, column, coefficients, base (and o2Correction)' },
    periodStart: nullable(time()),
    periodEnd: nullable(time()),
    reopenedByRecompute: bool(),
    resolvedByRecompute: bool(),
    suppressed: bool(),
  },
  ['id', 'kind', 'station', 'parameter', 'state', 'openedAt', 'lastSeenAt', 'resolvedAt', 'count', 'peakValue', 'limit', 'basis', 'averageValue', 'completeness', 'disposition'],
);
const limitStandardSchema = obj({
  code: str(),
  name: str(),
  version: str(),
  kind: str(undefined, { enum: STATION_KINDS }),
  effectiveFrom: str('YYYY-MM-DD (local)'),
  effectiveTo: nullable(str('YYYY-MM-DD, exclusive')),
  values: arr(obj({ column: str(), parameter: str(), min: nullable(num()), max: nullable(num()), averaging: str(undefined, { enum: ['5min', '1h', '8h', '24h', 'year'] }), applyCoefficients: bool() }, ['column', 'parameter', 'averaging', 'applyCoefficients'])),
}, ['code', 'name', 'version', 'kind', 'effectiveFrom', 'values']);

const limitSchema = nullable(obj({ min: nullable(num()), max: nullable(num()) }, ['min', 'max'], 'limit in force for the station parameter; null when none'));

// ── forwarding ──
const forwardTargetSchema = obj({
  id: int(),
  name: str(),
  protocol: str(undefined, { enum: ['ftp', 'ftps'] }),
  host: str(),
  port: int(),
  username: str(),
  rootFolder: str(),
  pathTemplate: str('placeholders {root} {province} {facility} {station} {fileCode} {yyyy} {MM} {dd} {file}'),
  enabled: bool(),
  health: obj({
    lastSuccessAt: nullable(time()),
    lastError: nullable(str()),
    lastErrorAt: nullable(time()),
    queueDepth: int('pending + failed jobs'),
    pending: int(),
    failed: int(),
    oldestPendingAt: nullable(time()),
    oldestPendingAgeSeconds: nullable(int()),
    nextTryAt: nullable(time()),
  }),
  createdAt: time(),
  updatedAt: time(),
});
const forwardTargetInput = (required: readonly string[]): SchemaObject =>
  obj(
    {
      name: str(),
      protocol: str(undefined, { enum: ['ftp', 'ftps'], default: 'ftp' }),
      host: str(),
      port: { type: 'integer', minimum: 1, maximum: 65535, default: 21 },
      username: str(),
      password: str('write-only; stored encrypted'),
      rootFolder: str(undefined, { default: '/' }),
      pathTemplate: str('must end with {file}', { default: '{root}/{province}/{facility}_{station}/{yyyy}/{MM}/{dd}/{file}' }),
      enabled: bool(),
    },
    required,
  );
const schemas: Record<string, SchemaObject> = {
  Error: obj({
    error: obj(
      {
        code: str(undefined, { enum: ['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL'] }),
        message: str(),
        details: { description: 'for VALIDATION: a list of {path, message}, where the limit import adds code and params (a stable problem code for clients to translate); otherwise null or an object' },
      },
      ['code', 'message', 'details'],
    ),
  }),
  Health: obj({
    status: str(undefined, { enum: ['ok', 'degraded'] }),
    db: str(undefined, { enum: ['ok', 'down'] }),
    worker: obj({ lagSeconds: nullable(int('seconds since the worker heartbeat; null when it never ran')), at: nullable(time()) }, ['lagSeconds']),
    ftp: obj({ listening: bool() }),
  }),
  Facility: obj({ code: str(), name: str(), address: nullable(str()) }),
  FacilityCreated: obj({ code: str(), name: str(), address: nullable(str()), ftpUsername: nullable(str()) }),
  CreateFacility: obj(
    {
      code: str('letters, digits, _ . -', { pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' }),
      name: str(),
      address: nullable(str()),
      ftpUsername: str('creates the facility FTP account (with ftpPassword)'),
      ftpPassword: str('stored as a bcrypt hash'),
    },
    ['code', 'name'],
  ),
  CreateToken: obj({ name: str() }),
  TokenCreated: obj(
    { token: str('shown once; send as Authorization: Bearer <token>'), name: str(), role: str(undefined, { enum: ROLES }), facility: nullable(str()), prefix: str() },
    ['token', 'name', 'role', 'facility'],
  ),
  StationParameterInput: obj(
    {
      code: str('canonical parameter code of the station kind (e.g. COD)'),
      unit: str('defaults to the canonical unit; other units are refused'),
      limit: obj({ min: num(), max: num() }, []),
    },
    ['code'],
  ),
  CreateStation: obj(
    {
      code: str(undefined, { pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' }),
      fileCode: str('the <FACILITY>_<STATION> part of file names'),
      fileAliases: arr(str(), 'other file codes the station sends under'),
      name: str(),
      kind: str(undefined, { enum: STATION_KINDS }),
      facilityCode: str(),
      lat: { type: 'number', minimum: -90, maximum: 90 },
      lon: { type: 'number', minimum: -180, maximum: 180 },
      intervalMinutes: { type: 'integer', minimum: 1, maximum: 1440, default: 5 },
      graceMinutes: { type: 'integer', minimum: 0, default: 15 },
      activeFrom: time('when expected data starts counting (default: now)'),
      parameters: { type: 'array', items: ref('StationParameterInput'), minItems: 1 },
    },
    ['code', 'fileCode', 'name', 'kind', 'facilityCode', 'lat', 'lon', 'parameters'],
  ),
  StationSummary: obj({
    code: str(),
    name: str(),
    kind: str(undefined, { enum: STATION_KINDS }),
    facility: obj({ code: str(), name: str() }),
    lat: num(),
    lon: num(),
    state: str(undefined, { enum: STATION_STATES }),
    enabled: bool(),
    lastFileAt: nullable(time()),
    lastDataAt: nullable(time()),
    parameters: arr(str()),
  }),
  StationParameter: obj({
    code: str(),
    unit: str(),
    name: obj({ vi: str(), en: str() }),
    decimals: nullable(int()),
    limit: limitSchema,
    enabled: bool(),
  }),
  StationDetail: obj({
    code: str(),
    name: str(),
    kind: str(undefined, { enum: STATION_KINDS }),
    facility: obj({ code: str(), name: str() }),
    lat: num(),
    lon: num(),
    state: str(undefined, { enum: STATION_STATES }),
    enabled: bool(),
    lastFileAt: nullable(time()),
    lastDataAt: nullable(time()),
    fileCode: str(),
    parameters: arr(ref('StationParameter')),
    settings: obj({ intervalMinutes: int(), graceMinutes: int(), activeFrom: time(), fileCode: str(), fileAliases: arr(str()) }),
  }),
  LatestValue: obj({
    parameter: str(),
    time: time(),
    value: num(),
    unit: str(),
    deviceStatus: str(undefined, { enum: DEVICE_STATUSES }),
    flag: str(undefined, { enum: QC_FLAG_NAMES }),
    reasons: arr(str()),
    valid: bool('device status 00 and flag good or suspect'),
    level: nullable(str('≥ 80 % of max: approaching; > max or < min: exceeding; null for invalid readings', { enum: LEVELS })),
    limit: limitSchema,
  }),
  Latest: obj({
    station: str(),
    time: nullable(time('newest reading time')),
    state: str(undefined, { enum: STATION_STATES }),
    values: arr(ref('LatestValue')),
  }),
  RawReading: obj({
    time: time(),
    value: num(),
    unit: str(),
    deviceStatus: str(undefined, { enum: DEVICE_STATUSES }),
    flag: str(undefined, { enum: QC_FLAG_NAMES }),
    reasons: arr(str()),
    valid: bool(),
  }),
  Aggregate: obj(
    {
      time: time('hourly and 8-hourly: end of the (last) hour; daily: local midnight starting the day'),
      date: str('daily only: the local date', { format: 'date' }),
      value: nullable(num('mean of valid readings (1h) or of complete hourly means (8h, 24h)')),
      validCount: int(),
      expectedCount: int('60 / interval per hour; 8 hours; 24 hours'),
      complete: bool('validCount ≥ 75 % of expectedCount'),
      min: nullable(num()),
      max: nullable(num()),
    },
    ['time', 'value', 'validCount', 'expectedCount', 'complete', 'min', 'max'],
  ),
  Readings: {
    type: 'object',
    required: ['station', 'parameter', 'unit', 'resolution', 'items', 'nextCursor'],
    properties: {
      station: str(),
      parameter: str(),
      unit: str(),
      resolution: str(undefined, { enum: RESOLUTIONS }),
      items: { type: 'array', items: { oneOf: [ref('RawReading'), ref('Aggregate')] }, description: 'RawReading for raw, Aggregate otherwise' },
      nextCursor: nullable(str()),
    },
  },
  IngestResult: obj({
    fileId: int(),
    outcome: str(undefined, { enum: INGEST_OUTCOMES }),
    station: nullable(str()),
    readings: int('readings stored'),
    rejectedLines: arr(ref('RejectedLine')),
    reasons: arr(str('file-level reasons')),
    reasonCodes: nullable(arr(ref('ReasonCode'), 'the reasons as codes, one per entry of reasons')),
  }),
  ReasonCode: obj({
    code: str('translate with the code; the English text is in reasons', { enum: INGEST_REASON_CODES }),
    params: { type: 'object', additionalProperties: { anyOf: [str(), int()] }, description: 'values of the reason, e.g. {"maxBytes": 1048576}' },
  }),
  RejectedLine: obj({
    line: int(),
    reason: str('English text'),
    code: nullable(str('null for files recorded before codes existed', { enum: INGEST_REASON_CODES })),
    params: nullable({ type: 'object', additionalProperties: { anyOf: [str(), int()] } }),
  }),
  IngestFile: obj({
    id: int(),
    name: str(),
    sha256: str(),
    size: int(),
    receivedAt: time(),
    source: str(undefined, { enum: ['ftp', 'api', 'import', 'watch', 'seed'] }),
    account: nullable(str()),
    remoteAddress: nullable(str()),
    outcome: str(undefined, { enum: INGEST_OUTCOMES }),
    reasons: arr(str()),
    reasonCodes: nullable(arr(ref('ReasonCode'), 'null for files recorded before codes existed')),
    rejectedLines: arr(ref('RejectedLine')),
    station: nullable(str()),
    readings: int(),
  }),
  // ── aqi ──
  AqiItem: obj({
    time: str('hour label (ISO 8601, +07:00) for 1h; local date yyyy-MM-dd for 24h'),
    aqi: int('VN_AQI, 0–500'),
    category: str(undefined, { enum: ['good', 'moderate', 'poor', 'bad', 'very_bad', 'hazardous'] }),
    color: str('band colour, e.g. #FFFF00'),
    dominant: str('pollutant with the largest sub-index', { enum: ['PM25', 'PM10', 'O3', 'CO', 'SO2', 'NO2'] }),
    subIndices: { type: 'object', additionalProperties: num(), description: 'sub-index per pollutant, 2 decimals, e.g. {"PM25": 40.6, "NO2": 59.35}' },
  }),
  WqiItem: obj({
    time: str('hour label (ISO 8601, +07:00) for 1h; local date yyyy-MM-dd for 24h'),
    wqi: int('VN_WQI, 0–100'),
    category: str(undefined, { enum: ['excellent', 'good', 'medium', 'poor', 'bad', 'very_polluted'] }),
    color: str('band colour'),
    subIndices: { type: 'object', additionalProperties: num(), description: 'q per parameter (PH, DO, COD, NH4 …)' },
  }),
  AqiPage: obj({ station: str(), resolution: str(undefined, { enum: ['1h', '24h'] }), items: arr(ref('AqiItem')), nextCursor: nullable(str()) }),
  WqiPage: obj({ station: str(), resolution: str(undefined, { enum: ['1h', '24h'] }), items: arr(ref('WqiItem')), nextCursor: nullable(str()) }),
  FacilityPage: page('Facility'),
  StationPage: page('StationSummary'),
  IngestFilePage: page('IngestFile'),
};

// ── qc ── overlays, QC settings, recompute, QC views (issue 4).
const qcSpan = nullable(arr(num(), 'two numbers [min, max]'));
const qcConfigSchema = obj({
  failSpan: arr(num(), '[min, max]'),
  suspectSpan: qcSpan,
  flatTolerance: num('0 disables the flat-line test'),
  flatSuspectMinutes: num(),
  flatFailMinutes: num(),
  spike: nullable(arr(num(), '[suspect, fail]; null disables')),
  rateOfChangePerMinute: nullable(num()),
  rateOfChangeFailPerMinute: nullable(num()),
  zeroImplausible: bool(),
});
const overlaySchema = obj({
  id: int(),
  station: str(),
  parameters: arr(str(), 'empty = all parameters'),
  from: time(),
  to: time('exclusive'),
  action: str(undefined, { enum: ['invalidate', 'restore'] }),
  reason: str(),
  createdBy: str(),
  createdAt: time(),
  revokedAt: nullable(time()),
  revokedBy: nullable(str()),
  active: bool(),
});
const qcFlagEnum = str(undefined, { enum: QC_FLAG_NAMES });
function qcPaths(): Record<string, PathItem> {
  const tags = ['qc'];
  return {
    '/api/v1/stations/{code}/overlays': {
      get: {
        operationId: 'listOverlays',
        summary: "A station's overlays (invalidations / restorations), newest first",
        tags,
        security: bearer,
        parameters: [pathCode, { name: 'active', in: 'query', schema: str(undefined, { enum: ['true', 'false'] }) }, limitParam, cursorParam],
        responses: { '200': ok('overlays', obj({ items: arr(overlaySchema), nextCursor: nullable(str()) })), ...stdErrors('NotFound') },
      },
      post: {
        operationId: 'createOverlay',
        summary: 'Invalidate or restore a period (operator, inspector, admin; audited); raw values never change',
        description: 'The newest active overlay covering a reading decides; averages of the covered hours are recomputed.',
        tags,
        security: bearer,
        parameters: [pathCode],
        requestBody: {
          required: true,
          content: json(
            obj(
              { parameters: arr(str()), from: time(), to: time('exclusive'), action: str(undefined, { enum: ['invalidate', 'restore'] }), reason: str() },
              ['from', 'to', 'action', 'reason'],
            ),
          ),
        },
        responses: { '201': ok('created', overlaySchema), ...stdErrors('BadRequest', 'Forbidden', 'NotFound') },
      },
    },
    '/api/v1/stations/{code}/overlays/{id}': {
      delete: {
        operationId: 'revokeOverlay',
        summary: 'Revoke an overlay (kept, marked revoked; audited); operator, inspector, admin',
        tags,
        security: bearer,
        parameters: [pathCode, { name: 'id', in: 'path', required: true, schema: int() }],
        responses: { '200': ok('revoked', overlaySchema), ...stdErrors('Forbidden', 'NotFound', 'Conflict') },
      },
    },
    '/api/v1/stations/{code}/qc': {
      get: {
        operationId: 'getQcSettings',
        summary: 'QC settings per parameter: registry defaults, override, configuration in force (staff)',
        tags,
        security: bearer,
        parameters: [pathCode],
        responses: {
          '200': ok(
            'settings',
            obj({
              station: str(),
              pendingJobs: int(),
              parameters: arr(obj({ parameter: str(), unit: str(), defaults: qcConfigSchema, override: nullable({ type: 'object' }), effective: qcConfigSchema, overrideError: nullable(str()) })),
            }),
          ),
          ...stdErrors('Forbidden', 'NotFound'),
        },
      },
      put: {
        operationId: 'updateQcSettings',
        summary: "Set or clear one parameter's QC override (admin; audited)",
        description: 'Partial override of the registry defaults (unknown keys rejected); null or {} restores the defaults. Flags change after POST …/qc/recompute.',
        tags,
        security: bearer,
        parameters: [pathCode],
        requestBody: { required: true, content: json(obj({ parameter: str(), override: nullable({ type: 'object' }) })) },
        responses: { '200': ok('saved', { type: 'object' }), ...stdErrors('BadRequest', 'Forbidden', 'NotFound') },
      },
    },
    '/api/v1/stations/{code}/qc/recompute': {
      get: {
        operationId: 'getRecomputeProgress',
        summary: 'Recompute jobs of the station still pending (staff)',
        tags,
        security: bearer,
        parameters: [pathCode],
        responses: { '200': ok('progress', obj({ station: str(), pending: int() })), ...stdErrors('Forbidden', 'NotFound') },
      },
      post: {
        operationId: 'requestRecompute',
        summary: 'Recompute QC flags and averages of [from, to) (admin; audited; one job per day)',
        tags,
        security: bearer,
        parameters: [pathCode],
        requestBody: { required: true, content: json(obj({ from: time(), to: time('exclusive') })) },
        responses: { '202': ok('queued', obj({ station: str(), queued: int(), pending: int() })), ...stdErrors('BadRequest', 'Forbidden', 'NotFound') },
      },
    },
    '/api/v1/stations/{code}/qc/periods': {
      get: {
        operationId: 'listFlaggedPeriods',
        summary: 'Flagged periods (suspect, fail, device not measuring) per parameter with reasons (default: 7 days)',
        tags,
        security: bearer,
        parameters: [pathCode, fromParam('reading time'), toParam('reading time')],
        responses: {
          '200': ok('periods', obj({ station: str(), items: arr(obj({ parameter: str(), from: time(), to: time(), flag: qcFlagEnum, reasons: arr(str()), count: int() })), truncated: bool(), nextCursor: { type: 'null' } })),
          ...stdErrors('BadRequest', 'NotFound'),
        },
      },
    },
    '/api/v1/qc/flags': {
      get: {
        operationId: 'countQcFlags',
        summary: 'Readings per local day and QC flag (default: 14 days; facility tokens: own stations)',
        tags,
        security: bearer,
        parameters: [fromParam('reading time'), toParam('reading time'), { name: 'station', in: 'query', schema: str() }],
        responses: {
          '200': ok('counts', obj({ items: arr(obj({ day: str('yyyy-MM-dd'), good: int(), not_evaluated: int(), suspect: int(), fail: int(), missing: int() })), nextCursor: { type: 'null' } })),
          ...stdErrors('BadRequest', 'NotFound'),
        },
      },
    },
    '/api/v1/qc/review': {
      get: {
        operationId: 'listQcReviewQueue',
        summary: 'Readings that failed QC, newest first (default: 14 days; facility tokens: own stations)',
        tags,
        security: bearer,
        parameters: [fromParam('reading time'), toParam('reading time'), { name: 'station', in: 'query', schema: str() }, { name: 'parameter', in: 'query', schema: str() }, limitParam, cursorParam],
        responses: {
          '200': ok(
            'failed readings',
            obj({ items: arr(obj({ station: str(), stationName: str(), parameter: str(), time: time(), value: num(), deviceStatus: str(), flag: qcFlagEnum, reasons: arr(str()) })), nextCursor: nullable(str()) }),
          ),
          ...stdErrors('BadRequest', 'NotFound'),
        },
      },
    },
  };
}

export function buildOpenApiDocument(): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Quan Trắc API',
      version: '1',
      description:
        'Automatic environmental monitoring data (Circular 10/2021/TT-BTNMT). Times are ISO 8601; output uses +07:00. ' +
        '`from` is inclusive, `to` exclusive. Lists return {items, nextCursor} and page with ?limit=&cursor=. ' +
        'Errors: {"error": {"code", "message", "details"}}.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'system', description: 'health and this document' },
      { name: 'facilities', description: 'facilities, their FTP accounts and tokens' },
      { name: 'stations', description: 'stations, latest values and readings' },
      { name: 'ingest', description: 'receiving files and the ledger' },
      { name: 'qc', description: 'data control: overlays, QC settings, recomputation, QC views' },
      { name: 'forwarding', description: 'forwarding to the ministry: targets, reconciliation, resend' },
      { name: 'kpi', description: 'data-completeness KPIs (receipt and valid rates)' },
      { name: 'alerts', description: 'alerts, acknowledgement and inspector disposition' },
      { name: 'limits', description: 'limit standards, versions and imports' },
    ],
    paths: {
      '/api/v1/health': {
        get: {
          operationId: 'getHealth',
          summary: 'Liveness of database, worker and FTP receiver',
          description: '200 while the database answers (status `degraded` when the worker or FTP receiver is not running); 503 when it does not.',
          tags: ['system'],
          security: [],
          responses: { '200': ok('health', ref('Health')), '503': ok('database down', ref('Health')) },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          summary: 'This document',
          tags: ['system'],
          security: [],
          responses: { '200': ok('OpenAPI 3.1 document', { type: 'object' }) },
        },
      },
      '/api/v1/facilities': {
        get: {
          operationId: 'listFacilities',
          summary: 'List facilities (staff)',
          tags: ['facilities'],
          security: bearer,
          parameters: [limitParam, cursorParam],
          responses: { '200': ok('facilities by code', ref('FacilityPage')), ...stdErrors('BadRequest', 'Forbidden') },
        },
        post: {
          operationId: 'createFacility',
          summary: 'Create a facility and, optionally, its FTP account (admin)',
          tags: ['facilities'],
          security: bearer,
          requestBody: { required: true, content: json(ref('CreateFacility'), { code: 'DINHTRAM', name: 'Công ty Đình Trám', ftpUsername: 'dinhtram', ftpPassword: 'a-long-secret' }) },
          responses: { '201': ok('created', ref('FacilityCreated')), ...stdErrors('BadRequest', 'Forbidden', 'Conflict') },
        },
      },
      '/api/v1/facilities/{code}/tokens': {
        post: {
          operationId: 'createFacilityToken',
          summary: 'Create an API token with role facility for this facility (admin)',
          tags: ['facilities'],
          security: bearer,
          parameters: [{ name: 'code', in: 'path', required: true, description: 'facility code', schema: str() }],
          requestBody: { required: true, content: json(ref('CreateToken')) },
          responses: { '201': ok('the token, shown once', ref('TokenCreated')), ...stdErrors('BadRequest', 'Forbidden', 'NotFound') },
        },
      },
      '/api/v1/stations': {
        get: {
          operationId: 'listStations',
          summary: 'List stations (any token; facility tokens see their own)',
          tags: ['stations'],
          security: bearer,
          parameters: [
            { name: 'kind', in: 'query', schema: str(undefined, { enum: STATION_KINDS }) },
            { name: 'state', in: 'query', schema: str(undefined, { enum: STATION_STATES }) },
            limitParam,
            cursorParam,
          ],
          responses: { '200': ok('stations by code', ref('StationPage')), ...stdErrors('BadRequest') },
        },
        post: {
          operationId: 'createStation',
          summary: 'Register a station (admin)',
          description: 'Parameters must belong to the station kind; units default to (and must be) the canonical ones. Duplicate code or file code: 409.',
          tags: ['stations'],
          security: bearer,
          requestBody: {
            required: true,
            content: json(ref('CreateStation'), {
              code: 'NT01',
              fileCode: 'DINHTRAM_NT01',
              name: 'Cửa xả nước thải',
              kind: 'wastewater',
              facilityCode: 'DINHTRAM',
              lat: 21.27,
              lon: 106.19,
              parameters: [{ code: 'COD', limit: { max: 150 } }, { code: 'PH', limit: { min: 5.5, max: 9 } }],
            }),
          },
          responses: { '201': ok('created', ref('StationDetail')), ...stdErrors('BadRequest', 'Forbidden', 'Conflict') },
        },
      },
      '/api/v1/stations/{code}': {
        get: {
          operationId: 'getStation',
          summary: 'A station with its parameters, limits in force and settings',
          tags: ['stations'],
          security: bearer,
          parameters: [pathCode],
          responses: { '200': ok('station', ref('StationDetail')), ...stdErrors('NotFound') },
        },
      },
      '/api/v1/stations/{code}/latest': {
        get: {
          operationId: 'getStationLatest',
          summary: 'Newest value of each parameter with its level against the limit',
          tags: ['stations'],
          security: bearer,
          parameters: [pathCode],
          responses: { '200': ok('latest values', ref('Latest')), ...stdErrors('NotFound') },
        },
      },
      '/api/v1/stations/{code}/readings': {
        get: {
          operationId: 'listStationReadings',
          summary: 'Readings of one parameter: raw, or hourly / 8-hourly / daily means',
          description:
            'Hourly means are labelled by the end of the hour (readings in (h−1, h]); 8-hour means are means of 8 complete hourly ' +
            'means labelled by the last hour; daily means (hours 01:00…24:00 local) by the date. Default range: last 24 h (31 days for 24h).',
          tags: ['stations'],
          security: bearer,
          parameters: [
            pathCode,
            { name: 'parameter', in: 'query', required: true, description: 'canonical parameter code', schema: str() },
            fromParam('reading time / label'),
            toParam('reading time / label'),
            { name: 'resolution', in: 'query', schema: { ...str(undefined, { enum: RESOLUTIONS }), default: 'raw' } },
            { name: 'limit', in: 'query', description: 'page size (default 1000, max 10000)', schema: { type: 'integer', minimum: 1, maximum: 10000, default: 1000 } },
            cursorParam,
          ],
          responses: { '200': ok('readings, oldest first', ref('Readings')), ...stdErrors('BadRequest', 'NotFound') },
        },
      },
      // ── aqi ──
      ...Object.fromEntries(
        (['aqi', 'wqi'] as const).map((k) => [
          `/api/v1/stations/{code}/${k}`,
          {
            get: {
              operationId: k === 'aqi' ? 'listStationAqi' : 'listStationWqi',
              summary:
                k === 'aqi'
                  ? 'VN_AQI of an ambient-air station, hourly or daily (anyone; 404 for other station kinds)'
                  : 'VN_WQI of a river (surface water) station, hourly or daily (anyone; 404 for other station kinds)',
              description:
                (k === 'aqi'
                  ? 'Decision 1459/QĐ-TCMT: hourly AQI from complete hourly means (PM by NowCast over 12 hours), daily AQI from 24-hour PM means and daily maxima. '
                  : 'Decision 1460/QĐ-TCMT from the automatically measured parameters (pH; DO with temperature, COD, NH4 …; at least 3 group-IV sub-indices). ') +
                'Hours are labelled by their end, days by the local date. No token needed; without a token only hours that ended at least ' +
                'PUBLIC_DELAY_MINUTES (default 60) ago, and days whose 24:00 hour has, are returned. Default: last 48 h (1h) or 30 days (24h).',
              tags: ['stations'],
              security: [{}, { bearerAuth: [] }],
              parameters: [
                pathCode,
                { name: 'resolution', in: 'query', schema: { ...str(undefined, { enum: ['1h', '24h'] }), default: '1h' } },
                fromParam('hour label / date'),
                toParam('hour label / date'),
                { name: 'limit', in: 'query', description: 'page size (default 1000, max 10000)', schema: { type: 'integer', minimum: 1, maximum: 10000, default: 1000 } },
                cursorParam,
              ],
              responses: { '200': ok('index values, oldest first', ref(k === 'aqi' ? 'AqiPage' : 'WqiPage')), ...stdErrors('BadRequest', 'NotFound') },
            },
          },
        ]),
      ),
      '/api/v1/ingest': {
        post: {
          operationId: 'ingestFile',
          summary: 'Submit one data file (facility, admin); same pipeline as FTP',
          description:
            'Every processed file answers 200 with its outcome (accepted, partial, rejected or duplicate): it is in the ledger either way. ' +
            '400 only when X-File-Name is missing or unusable. Facility tokens may only submit their own stations\' files.',
          tags: ['ingest'],
          security: bearer,
          parameters: [
            {
              name: 'X-File-Name',
              in: 'header',
              required: true,
              description: 'file name, e.g. BG_DINHTRAM_NT01_20240524100500.txt (percent-encoding allowed)',
              schema: str(),
            },
          ],
          requestBody: {
            required: true,
            description: 'the file bytes as sent by the datalogger',
            content: { 'application/octet-stream': { schema: str(undefined, { format: 'binary' }) }, 'text/plain': { schema: str() } },
          },
          responses: { '200': ok('processed', ref('IngestResult')), ...stdErrors('BadRequest', 'Forbidden') },
        },
      },
      '/api/v1/ingest/files': {
        get: {
          operationId: 'listIngestFiles',
          summary: 'The ledger of received files, newest first (staff)',
          tags: ['ingest'],
          security: bearer,
          parameters: [
            { name: 'station', in: 'query', description: 'station code', schema: str() },
            { name: 'outcome', in: 'query', schema: str(undefined, { enum: INGEST_OUTCOMES }) },
            fromParam('received time'),
            toParam('received time'),
            limitParam,
            cursorParam,
          ],
          responses: { '200': ok('ledger rows', ref('IngestFilePage')), ...stdErrors('BadRequest', 'Forbidden') },
        },
      },
      '/api/v1/kpi/completeness': {
        get: {
          operationId: 'getKpiCompleteness',
          summary: 'Data completeness (receipt and valid rates) per station, station × parameter or station × day (staff)',
          description:
            'expected = period / interval from max(activeFrom, from) (never beyond now); received = distinct interval slots with a value; valid = slots with a valid reading (status 00, flag good/suspect, not invalidated). Rates = count / expected (null when nothing is expected); belowThreshold = validRate < KPI_THRESHOLD (default 0.8). Default: the last 7 whole local days; at most 366 days.',
          tags: ['kpi'],
          security: bearer,
          parameters: [
            fromParam('reading time'),
            toParam('reading time'),
            { name: 'groupBy', in: 'query', description: 'station (default) | parameter | day', schema: { type: 'string', enum: ['station', 'parameter', 'day'] } },
            { name: 'station', in: 'query', description: 'station code', schema: str() },
            limitParam,
            cursorParam,
          ],
          responses: {
            '200': ok(
              'rows',
              obj({
                items: arr(
                  obj({
                    station: str(),
                    parameter: str(),
                    day: str('local date yyyy-MM-dd', { format: 'date' }),
                    expected: int(),
                    received: int(),
                    valid: int(),
                    receiptRate: nullable({ type: 'number' }),
                    validRate: nullable({ type: 'number' }),
                    belowThreshold: { type: 'boolean' },
                  }, ['station', 'expected', 'received', 'valid', 'receiptRate', 'validRate', 'belowThreshold']),
                ),
                nextCursor: nullable(str()),
              }),
            ),
            ...stdErrors('BadRequest', 'Forbidden', 'NotFound'),
          },
        },
      },
      '/api/v1/forwarding/status': {
        get: {
          operationId: 'getForwardingStatus',
          summary: 'Reconciliation per station and local day of receipt: received vs forwarded, pending, failed (staff)',
          description:
            'received = accepted/partial files; forwarded = every target sent; pending = waiting (none failing); failed = the last attempt of a job failed (it is retried with back-off, never dropped); notQueued = no enabled target when received. Default: the last 7 days.',
          tags: ['forwarding'],
          security: bearer,
          parameters: [
            fromParam('received time'),
            toParam('received time'),
            { name: 'station', in: 'query', description: 'station code', schema: str() },
            { name: 'target', in: 'query', description: 'only this target id', schema: int() },
            limitParam,
            cursorParam,
          ],
          responses: {
            '200': ok(
              'rows',
              obj({
                items: arr(obj({ station: str(), day: str('local date yyyy-MM-dd', { format: 'date' }), received: int(), forwarded: int(), pending: int(), failed: int(), notQueued: int() })),
                nextCursor: nullable(str()),
              }),
            ),
            ...stdErrors('BadRequest', 'Forbidden', 'NotFound'),
          },
        },
      },
      '/api/v1/forwarding/targets': {
        get: {
          operationId: 'listForwardTargets',
          summary: 'Forwarding targets with health (admin); the password is never returned',
          tags: ['forwarding'],
          security: bearer,
          parameters: [limitParam, cursorParam],
          responses: { '200': ok('targets', obj({ items: arr(forwardTargetSchema), nextCursor: nullable(str()) })), ...stdErrors('Forbidden') },
        },
        post: {
          operationId: 'createForwardTarget',
          summary: 'Add a receiving FTP/FTPS target (admin, audited); the password is stored encrypted',
          tags: ['forwarding'],
          security: bearer,
          requestBody: { required: true, content: json(forwardTargetInput(['name', 'host', 'username', 'password'])) },
          responses: { '201': ok('created', forwardTargetSchema), ...stdErrors('BadRequest', 'Forbidden', 'Conflict') },
        },
      },
      '/api/v1/forwarding/targets/{id}': {
        get: {
          operationId: 'getForwardTarget',
          summary: 'One forwarding target with health (admin)',
          tags: ['forwarding'],
          security: bearer,
          parameters: [{ name: 'id', in: 'path', required: true, schema: int() }],
          responses: { '200': ok('target', forwardTargetSchema), ...stdErrors('Forbidden', 'NotFound') },
        },
        patch: {
          operationId: 'updateForwardTarget',
          summary: 'Change a forwarding target (admin, audited); omitted fields and the password are kept',
          tags: ['forwarding'],
          security: bearer,
          parameters: [{ name: 'id', in: 'path', required: true, schema: int() }],
          requestBody: { required: true, content: json(forwardTargetInput([])) },
          responses: { '200': ok('updated', forwardTargetSchema), ...stdErrors('BadRequest', 'Forbidden', 'NotFound', 'Conflict') },
        },
      },
      '/api/v1/forwarding/resend': {
        post: {
          operationId: 'resendForwarding',
          summary: "Queue a station's files received in [from, to) again, sent ones included (admin, operator; audited)",
          tags: ['forwarding'],
          security: bearer,
          requestBody: {
            required: true,
            content: json(obj({ station: str('station code'), from: time(), to: time(), target: int('only this target (default every enabled one)') }, ['station', 'from', 'to'])),
          },
          responses: { '202': ok('queued', obj({ requeued: int(), targets: arr(int()) })), ...stdErrors('BadRequest', 'Forbidden', 'NotFound', 'Conflict') },
        },
      },
      '/api/v1/ingest/files/{id}/raw': {
        get: {
          operationId: 'getIngestFileRaw',
          summary: 'The original bytes of a received file (staff)',
          tags: ['ingest'],
          security: bearer,
          parameters: [{ name: 'id', in: 'path', required: true, schema: int() }],
          responses: {
            '200': {
              description: 'the bytes as received',
              content: { 'application/octet-stream': { schema: str(undefined, { format: 'binary' }) } },
              headers: {
                'Content-Disposition': { description: 'attachment with the original file name', schema: str() },
                'X-Content-SHA256': { description: 'hash of the bytes', schema: str() },
              },
            },
            ...stdErrors('BadRequest', 'Forbidden', 'NotFound'),
          },
        },
      },
      // ── alerts ──
      '/api/v1/alerts': {
        get: {
          operationId: 'listAlerts',
          summary: 'Alerts, newest first (staff)',
          tags: ['alerts'],
          security: bearer,
          parameters: [
            { name: 'station', in: 'query', description: 'station code', schema: str() },
            { name: 'kind', in: 'query', schema: str(undefined, { enum: ALERT_KINDS }) },
            { name: 'state', in: 'query', schema: str(undefined, { enum: ALERT_STATES }) },
            { name: 'parameter', in: 'query', schema: str() },
            { name: 'disposition', in: 'query', schema: str(undefined, { enum: DISPOSITIONS }) },
            fromParam('opening time'),
            toParam('opening time'),
            limitParam,
            cursorParam,
          ],
          responses: { '200': ok('alerts', obj({ items: arr(alertSchema), nextCursor: nullable(str()) })), ...stdErrors('BadRequest', 'Forbidden', 'NotFound') },
        },
      },
      '/api/v1/alerts/{id}': {
        get: {
          operationId: 'getAlert',
          summary: 'One alert with its event history (staff)',
          tags: ['alerts'],
          security: bearer,
          parameters: [{ name: 'id', in: 'path', required: true, schema: int() }],
          responses: {
            '200': ok('the alert', { ...alertSchema, properties: { ...alertSchema.properties, events: arr(obj({ at: time(), type: str(undefined, { enum: ALERT_EVENT_TYPES }), actor: str(), data: { type: 'object' } })) } }),
            ...stdErrors('BadRequest', 'Forbidden', 'NotFound'),
          },
        },
      },
      '/api/v1/alerts/{id}/acknowledge': {
        post: {
          operationId: 'acknowledgeAlert',
          summary: 'Acknowledge an open alert (operator, inspector)',
          tags: ['alerts'],
          security: bearer,
          parameters: [{ name: 'id', in: 'path', required: true, schema: int() }],
          requestBody: { required: false, content: json(obj({ note: str() }, [])) },
          responses: { '200': ok('acknowledged', alertSchema), ...stdErrors('BadRequest', 'Forbidden', 'NotFound', 'Conflict') },
        },
      },
      '/api/v1/alerts/{id}/disposition': {
        post: {
          operationId: 'setAlertDisposition',
          summary: 'Inspector disposition of a compliance exceedance (inspector)',
          tags: ['alerts'],
          security: bearer,
          parameters: [{ name: 'id', in: 'path', required: true, schema: int() }],
          requestBody: {
            required: true,
            content: json(obj({ disposition: str(undefined, { enum: DISPOSITIONS }), note: str(), assigneeId: nullable(int()), dueAt: nullable(time()) }, ['disposition', 'note'])),
          },
          responses: { '200': ok('updated', alertSchema), ...stdErrors('BadRequest', 'Forbidden', 'NotFound') },
        },
      },
      '/api/v1/limits': {
        get: {
          operationId: 'listLimits',
          summary: 'Limit standards and the versions in force (staff)',
          tags: ['limits'],
          security: bearer,
          parameters: [
            { name: 'at', in: 'query', description: 'instant (default now)', schema: time('') },
            { name: 'versions', in: 'query', schema: str(undefined, { enum: ['in_force', 'all'], default: 'in_force' }) },
          ],
          responses: { '200': ok('standards', obj({ items: arr(limitStandardSchema), nextCursor: { type: 'null' } })), ...stdErrors('BadRequest', 'Forbidden') },
        },
      },
      '/api/v1/limits/import': {
        post: {
          operationId: 'importLimits',
          summary: 'Import a new standard version from JSON or CSV (admin, audited)',
          tags: ['limits'],
          security: bearer,
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { anyOf: [limitStandardSchema, arr(limitStandardSchema)] } },
              'text/csv': { schema: str('header: standard,version,effective_from,effective_to,kind,column,parameter,min,max,averaging,apply_coefficients[,name]') },
            },
          },
          responses: {
            '201': ok('imported', obj({ imported: arr(obj({ code: str(), version: str(), values: int() })) })),
            ...stdErrors('BadRequest', 'Forbidden', 'Conflict'),
          },
        },
      },
      ...qcPaths(),
    },
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'qt_<base64url>',
          description: 'API token (`npm run cli -- token create --role ROLE --name NAME`, or POST /api/v1/facilities/{code}/tokens)',
        },
      },
      parameters: { limit: limitParam, cursor: cursorParam },
      responses: {
        BadRequest: errRef('BadRequest'),
        Unauthorized: errRef('Unauthorized'),
        Forbidden: errRef('Forbidden'),
        NotFound: errRef('NotFound'),
        Conflict: errRef('Conflict'),
        Internal: errRef('Internal'),
      },
    },
  };
}
