'use server';
import 'server-only';
import { loadAqiMapData, type AqiMapData } from '@/server/queries/aqi';
import { readForUser, type PolledRead } from './polled-read';

export type AqiMapDataResult = PolledRead<AqiMapData>;

/** The operator map's AQI mode: newest hourly AQI of each visible ambient station (caller checked here and in the query). */
export async function getAqiMapDataAction(): Promise<AqiMapDataResult> {
  return readForUser('getAqiMapDataAction', loadAqiMapData);
}
