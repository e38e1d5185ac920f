import { describe, expect, it } from 'vitest';
import {
  WQI_TABLES,
  type WqiTable,
  type WqiTableParameter,
  aggregateWqi,
  computeWqi,
  doPercentQ,
  doSaturation,
  findWqiBand,
  phQ,
  wqiParameterQ,
} from './wqi';

const table = (p: WqiTableParameter): WqiTable => WQI_TABLES[p];

describe('wqiParameterQ: C ≤ BP1 (< BP1 for NH4, Cd, Pb, Hg) → 100; linear up to the last breakpoint (q 10); above it → 10', () => {
  it.each([
    ['COD 0', 'COD', 0, 100],
    ['COD at 10 (BP1)', 'COD', 10, 100],
    ['COD just above 10', 'COD', 10.5, 97.5],
    ['COD 12', 'COD', 12, 90],
    ['COD at 15', 'COD', 15, 75],
    ['COD at 30', 'COD', 30, 50],
    ['COD at 50', 'COD', 50, 25],
    ['COD at 150 (last)', 'COD', 150, 10],
    ['COD above the last', 'COD', 151, 10],
    ['NH4 just below 0.3', 'NH4', 0.2999, 100],
    ['NH4 exactly 0.3 → 75 (the decision writes <0.3 for 100)', 'NH4', 0.3, 75],
    ['NH4 just above 0.3', 'NH4', 0.31, 75 - 25 / 30],
    ['NH4 at 0.6', 'NH4', 0.6, 50],
    ['NH4 0.45', 'NH4', 0.45, 62.5],
    ['NH4 at 0.9', 'NH4', 0.9, 25],
    ['NH4 at 5', 'NH4', 5, 10],
    ['NH4 above 5', 'NH4', 6, 10],
    ['BOD5 at 4', 'BOD5', 4, 100],
    ['BOD5 5', 'BOD5', 5, 87.5],
    ['BOD5 at 25', 'BOD5', 25, 25],
    ['BOD5 at 50', 'BOD5', 50, 10],
    ['PO4 at 0.1', 'PO4', 0.1, 100],
    ['PO4 0.15', 'PO4', 0.15, 87.5],
    ['PO4 at 0.5', 'PO4', 0.5, 25],
    ['PO4 above 4', 'PO4', 4.1, 10],
    ['TOC at 4', 'TOC', 4, 100],
    ['TOC 5', 'TOC', 5, 87.5],
    ['TOC at 50', 'TOC', 50, 10],
    ['NO3 at 2', 'NO3', 2, 100],
    ['NO3 at 15 → 25', 'NO3', 15, 25],
    ['NO3 above 15 → 10', 'NO3', 15.01, 10],
    ['As at 0.1 → 25', 'AS', 0.1, 25],
    ['As above 0.1 → 10', 'AS', 0.11, 10],
    ['Cd just below 0.005 → 100', 'CD', 0.0049, 100],
    ['Cd exactly 0.005 → 75', 'CD', 0.005, 75],
    ['Cd at 0.1 → 10', 'CD', 0.1, 10],
    ['Pb exactly 0.02 → 75', 'PB', 0.02, 75],
    ['Hg exactly 0.001 → 75', 'HG', 0.001, 75],
    ['Cr6+ at 0.04 → 50', 'CR6', 0.04, 50],
    ['Cu at 1 → 25', 'CU', 1, 25],
    ['Zn at 1.5 → 50', 'ZN', 1.5, 50],
    ['coliform at 2500 → 100', 'COLIFORM', 2500, 100],
    ['coliform at 10000 → 25', 'COLIFORM', 10000, 25],
    ['coliform above 10000 → 10', 'COLIFORM', 10001, 10],
    ['E. coli at 50 → 75', 'ECOLI', 50, 75],
    ['E. coli above 200 → 10', 'ECOLI', 201, 10],
  ] as const)('%s → %d', (_label, p, c, q) => {
    expect(wqiParameterQ(table(p), c)).toBeCloseTo(q, 9);
  });

  it.each([
    ['negative', -0.1],
    ['NaN', Number.NaN],
  ])('%s → null', (_label, c) => {
    expect(wqiParameterQ(table('COD'), c)).toBeNull();
  });
});

describe('DO: saturation % from DO and temperature; q 100 within 88–112 %, 10 at or below 20 % and at or above 200 %', () => {
  it.each([
    ['0 °C', 0, 14.652],
    ['20 °C', 20, 9.021808],
    ['25 °C', 25, 8.17565625],
  ])('saturation at %s = %d mg/L', (_label, t, sat) => {
    expect(doSaturation(t)).toBeCloseTo(sat, 6);
  });

  it.each([
    ['19.99 %', 19.99, 10],
    ['20 % → 10 (≤ 20)', 20, 10],
    ['20.01 % → just above 25', 20.01, 25 + 25 * 0.01 / 30],
    ['35 %', 35, 37.5],
    ['50 %', 50, 50],
    ['75 %', 75, 75],
    ['81.5 %', 81.5, 87.5],
    ['88 %', 88, 100],
    ['100 %', 100, 100],
    ['112 %', 112, 100],
    ['118.5 %', 118.5, 87.5],
    ['125 %', 125, 75],
    ['150 %', 150, 50],
    ['199.9 %', 199.9, 25.05],
    ['200 % → 10 (≥ 200)', 200, 10],
    ['200.1 %', 200.1, 10],
  ])('q(%s) = %d', (_label, pct, q) => {
    expect(doPercentQ(pct)).toBeCloseTo(q, 9);
  });
});

describe('phQ: < 5.5 → 10; 5.5 → 50 up to 6 → 100; 6–8.5 → 100; 8.5 → 100 down to 9 → 50; > 9 → 10', () => {
  it.each([
    ['4', 4, 10],
    ['5.49', 5.49, 10],
    ['5.5', 5.5, 50],
    ['5.75', 5.75, 75],
    ['6', 6, 100],
    ['7', 7, 100],
    ['8.5', 8.5, 100],
    ['8.75', 8.75, 75],
    ['9', 9, 50],
    ['9.01', 9.01, 10],
    ['11', 11, 10],
  ])('pH %s → %d', (_label, ph, q) => {
    expect(phQ(ph)).toBeCloseTo(q, 9);
  });

  it.each([
    ['NaN', Number.NaN],
    ['above 14', 15],
    ['negative', -1],
  ])('pH %s → null', (_label, ph) => {
    expect(phQ(ph)).toBeNull();
  });
});

describe('aggregateWqi: (I/100)·(II/100)·(III/100)·[(mean IV)²·mean V]^(1/3); without V the last factor is mean IV', () => {
  it.each([
    ['I and IV: (100/100) × mean(80, 60)', { I: [100], IV: [80, 60] }, 70],
    ['pH q 55 scales IV', { I: [55], IV: [100, 100, 100, 87.5] }, 53.28125],
    ['IV only', { IV: [40, 50, 60] }, 50],
    ['with V: (70² × 50)^(1/3)', { I: [100], IV: [80, 60], V: [50] }, 62.573247456759724],
    ['II and III as geometric means / 100', { I: [100], II: [100, 25], III: [80], IV: [100] }, 40],
  ] as const)('%s → %d', (_label, groups, expected) => {
    expect(aggregateWqi(groups)).toBeCloseTo(expected, 9);
  });

  it('group IV empty → throws', () => {
    expect(() => aggregateWqi({ I: [100], IV: [] })).toThrow(RangeError);
  });
});

describe('computeWqi: group IV needs ≥ 3 sub-indices and ≥ 2 groups by default (both configurable)', () => {
  it('hand example 1: pH 7.2, 25 °C, DO 6.0 (73.39 %), COD 12, NH4 0.45 → (73.389 + 90 + 62.5)/3 = 75.30 → 75 medium', () => {
    const r = computeWqi({ PH: 7.2, TEMP: 25, DO: 6.0, COD: 12, NH4: 0.45 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.subIndices.DO).toBeCloseTo(73.38860412581559, 9);
    expect(r.exact).toBeCloseTo(75.29620137527186, 9);
    expect(r.wqi).toBe(75);
    expect(r.band.category).toBe('medium');
    expect(r.band.color).toBe('#FFFF00');
  });

  it('hand example 2: pH 8.75 (q 75), 20 °C, DO 8.0 (88.7 %, q 100), COD 8, NH4 0.2, PO4 0.15 (87.5) → 0.75 × 96.875 = 72.66 → 73', () => {
    const r = computeWqi({ PH: 8.75, TEMP: 20, DO: 8.0, COD: 8, NH4: 0.2, PO4: 0.15 });
    expect(r.ok && r.exact).toBeCloseTo(72.65625, 9);
    expect(r.ok && r.wqi).toBe(73);
  });

  it('hand example 3: clean river, all q = 100 → 100 excellent', () => {
    const r = computeWqi({ PH: 7, TEMP: 25, DO: 8.2, COD: 5, NH4: 0.1, BOD5: 2 });
    expect(r.ok && r.wqi).toBe(100);
    expect(r.ok && r.band.category).toBe('excellent');
  });

  it.each([
    ['two group IV parameters', { PH: 7, COD: 12, NH4: 0.45 }, {}, 'group_iv_insufficient'],
    ['DO without temperature does not count', { PH: 7, DO: 6, COD: 12, NH4: 0.45 }, {}, 'group_iv_insufficient'],
    ['no pH: only one group', { TEMP: 25, DO: 6, COD: 12, NH4: 0.45 }, {}, 'too_few_groups'],
    ['strict 3-of-5 groups', { PH: 7, TEMP: 25, DO: 6, COD: 12, NH4: 0.45 }, { minGroups: 3 }, 'too_few_groups'],
    [
      'null and invalid values are absent',
      { PH: null, COD: -1, NH4: null, DO: 6, TEMP: 25 },
      { minGroups: 1 },
      'group_iv_insufficient',
    ],
  ] as const)('%s → %s', (_label, input, options, reason) => {
    const r = computeWqi(input, options);
    expect(r.ok ? 'ok' : r.reason).toBe(reason);
  });

  it('minGroupIVParameters 2 and minGroups 1 allow IV alone: WQI = mean IV', () => {
    const r = computeWqi({ COD: 12, NH4: 0.45 }, { minGroupIVParameters: 2, minGroups: 1 });
    expect(r.ok && r.exact).toBeCloseTo((90 + 62.5) / 2, 9);
  });

  it('TOC counts in group IV (≤4/6/15/25/≥50); NO2 ≤ 0.05 → 100 else 10', () => {
    const r = computeWqi({ PH: 7, TEMP: 25, DO: 6, COD: 12, TOC: 5 });
    expect(r.ok && r.subIndices.TOC).toBeCloseTo(87.5, 9);
    expect(r.ok && r.ignored).toEqual([]);
    expect(computeWqi({ COD: 12, NO2: 0.05 }, { minGroupIVParameters: 2, minGroups: 1 }).subIndices.NO2).toBe(100);
    expect(computeWqi({ COD: 12, NO2: 0.051 }, { minGroupIVParameters: 2, minGroups: 1 }).subIndices.NO2).toBe(10);
  });

  it('groups II, III and V are computed: (I/100)·(II/100)·(III/100)·[(IV)²·V]^(1/3)', () => {
    const r = computeWqi({
      PH: 7,
      COD: 10,
      BOD5: 4,
      NH4: 0.1,
      pesticidesWithinLimits: [true, false],
      AS: 0.02,
      CU: 0.1,
      COLIFORM: 5000,
      ECOLI: 20,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.subIndices).toMatchObject({ PH: 100, AS: 75, CU: 100, COLIFORM: 75, ECOLI: 100, PESTICIDES: 10 });
    const expected = 1 * Math.sqrt(100 * 10) / 100 * (Math.sqrt(75 * 100) / 100) * (100 ** 2 * 87.5) ** (1 / 3);
    expect(r.exact).toBeCloseTo(expected, 9);
    expect(r.wqi).toBe(Math.round(expected));
  });

  it('group III/V alone make a third group for the strict 3-of-5 reading', () => {
    const r = computeWqi({ PH: 7, COD: 10, BOD5: 4, NH4: 0.1, ZN: 0.5 }, { minGroups: 3 });
    expect(r.ok && r.wqi).toBe(100);
  });
});

describe('findWqiBand: 91–100, 76–90, 51–75, 26–50, 10–25, below 10 (after half-up rounding)', () => {
  it.each([
    ['100', 100, 'excellent', '#3333FF'],
    ['91', 91, 'excellent', '#3333FF'],
    ['90.5 rounds to 91', 90.5, 'excellent', '#3333FF'],
    ['90.4 rounds to 90', 90.4, 'good', '#00E400'],
    ['76', 76, 'good', '#00E400'],
    ['75', 75, 'medium', '#FFFF00'],
    ['51', 51, 'medium', '#FFFF00'],
    ['50', 50, 'poor', '#FF7E00'],
    ['26', 26, 'poor', '#FF7E00'],
    ['25', 25, 'bad', '#FF0000'],
    ['10', 10, 'bad', '#FF0000'],
    ['9.5 rounds to 10', 9.5, 'bad', '#FF0000'],
    ['9.4 rounds to 9', 9.4, 'very_polluted', '#7E0023'],
    ['0', 0, 'very_polluted', '#7E0023'],
  ] as const)('%s → %s', (_label, wqi, category, color) => {
    expect(findWqiBand(wqi)?.category).toBe(category);
    expect(findWqiBand(wqi)?.color).toBe(color);
  });

  it.each([
    ['negative', -1],
    ['NaN', Number.NaN],
  ])('%s → null', (_label, wqi) => {
    expect(findWqiBand(wqi)).toBeNull();
  });
});
