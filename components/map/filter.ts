import type { MapFilters, MapStationView } from './types';

/** Case- and accent-insensitive text, so "bac ninh" finds "Bắc Ninh". */
export function normalizeText(s: string): string {
  return s.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

export const NO_FILTERS: MapFilters = { kind: '', facility: '', state: '', q: '' };

/** Stations matching every set filter (kind, facility code, state, text in code / name / facility). */
export function filterStations<S extends Pick<MapStationView, 'code' | 'name' | 'kind' | 'facilityCode' | 'facilityName' | 'state'>>(
  stations: readonly S[],
  f: MapFilters,
): S[] {
  const q = normalizeText(f.q.trim());
  return stations.filter(
    (s) =>
      (!f.kind || s.kind === f.kind) &&
      (!f.facility || s.facilityCode === f.facility) &&
      (!f.state || s.state === f.state) &&
      (!q || normalizeText(`${s.code} ${s.name} ${s.facilityName}`).includes(q)),
  );
}
