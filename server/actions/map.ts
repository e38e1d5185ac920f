'use server';
import 'server-only';
import { isAppError } from '@/lib/errors';
import { requireActionUser } from '@/server/auth/session';
import { loadMapData, type MapData } from '@/server/queries/map';

export type MapDataResult = { ok: true; data: MapData } | { ok: false; error: 'UNAUTHORIZED' | 'INTERNAL' };

/** Polled by the map every 30 s. A public POST like any action: the caller is checked here, scoping in the query. */
export async function getMapDataAction(): Promise<MapDataResult> {
  try {
    await requireActionUser();
    return { ok: true, data: await loadMapData() };
  } catch (e) {
    if (isAppError(e) && (e.code === 'UNAUTHORIZED' || e.code === 'FORBIDDEN')) return { ok: false, error: 'UNAUTHORIZED' };
    console.error('getMapDataAction failed', e);
    return { ok: false, error: 'INTERNAL' };
  }
}
