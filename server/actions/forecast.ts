'use server';
import 'server-only';
import { loadAqiMapForecast } from '@/server/queries/forecast';
import { readForUser, type PolledRead } from './polled-read';

export type AqiMapForecastResult = PolledRead<Awaited<ReturnType<typeof loadAqiMapForecast>>>;

/** The operator map's AQI "+24 h" mode: forecast hourly AQI 24 h ahead of each visible ambient station. */
export async function getAqiMapForecastAction(): Promise<AqiMapForecastResult> {
  return readForUser('getAqiMapForecastAction', loadAqiMapForecast);
}
