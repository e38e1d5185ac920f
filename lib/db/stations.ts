import type { StationKind } from '../domain/parameters';
import { pool, prisma } from './client';

export type StationParameterRow = {
  parameter: string;
  unit: string;
  limitMin: number | null;
  limitMax: number | null;
  enabled: boolean;
};

export type StationRow = {
  id: number;
  code: string;
  fileCode: string;
  fileAliases: string[];
  name: string;
  kind: StationKind;
  facility: { id: number; code: string; name: string };
  lat: number;
  lon: number;
  intervalMinutes: number;
  graceMinutes: number;
  activeFrom: Date;
  enabled: boolean;
  symbolAliases: Record<string, string>;
  lastFileAt: Date | null;
  lastDataAt: Date | null;
  parameters: StationParameterRow[];
};

const select = {
  id: true,
  code: true,
  fileCode: true,
  fileAliases: true,
  name: true,
  kind: true,
  lat: true,
  lon: true,
  intervalMinutes: true,
  graceMinutes: true,
  activeFrom: true,
  enabled: true,
  symbolAliases: true,
  lastFileAt: true,
  lastDataAt: true,
  facility: { select: { id: true, code: true, name: true } },
  parameters: {
    select: { parameter: true, unit: true, limitMin: true, limitMax: true, enabled: true },
    orderBy: { id: 'asc' },
  },
} as const;

type Raw = Omit<StationRow, 'symbolAliases'> & { symbolAliases: unknown };

function toRow(r: Raw): StationRow {
  const aliases = r.symbolAliases && typeof r.symbolAliases === 'object' ? (r.symbolAliases as Record<string, string>) : {};
  return { ...r, symbolAliases: aliases };
}

export type StationFilter = { facilityId?: number | null; kind?: StationKind; codes?: string[] };

type DbStation = {
  id: number;
  code: string;
  file_code: string;
  file_aliases: string[] | null;
  name: string;
  kind: StationKind;
  lat: number;
  lon: number;
  interval_minutes: number;
  grace_minutes: number;
  active_from: Date;
  enabled: boolean;
  symbol_aliases: unknown;
  last_file_at: Date | null;
  last_data_at: Date | null;
  facility_id: number;
  facility_code: string;
  facility_name: string;
  parameters: { parameter: string; unit: string; limitMin: number | null; limitMax: number | null; enabled: boolean }[];
};

/**
 * Stations visible under the filter; facilityId restricts to one facility (facility users). One SQL statement with the
 * parameters aggregated per station: the live map, lists and the stations API call this on every request.
 */
export async function listStations(filter: StationFilter = {}): Promise<StationRow[]> {
  // A named statement: planned once per connection (the plan is the same for every filter).
  const r = await pool().query<DbStation>({
    name: 'list_stations_v1',
    text: `SELECT s.id, s.code, s.file_code, s.file_aliases, s.name, s.kind, s.lat, s.lon, s.interval_minutes, s.grace_minutes,
                  s.active_from, s.enabled, s.symbol_aliases, s.last_file_at, s.last_data_at,
                  f.id AS facility_id, f.code AS facility_code, f.name AS facility_name,
                  COALESCE(json_agg(json_build_object('parameter', sp.parameter, 'unit', sp.unit, 'limitMin', sp.limit_min,
                                                      'limitMax', sp.limit_max, 'enabled', sp.enabled) ORDER BY sp.id)
                           FILTER (WHERE sp.id IS NOT NULL), '[]'::json) AS parameters
           FROM station s
           JOIN facility f ON f.id = s.facility_id
           LEFT JOIN station_parameter sp ON sp.station_id = s.id
           WHERE ($1::int IS NULL OR s.facility_id = $1) AND ($2::text IS NULL OR s.kind::text = $2) AND ($3::text[] IS NULL OR s.code = ANY($3::text[]))
           GROUP BY s.id, f.id
           ORDER BY s.code`,
    values: [filter.facilityId ?? null, filter.kind ?? null, filter.codes ?? null],
  });
  return r.rows.map((x) =>
    toRow({
      id: x.id,
      code: x.code,
      fileCode: x.file_code,
      fileAliases: x.file_aliases ?? [],
      name: x.name,
      kind: x.kind,
      facility: { id: x.facility_id, code: x.facility_code, name: x.facility_name },
      lat: x.lat,
      lon: x.lon,
      intervalMinutes: x.interval_minutes,
      graceMinutes: x.grace_minutes,
      activeFrom: x.active_from,
      enabled: x.enabled,
      symbolAliases: x.symbol_aliases,
      lastFileAt: x.last_file_at,
      lastDataAt: x.last_data_at,
      parameters: x.parameters,
    }),
  );
}

export async function findStationByCode(code: string): Promise<StationRow | null> {
  const r = await prisma().station.findUnique({ where: { code }, select });
  return r ? toRow(r) : null;
}

/** Matches the `<FACILITY>_<STATION>` part of a file name against registered file codes and aliases (case-insensitive). */
export async function findStationByFileCode(fileCode: string): Promise<StationRow | null> {
  const upper = fileCode.toUpperCase();
  const r = await prisma().station.findFirst({
    where: { OR: [{ fileCode: { equals: fileCode, mode: 'insensitive' } }, { fileAliases: { has: upper } }] },
    select,
  });
  return r ? toRow(r) : null;
}

export type CreateStationData = {
  code: string;
  fileCode: string;
  fileAliases?: string[];
  name: string;
  kind: StationKind;
  facilityId: number;
  lat: number;
  lon: number;
  intervalMinutes?: number;
  graceMinutes?: number;
  activeFrom?: Date;
  symbolAliases?: Record<string, string>;
  parameters: { parameter: string; unit: string; limitMin?: number | null; limitMax?: number | null }[];
};

export async function createStation(d: CreateStationData): Promise<StationRow> {
  const r = await prisma().station.create({
    data: {
      code: d.code,
      fileCode: d.fileCode,
      fileAliases: (d.fileAliases ?? []).map((a) => a.toUpperCase()),
      name: d.name,
      kind: d.kind,
      facilityId: d.facilityId,
      lat: d.lat,
      lon: d.lon,
      intervalMinutes: d.intervalMinutes ?? 5,
      graceMinutes: d.graceMinutes ?? 15,
      activeFrom: d.activeFrom ?? new Date(),
      symbolAliases: d.symbolAliases ?? {},
      parameters: {
        create: d.parameters.map((p) => ({
          parameter: p.parameter,
          unit: p.unit,
          limitMin: p.limitMin ?? null,
          limitMax: p.limitMax ?? null,
        })),
      },
    },
    select,
  });
  return toRow(r);
}

/** Records that a file (and possibly data) arrived; only ever moves the timestamps forward. */
export async function touchStationReceipt(stationId: number, fileAt: Date, dataAt: Date | null): Promise<void> {
  await prisma().$executeRaw`
    UPDATE "station" SET
      "last_file_at" = GREATEST(COALESCE("last_file_at", ${fileAt}), ${fileAt}),
      "last_data_at" = CASE WHEN ${dataAt}::timestamptz IS NULL THEN "last_data_at"
                            ELSE GREATEST(COALESCE("last_data_at", ${dataAt}::timestamptz), ${dataAt}::timestamptz) END
    WHERE "id" = ${stationId}`;
}
