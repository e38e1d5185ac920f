import type { StationKind } from '../domain/parameters';
import { prisma } from './client';

export type StationSettings = {
  fileCode: string;
  name: string;
  kind: StationKind;
  facilityId: number;
  lat: number;
  lon: number;
  intervalMinutes: number;
  graceMinutes: number;
  enabled: boolean;
};

/** Updates a station's settings (not its code: the code is its identity in URLs, the API and forwarded paths). */
export async function updateStationSettings(id: number, d: StationSettings): Promise<void> {
  await prisma().station.update({ where: { id }, data: d });
}

export async function setStationSymbolAliases(id: number, aliases: Record<string, string>): Promise<void> {
  await prisma().station.update({ where: { id }, data: { symbolAliases: aliases } });
}

/** Adds a parameter to a station, or switches a removed one back on with the given unit. */
export async function upsertStationParameter(stationId: number, parameter: string, unit: string): Promise<void> {
  await prisma().stationParameter.upsert({
    where: { stationId_parameter: { stationId, parameter } },
    create: { stationId, parameter, unit },
    update: { unit, enabled: true },
  });
}

/**
 * "Removes" a parameter by switching it off: readings already stored keep their meaning, ingest stops accepting it,
 * and reports stop expecting it. Adding it again switches it back on.
 */
export async function disableStationParameter(stationId: number, parameter: string): Promise<void> {
  await prisma().stationParameter.update({
    where: { stationId_parameter: { stationId, parameter } },
    data: { enabled: false },
  });
}
