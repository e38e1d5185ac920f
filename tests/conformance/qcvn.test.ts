/**
 * Conformance: the builtin QCVN values and transition dates (DOMAIN.md §6). QCVN 05:2023 and 08:2023 are in force from
 * 2023-09-12 (Circular 01/2023/TT-BTNMT); PM2.5 24 h is 50 µg/m³ until 31/12/2025 and 45 from 01/01/2026; a period is
 * judged by the version in force at its start.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_LIMIT_STANDARDS, judgedAt, resolveLimit, type LimitAveraging } from '@/lib/domain/limits';
import type { StationKind } from '@/lib/domain/parameters';
import { parseIsoInstant } from '@/lib/domain/time';

const at = (local: string): number => parseIsoInstant(local)!.getTime();
const limit = (kind: StationKind, parameter: string, averaging: LimitAveraging | undefined, when: string, column?: string) =>
  resolveLimit({ standards: BUILT_IN_LIMIT_STANDARDS, stationKind: kind, parameter, at: at(when), ...(averaging && { averaging }), ...(column && { column }) });

describe('QCVN 05:2023 ambient air (µg/m³)', () => {
  it.each([
    ['SO2', '1h', 350],
    ['SO2', '24h', 125],
    ['SO2', 'year', 50],
    ['CO', '1h', 30000],
    ['CO', '8h', 10000],
    ['NO2', '1h', 200],
    ['NO2', '24h', 100],
    ['NO2', 'year', 40],
    ['O3', '1h', 200],
    ['O3', '8h', 120],
    ['TSP', '1h', 300],
    ['TSP', '24h', 200],
    ['TSP', 'year', 100],
    ['PM10', '24h', 100],
    ['PM10', 'year', 50],
    ['PM25', '24h', 50],
    ['PM25', 'year', 25],
  ] as const)('%s %s = %d in 2024', (p, avg, max) => {
    expect(limit('ambient_air', p, avg, '2024-06-01T00:00:00')?.max).toBe(max);
  });

  it.each([
    ['2023-09-11T23:59:59.999', null],
    ['2023-09-12T00:00:00', 50],
    ['2025-12-31T23:59:59.999', 50],
    ['2026-01-01T00:00:00', 45],
  ] as const)('PM2.5 24 h at %s → %s', (when, max) => {
    expect(limit('ambient_air', 'PM25', '24h', when)?.max ?? null).toBe(max);
  });

  it('the day 31/12/2025 is judged at its start: 50, not the 45 in force at its end', () => {
    const day = { start: at('2025-12-31T00:00:00'), end: at('2026-01-01T00:00:00') };
    expect(resolveLimit({ standards: BUILT_IN_LIMIT_STANDARDS, stationKind: 'ambient_air', parameter: 'PM25', averaging: '24h', at: judgedAt(day) })?.max).toBe(50);
  });
});

describe('QCVN 08:2023 surface water', () => {
  it.each([
    ['COD', 'A', { max: 10 }],
    ['COD', 'B', { max: 15 }],
    ['COD', 'C', { max: 20 }],
    ['DO', 'A', { min: 6 }],
    ['DO', 'B', { min: 5 }],
    ['DO', 'C', { min: 4 }],
    ['PH', 'A', { min: 6.5, max: 8.5 }],
    ['NH4', 'B', { max: 0.3 }],
  ] as const)('%s class %s', (p, column, bounds) => {
    const r = limit('surface_water', p, undefined, '2024-06-01T00:00:00', column);
    expect({ min: r?.min, max: r?.max }).toEqual({ min: undefined, max: undefined, ...bounds });
  });

  it.each([
    ['2023-09-11T23:59:59.999', null],
    ['2023-09-12T00:00:00', 15],
  ] as const)('COD class B at %s → %s', (when, max) => {
    expect(limit('surface_water', 'COD', undefined, when, 'B')?.max ?? null).toBe(max);
  });
});

describe('QCVN 40:2011 wastewater and QCVN 19:2009 emissions (column values before coefficients)', () => {
  it.each([
    ['COD', 'A', 75],
    ['COD', 'B', 150],
    ['TSS', 'A', 50],
    ['TSS', 'B', 100],
    ['NH4', 'A', 5],
    ['NH4', 'B', 10],
    ['TN', 'A', 20],
    ['TN', 'B', 40],
    ['TP', 'A', 4],
    ['TP', 'B', 6],
    ['COLOR', 'A', 50],
    ['COLOR', 'B', 150],
    ['TEMP', 'A', 40],
  ] as const)('QCVN 40:2011 %s column %s = %d', (p, column, max) => {
    expect(limit('wastewater', p, undefined, '2024-06-01T00:00:00', column)?.max).toBe(max);
  });

  it.each([
    ['DUST', 200],
    ['SO2', 500],
    ['NOX', 850],
    ['CO', 1000],
    ['H2S', 7.5],
    ['NH3', 50],
    ['HCL', 50],
    ['HF', 20],
  ] as const)('QCVN 19:2009 column B %s = %d mg/Nm³', (p, max) => {
    expect(limit('emission', p, undefined, '2024-06-01T00:00:00', 'B')?.max).toBe(max);
  });
});
