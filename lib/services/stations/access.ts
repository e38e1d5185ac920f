/**
 * Who may see which stations: the one place that decides it. Every page, action, route, export and job that works
 * for a caller turns the caller into a scope here and finds stations through it.
 */
import { findStationByCode, listStations, type StationRow } from '../../db/stations';
import type { Role } from '../../db/users';
import type { StationKind } from '../../domain/parameters';
import { AppError } from '../../errors';

/** A signed-in user or an API token: its role and, for facility callers, its facility. */
export type Viewer = { role: Role; facilityId: number | null };

/**
 * What a caller may see: `facilityId` null = every station; otherwise that facility's stations only. A facility
 * account without a facility gets a facility id that matches nothing (NO_FACILITY).
 */
export type ViewerScope = { facilityId: number | null };

/** Staff and system callers (the worker, admin services): every station. */
export const ALL_STATIONS: ViewerScope = Object.freeze({ facilityId: null });

const NO_FACILITY = -1;

/** Facility callers see their own facility only (nothing without one); every staff role sees all. */
export function scopeFor(viewer: Viewer): ViewerScope {
  if (viewer.role !== 'facility') return ALL_STATIONS;
  return { facilityId: viewer.facilityId ?? NO_FACILITY };
}

export function canSeeFacility(scope: ViewerScope, facilityId: number): boolean {
  return scope.facilityId === null || scope.facilityId === facilityId;
}

/** The station if the scope may see it; NOT_FOUND otherwise (another facility's station does not "exist"). */
export async function getStationOrThrow(code: string, scope: ViewerScope): Promise<StationRow> {
  const s = await findStationByCode(code);
  if (!s || !canSeeFacility(scope, s.facility.id)) throw new AppError('NOT_FOUND', `station ${code} not found`);
  return s;
}

/** The stations the scope may see, optionally of one kind or among the given codes. */
export async function listVisibleStations(scope: ViewerScope, filter: { kind?: StationKind; codes?: string[] } = {}): Promise<StationRow[]> {
  if (scope.facilityId === NO_FACILITY) return [];
  return listStations({ facilityId: scope.facilityId, kind: filter.kind, codes: filter.codes });
}
