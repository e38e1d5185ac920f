import type { LimitStandard, LimitValue } from './types';
import { ANY_COLUMN } from './types';

/**
 * Built-in limits (DOMAIN.md §6). Replacements (QCVN 40:2025, QCVN 19:2024) are imported as data, not coded; their
 * cut-over depends on whether a facility is new or existing, so the standards bound to a station decide which applies.
 */
const wastewater = (
  parameter: string,
  a: Pick<LimitValue, 'min' | 'max'>,
  b: Pick<LimitValue, 'min' | 'max'>,
  applyCoefficients = true,
): LimitValue[] => [
  { column: 'A', parameter, ...a, averaging: '24h', applyCoefficients },
  { column: 'B', parameter, ...b, averaging: '24h', applyCoefficients },
];

export const QCVN_40_2011: LimitStandard = {
  code: 'QCVN40:2011',
  name: 'QCVN 40:2011/BTNMT – Nước thải công nghiệp',
  version: '2011',
  effectiveFrom: '2012-02-15',
  kind: 'wastewater',
  values: [
    ...wastewater('TEMP', { max: 40 }, { max: 40 }, false),
    ...wastewater('PH', { min: 6, max: 9 }, { min: 5.5, max: 9 }, false),
    ...wastewater('COLOR', { max: 50 }, { max: 150 }, false),
    ...wastewater('COD', { max: 75 }, { max: 150 }),
    ...wastewater('TSS', { max: 50 }, { max: 100 }),
    ...wastewater('NH4', { max: 5 }, { max: 10 }),
    ...wastewater('TN', { max: 20 }, { max: 40 }),
    ...wastewater('TP', { max: 4 }, { max: 6 }),
  ],
};

const emissionB = (parameter: string, max: number): LimitValue => ({
  column: 'B',
  parameter,
  max,
  averaging: '1h',
  applyCoefficients: true,
});

export const QCVN_19_2009: LimitStandard = {
  code: 'QCVN19:2009',
  name: 'QCVN 19:2009/BTNMT – Khí thải công nghiệp đối với bụi và các chất vô cơ',
  version: '2009',
  effectiveFrom: '2010-01-01',
  kind: 'emission',
  values: [
    emissionB('DUST', 200),
    emissionB('SO2', 500),
    emissionB('NOX', 850),
    emissionB('CO', 1000),
    emissionB('H2S', 7.5),
    emissionB('NH3', 50),
    emissionB('HCL', 50),
    emissionB('HF', 20),
  ],
};

const ambient = (parameter: string, max: number, averaging: LimitValue['averaging']): LimitValue => ({
  column: ANY_COLUMN,
  parameter,
  max,
  averaging,
  applyCoefficients: false,
});

const QCVN_05_COMMON: LimitValue[] = [
  ambient('SO2', 350, '1h'),
  ambient('SO2', 125, '24h'),
  ambient('SO2', 50, 'year'),
  ambient('CO', 30000, '1h'),
  ambient('CO', 10000, '8h'),
  ambient('NO2', 200, '1h'),
  ambient('NO2', 100, '24h'),
  ambient('NO2', 40, 'year'),
  ambient('O3', 200, '1h'),
  ambient('O3', 120, '8h'),
  ambient('TSP', 300, '1h'),
  ambient('TSP', 200, '24h'),
  ambient('TSP', 100, 'year'),
  ambient('PM10', 100, '24h'),
  ambient('PM10', 50, 'year'),
  ambient('PM25', 25, 'year'),
];

/**
 * QCVN 05:2023 as two versions: PM2.5 24 h is 50 µg/m³ until 2025-12-31 and 45 from 2026-01-01. In force from
 * 2023-09-12 (Circular 01/2023/TT-BTNMT, Art. 3), like QCVN 08:2023.
 */
export const QCVN_05_2023: readonly LimitStandard[] = [
  {
    code: 'QCVN05:2023',
    name: 'QCVN 05:2023/BTNMT – Chất lượng không khí',
    version: '2023-09-12',
    effectiveFrom: '2023-09-12',
    effectiveTo: '2026-01-01',
    kind: 'ambient_air',
    values: [...QCVN_05_COMMON, ambient('PM25', 50, '24h')],
  },
  {
    code: 'QCVN05:2023',
    name: 'QCVN 05:2023/BTNMT – Chất lượng không khí',
    version: '2026-01-01',
    effectiveFrom: '2026-01-01',
    kind: 'ambient_air',
    values: [...QCVN_05_COMMON, ambient('PM25', 45, '24h')],
  },
];

const surface = (column: string, parameter: string, bound: Pick<LimitValue, 'min' | 'max'>): LimitValue => ({
  column,
  parameter,
  ...bound,
  averaging: '24h',
  applyCoefficients: false,
});

/** QCVN 08:2023 classes A/B/C as far as DOMAIN.md gives them; NH4 is Bảng 1 (health protection), so any class. */
export const QCVN_08_2023: LimitStandard = {
  code: 'QCVN08:2023',
  name: 'QCVN 08:2023/BTNMT – Chất lượng nước mặt',
  version: '2023',
  effectiveFrom: '2023-09-12',
  kind: 'surface_water',
  values: [
    surface('A', 'PH', { min: 6.5, max: 8.5 }),
    surface('A', 'COD', { max: 10 }),
    surface('B', 'COD', { max: 15 }),
    surface('C', 'COD', { max: 20 }),
    surface('A', 'DO', { min: 6 }),
    surface('B', 'DO', { min: 5 }),
    surface('C', 'DO', { min: 4 }),
    surface('A', 'TSS', { max: 25 }),
    surface('B', 'TSS', { max: 100 }),
    surface(ANY_COLUMN, 'NH4', { max: 0.3 }),
  ],
};

export const BUILT_IN_LIMIT_STANDARDS: readonly LimitStandard[] = [
  QCVN_40_2011,
  QCVN_19_2009,
  ...QCVN_05_2023,
  QCVN_08_2023,
];
