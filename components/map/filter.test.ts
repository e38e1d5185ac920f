import { describe, expect, test } from 'vitest';
import { filterStations, NO_FILTERS } from './filter';
import type { MapFilters } from './types';

const stations = [
  { code: 'NT01', name: 'Trạm Đình Trám', kind: 'wastewater', facilityCode: 'DT', facilityName: 'KCN Đình Trám', state: 'exceeding' },
  { code: 'KK01', name: 'Trạm không khí Bắc Ninh', kind: 'ambient_air', facilityCode: 'STNMT', facilityName: 'Sở', state: 'good' },
  { code: 'NT02', name: 'Trạm Vân Trung', kind: 'wastewater', facilityCode: 'VT', facilityName: 'KCN Vân Trung', state: 'offline' },
] as const;

describe('filterStations', () => {
  test.each<{ label: string; f: Partial<MapFilters>; expected: string[] }>([
    { label: 'no filters', f: {}, expected: ['NT01', 'KK01', 'NT02'] },
    { label: 'kind', f: { kind: 'wastewater' }, expected: ['NT01', 'NT02'] },
    { label: 'facility', f: { facility: 'VT' }, expected: ['NT02'] },
    { label: 'state', f: { state: 'exceeding' }, expected: ['NT01'] },
    { label: 'text without accents', f: { q: 'bac ninh' }, expected: ['KK01'] },
    { label: 'text with đ', f: { q: 'dinh tram' }, expected: ['NT01'] },
    { label: 'combined, no match', f: { kind: 'ambient_air', state: 'offline' }, expected: [] },
  ])('$label', ({ f, expected }) => {
    expect(filterStations(stations, { ...NO_FILTERS, ...f }).map((s) => s.code)).toEqual(expected);
  });
});
