import 'server-only';
import { z } from 'zod';
import { AQI_BANDS } from '@/lib/domain/aqi';
import { isoInstant } from '@/lib/domain/time';
import { LEVELS } from '@/lib/domain/level';
import { LIMIT_AVERAGINGS } from '@/lib/domain/limits';
import { STATION_KINDS } from '@/lib/domain/parameters';
import { DEVICE_STATUSES, QC_FLAG_NAMES } from '@/lib/domain/qc-flags';
import { STATION_STATES } from '@/lib/domain/stations/states';
import { WQI_BANDS } from '@/lib/domain/wqi';
import { INDEX_RESOLUTIONS } from '@/lib/services/aqi';
import type { StationLimit } from '@/lib/services/limits';
import { createStationInput, RESOLUTIONS, stationListFilter } from '@/lib/services/stations';
import { pageQuery } from '../pagination';
import { codeParams, isoDateTime, localDate, nextCursor, page } from './common';
import { defineRoutes, type Components } from './define';

// ── shared vocabularies (the registries of lib/domain, never copied) ──
export const qcFlagSchema = z.enum(QC_FLAG_NAMES);
/** Stored as text; the parser only accepts these codes, so the document lists them. */
export const deviceStatusSchema = z.string().meta({ enum: [...DEVICE_STATUSES], description: 'Circular 10 device status: 00 measuring, 01 calibrating, 02 device error' });
const stationState = z.enum(STATION_STATES).describe('DOMAIN.md §7, computed as for the map');
const LIMIT_SOURCES = ['permit', 'standard', 'station'] as const satisfies readonly StationLimit['source'][];

// ── stations ──
const limitSchema = z
  .object({ min: z.number().nullable(), max: z.number().nullable() })
  .nullable()
  .describe("the station parameter's own limit; null when none");

export const stationSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(STATION_KINDS),
  facility: z.object({ code: z.string(), name: z.string() }),
  lat: z.number(),
  lon: z.number(),
  state: stationState,
  enabled: z.boolean(),
  lastFileAt: isoDateTime.nullable(),
  lastDataAt: isoDateTime.nullable(),
  parameters: z.array(z.string()).describe('parameter codes'),
});

export const stationParameterSchema = z.object({
  code: z.string(),
  unit: z.string(),
  name: z.object({ vi: z.string(), en: z.string() }),
  decimals: z.number().int().nullable(),
  limit: limitSchema,
  enabled: z.boolean(),
});

export const stationDetailSchema = stationSummarySchema.omit({ parameters: true }).extend({
  fileCode: z.string().describe('the <FACILITY>_<STATION> part of file names'),
  parameters: z.array(stationParameterSchema),
  settings: z.object({
    intervalMinutes: z.number().int(),
    graceMinutes: z.number().int(),
    activeFrom: isoDateTime,
    fileCode: z.string(),
    fileAliases: z.array(z.string()),
    camera: z
      .object({ snapshotUrl: z.string().nullable(), streamUrl: z.string().nullable(), intervalMinutes: z.number().int() })
      .optional()
      .describe('camera: snapshot URL pulled every intervalMinutes (admins set it), live-view link'),
    sampler: z
      .object({ enabled: z.boolean(), autoAfter: z.number().int(), cooldownMinutes: z.number().int() })
      .optional()
      .describe('automatic sampler: autoAfter consecutive valid exceedances queue one sample per episode (0 = off)'),
  }),
});

// ── latest ──
const limitDerivationSchema = z.object({
  standard: z.string().describe("standard code, or 'permit' for a facility permit"),
  version: z.string(),
  column: z.string(),
  coefficients: z.object({ kq: z.number().optional(), kf: z.number().optional(), kp: z.number().optional(), kv: z.number().optional() }),
  base: z.object({ min: z.number().optional(), max: z.number().optional() }).describe("the column's own values before coefficients"),
  o2Ref: z.number().optional().describe('reference O2 (%) for stack gases'),
});

/** A stored reading as answers show it: the raw value with its device status, QC flag and the flag's reasons. */
const readingFields = {
  time: isoDateTime,
  value: z.number(),
  unit: z.string(),
  deviceStatus: deviceStatusSchema,
  flag: qcFlagSchema,
  reasons: z.array(z.string()),
};

const latestValueSchema = z.object({
  parameter: z.string(),
  ...readingFields,
  valid: z.boolean().describe('device status 00 and flag good or suspect'),
  level: z.enum(LEVELS).nullable().describe('≥ 80 % of max: approaching; > max or < min: exceeding; null for invalid readings'),
  limit: z
    .object({
      min: z.number().nullable(),
      max: z.number().nullable(),
      averaging: z.enum(LIMIT_AVERAGINGS),
      source: z.enum(LIMIT_SOURCES),
      derivation: limitDerivationSchema,
    })
    .nullable()
    .describe('the limit in force (binding → standard with coefficients, permit override, else the station parameter’s own); null when none'),
});

export const latestSchema = z.object({
  station: z.string(),
  time: isoDateTime.nullable().describe('newest reading time'),
  state: stationState,
  values: z.array(latestValueSchema),
});

// ── readings ──
export const rawReadingSchema = z.object({ ...readingFields, valid: z.boolean() });

export const aggregateSchema = z.object({
  time: isoDateTime.describe('hourly and 8-hourly: end of the (last) hour; daily: local midnight starting the day'),
  value: z.number().nullable().describe('mean of valid readings (1h) or of complete hourly means (8h, 24h)'),
  validCount: z.number().int(),
  expectedCount: z.number().int().describe('60 / interval per hour; 8 hours; 24 hours'),
  complete: z.boolean().describe('validCount ≥ 75 % of expectedCount'),
  min: z.number().nullable(),
  max: z.number().nullable(),
  date: localDate.optional().describe('daily only: the local date'),
});

const readingsHead = {
  station: z.string(),
  parameter: z.string(),
  unit: z.string(),
  nextCursor,
};
export const readingsSchema = z.discriminatedUnion('resolution', [
  z.object({ ...readingsHead, resolution: z.literal('raw'), items: z.array(rawReadingSchema) }),
  z.object({ ...readingsHead, resolution: z.enum(RESOLUTIONS).exclude(['raw']), items: z.array(aggregateSchema) }),
]);

const READINGS_DEFAULT_LIMIT = 1000;
const READINGS_MAX_LIMIT = 10_000;

// ── AQI / WQI ──
const bandCategory = (bands: readonly { category: string }[]) => z.string().meta({ enum: bands.map((b) => b.category) }).nullable();
const indexTime = z.string().describe('hour label (ISO 8601, +07:00) for 1h; local date YYYY-MM-DD for 24h');
const subIndices = z.record(z.string(), z.number());

export const aqiItemSchema = z.object({
  time: indexTime,
  aqi: z.number().describe('VN_AQI, 0–500'),
  category: bandCategory(AQI_BANDS),
  color: z.string().nullable().describe('band colour, e.g. #FFFF00'),
  dominant: z.string().nullable().describe('pollutant with the largest sub-index'),
  subIndices: subIndices.describe('sub-index per pollutant, 2 decimals, e.g. {"PM25": 40.6, "NO2": 59.35}'),
});
export const wqiItemSchema = z.object({
  time: indexTime,
  wqi: z.number().describe('VN_WQI, 0–100'),
  category: bandCategory(WQI_BANDS),
  color: z.string().nullable().describe('band colour'),
  subIndices: subIndices.describe('q per parameter (PH, DO, COD, NH4 …)'),
});
const indexPage = <T extends z.ZodType>(item: T) =>
  z.object({ station: z.string(), resolution: z.enum(INDEX_RESOLUTIONS), items: z.array(item), nextCursor });
export const aqiPageSchema = indexPage(aqiItemSchema);
export const wqiPageSchema = indexPage(wqiItemSchema);

const indexQuery = z.object({
  resolution: z.enum(INDEX_RESOLUTIONS).default('1h'),
  from: isoInstant.optional().describe('hour label / date, inclusive'),
  to: isoInstant.optional().describe('hour label / date, exclusive'),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000).describe('page size (default 1000, max 10000)'),
  cursor: z.string().max(100).optional().describe('nextCursor of the previous page'),
});

export type StationSummaryDto = z.infer<typeof stationSummarySchema>;
export type StationParameterDto = z.infer<typeof stationParameterSchema>;
export type StationDetailDto = z.infer<typeof stationDetailSchema>;
export type LatestDto = z.infer<typeof latestSchema>;
export type RawReadingDto = z.infer<typeof rawReadingSchema>;
export type AggregateDto = z.infer<typeof aggregateSchema>;
export type ReadingsDto = z.infer<typeof readingsSchema>;
export type AqiPageDto = z.infer<typeof aqiPageSchema>;
export type WqiPageDto = z.infer<typeof wqiPageSchema>;
export type IndexQuery = z.output<typeof indexQuery>;

// ── routes ──
const indexDescription =
  'Hours are labelled by their end, days by the local date. No token needed; without a token only hours that ended at least ' +
  'PUBLIC_DELAY_MINUTES (default 60) ago, and days whose 24:00 hour has, are returned. Default: last 48 h (1h) or 30 days (24h).';
/** What the AQI and WQI routes share: anyone may read them, a token lifts the public delay. */
const indexRoute = { access: 'public', optionalToken: true, params: codeParams, query: indexQuery } as const;

export const {
  listStations,
  createStation,
  getStation,
  getStationLatest,
  listStationReadings,
  listStationAqi,
  listStationWqi,
} = defineRoutes('stations', {
  listStations: {
    route: 'GET /api/v1/stations',
    summary: 'List stations (any token; facility tokens see their own)',
    access: 'authenticated',
    query: stationListFilter.extend(pageQuery),
    responses: { 200: { description: 'stations by code', schema: page(stationSummarySchema) } },
  },
  createStation: {
    route: 'POST /api/v1/stations',
    summary: 'Register a station (admin)',
    description: 'Parameters must belong to the station kind; units default to (and must be) the canonical ones. Duplicate code or file code: 409.',
    access: ['admin'],
    body: {
      kind: 'json',
      schema: createStationInput,
      example: {
        code: 'NT01',
        fileCode: 'DINHTRAM_NT01',
        name: 'Cửa xả nước thải',
        kind: 'wastewater',
        facilityCode: 'DINHTRAM',
        lat: 21.27,
        lon: 106.19,
        parameters: [{ code: 'COD', limit: { max: 150 } }, { code: 'PH', limit: { min: 5.5, max: 9 } }],
      },
    },
    responses: { 201: { description: 'created', schema: stationDetailSchema } },
    errors: ['CONFLICT'],
  },
  getStation: {
    route: 'GET /api/v1/stations/{code}',
    summary: 'A station with its parameters, limits and settings (404 for another facility’s station)',
    access: 'authenticated',
    params: codeParams,
    responses: { 200: { description: 'station', schema: stationDetailSchema } },
  },
  getStationLatest: {
    route: 'GET /api/v1/stations/{code}/latest',
    summary: 'Newest value of each parameter with its level against the limit in force',
    description:
      'The limit in force: binding → standard with coefficients, permit override, else the station parameter’s own min/max. ' +
      'The station state is computed as for the map and the station list.',
    access: 'authenticated',
    params: codeParams,
    responses: { 200: { description: 'latest values', schema: latestSchema } },
  },
  listStationReadings: {
    route: 'GET /api/v1/stations/{code}/readings',
    summary: 'Readings of one parameter: raw, or hourly / 8-hourly / daily means',
    description:
      'Hourly means are labelled by the end of the hour (readings in (h−1, h]); 8-hour means are means of 8 complete hourly ' +
      'means labelled by the last hour; daily means (hours 01:00…24:00 local) by the date. Default range: last 24 h (31 days for 24h).',
    access: 'authenticated',
    params: codeParams,
    query: z.object({
      parameter: z.string().trim().min(1).max(32).describe('canonical parameter code'),
      from: isoInstant.optional().describe('reading time / label, inclusive'),
      to: isoInstant.optional().describe('reading time / label, exclusive'),
      resolution: z.enum(RESOLUTIONS).default('raw'),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(READINGS_MAX_LIMIT)
        .default(READINGS_DEFAULT_LIMIT)
        .describe(`page size (default ${READINGS_DEFAULT_LIMIT}, max ${READINGS_MAX_LIMIT})`),
      cursor: z.string().max(100).optional().describe('nextCursor of the previous page'),
    }),
    responses: { 200: { description: 'readings, oldest first', schema: readingsSchema } },
  },
  listStationAqi: {
    route: 'GET /api/v1/stations/{code}/aqi',
    ...indexRoute,
    summary: 'VN_AQI of an ambient-air station, hourly or daily (anyone; 404 for other station kinds)',
    description:
      'Decision 1459/QĐ-TCMT: hourly AQI from complete hourly means (PM by NowCast over 12 hours), daily AQI from 24-hour PM means and daily maxima. ' +
      indexDescription,
    responses: { 200: { description: 'index values, oldest first', schema: aqiPageSchema } },
  },
  listStationWqi: {
    route: 'GET /api/v1/stations/{code}/wqi',
    ...indexRoute,
    summary: 'VN_WQI of a river (surface water) station, hourly or daily (anyone; 404 for other station kinds)',
    description:
      'Decision 1460/QĐ-TCMT from the automatically measured parameters (pH; DO with temperature, COD, NH4 …; at least 3 group-IV sub-indices). ' +
      indexDescription,
    responses: { 200: { description: 'index values, oldest first', schema: wqiPageSchema } },
  },
});

export const stationRoutes = [listStations, createStation, getStation, getStationLatest, listStationReadings, listStationAqi, listStationWqi];
export const stationComponents: Components = {
  request: { CreateStation: createStationInput },
  response: {
    StationSummary: stationSummarySchema,
    StationParameter: stationParameterSchema,
    StationDetail: stationDetailSchema,
    Latest: latestSchema,
    RawReading: rawReadingSchema,
    Aggregate: aggregateSchema,
    Readings: readingsSchema,
    AqiItem: aqiItemSchema,
    WqiItem: wqiItemSchema,
  },
};
