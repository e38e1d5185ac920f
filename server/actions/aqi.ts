'use server';
import 'server-only';
import { isAppError } from '@/lib/errors';
import { requireActionUser } from '@/server/auth/session';
import { loadAqiMapData, type AqiMapData } from '@/server/queries/aqi';

export type AqiMapDataResult = { ok: true; data: AqiMapData } | { ok: false; error: 'UNAUTHORIZED' | 'INTERNAL' };

/** The operator map's AQI mode: newest hourly AQI of each visible ambient station (caller checked here and in the query). */
export async function getAqiMapDataAction(): Promise<AqiMapDataResult> {
  try {
    await requireActionUser();
    return { ok: true, data: await loadAqiMapData() };
  } catch (e) {
    if (isAppError(e) && (e.code === 'UNAUTHORIZED' || e.code === 'FORBIDDEN')) return { ok: false, error: 'UNAUTHORIZED' };
    console.error('getAqiMapDataAction failed', e);
    return { ok: false, error: 'INTERNAL' };
  }
}
