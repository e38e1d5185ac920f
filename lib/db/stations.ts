import type { StationKind } from '../domain/parameters';
import { prisma } from './client';

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

/** Stations visible under the filter; facilityId restricts to one facility (facility users). */
export async function listStations(filter: StationFilter = {}): Promise<StationRow[]> {
  const rows = await prisma().station.findMany({
    where: {
      ...(filter.facilityId != null ? { facilityId: filter.facilityId } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.codes ? { code: { in: filter.codes } } : {}),
    },
    select,
    orderBy: { code: 'asc' },
  });
  return rows.map(toRow);
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
