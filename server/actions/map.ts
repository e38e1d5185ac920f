'use server';
import 'server-only';
import { loadMapData, type MapData } from '@/server/queries/map';
import { readForUser, type PolledRead } from './polled-read';

export type MapDataResult = PolledRead<MapData>;

/** Polled by the map every 30 s. A public POST like any action: the caller is checked here, scoping in the query. */
export async function getMapDataAction(): Promise<MapDataResult> {
  return readForUser('getMapDataAction', loadMapData);
}
