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
  const aliases =
    r.symbolAliases && typeof r.symbolAliases === 'object' ? (r.symbolAliases as Record<string, string>) : {};
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
 * Stations visible under the filter with their parameters; facilityId restricts to one facility (facility users). The
 * live map, lists and the stations API call this on every request.
 */
export async function listStations(filter: StationFilter = {}): Promise<StationRow[]> {
  // Named statements: planned once per connection (the plan is the same for every filter). Stations and their
  // parameters as two plain reads at once: building a JSON list per station in SQL cost several times more.
  const where = `($1::int IS NULL OR s.facility_id = $1) AND ($2::text IS NULL OR s.kind::text = $2) AND ($3::text[] IS NULL OR s.code = ANY($3::text[]))`;
  const values = [filter.facilityId ?? null, filter.kind ?? null, filter.codes ?? null];
  const [r, ps] = await Promise.all([
    pool().query<Omit<DbStation, 'parameters'>>({
      name: 'list_stations_v2',
      text: `SELECT s.id, s.code, s.file_code, s.file_aliases, s.name, s.kind, s.lat, s.lon, s.interval_minutes, s.grace_minutes,
                    s.active_from, s.enabled, s.symbol_aliases, s.last_file_at, s.last_data_at,
                    f.id AS facility_id, f.code AS facility_code, f.name AS facility_name
             FROM station s JOIN facility f ON f.id = s.facility_id
             WHERE ${where}
             ORDER BY s.code`,
      values,
    }),
    pool().query<{
      station_id: number;
      parameter: string;
      unit: string;
      limit_min: number | null;
      limit_max: number | null;
      enabled: boolean;
    }>({
      name: 'list_station_parameters_v1',
      text: `SELECT sp.station_id, sp.parameter, sp.unit, sp.limit_min, sp.limit_max, sp.enabled
             FROM station_parameter sp JOIN station s ON s.id = sp.station_id
             WHERE ${where}
             ORDER BY sp.station_id, sp.id`,
      values,
    }),
  ]);
  const parameters = new Map<number, DbStation['parameters']>();
  for (const x of ps.rows) {
    const p = {
      parameter: x.parameter,
      unit: x.unit,
      limitMin: x.limit_min,
      limitMax: x.limit_max,
      enabled: x.enabled,
    };
    const list = parameters.get(x.station_id);
    if (list) list.push(p);
    else parameters.set(x.station_id, [p]);
  }
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
      parameters: parameters.get(x.id) ?? [],
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
