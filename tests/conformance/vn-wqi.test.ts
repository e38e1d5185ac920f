/**
 * Conformance: VN_WQI (Decision 1460/QĐ-TCMT, 2019; DOMAIN.md §9): every breakpoint of every table gives its q, the
 * pH and DO% ramps at their ends, and every band edge (after half-up rounding) with the decision's colours.
 */
import { describe, expect, it } from 'vitest';
import { WQI_BANDS, WQI_Q_LEVELS, WQI_TABLES, doPercentQ, findWqiBand, phQ, wqiParameterQ, type WqiTableParameter } from '@/lib/domain/wqi';

type Row = readonly [string, WqiTableParameter, number, number];
const rows: Row[] = (Object.keys(WQI_TABLES) as WqiTableParameter[]).flatMap((p): Row[] => {
  const t = WQI_TABLES[p];
  return t.bp.flatMap((c, i): Row[] => {
    // A strict table's first column is "< BP1": BP1 itself belongs to q 75.
    if (t.strictFirst && i === 0) return [[`${p} just below ${c}`, p, c * 0.999, 100]];
    return [[`${p} at ${c}`, p, c, WQI_Q_LEVELS[i] ?? 10]];
  });
});

describe('every breakpoint gives its q (100/75/50/25/10)', () => {
  it.each(rows)('%s → %d', (_label, p, c, q) => {
    expect(wqiParameterQ(WQI_TABLES[p], c)).toBeCloseTo(q, 9);
  });

  it.each((Object.keys(WQI_TABLES) as WqiTableParameter[]).map((p) => [p, (WQI_TABLES[p].bp.at(-1) ?? 0) * 1.01] as const))(
    '%s above the last breakpoint → 10',
    (p, c) => {
      expect(wqiParameterQ(WQI_TABLES[p], c)).toBe(10);
    },
  );
});

describe('pH and DO% ramps', () => {
  it.each([
    [5.49, 10],
    [5.5, 50],
    [5.75, 75],
    [6, 100],
    [8.5, 100],
    [8.75, 75],
    [9, 50],
    [9.01, 10],
  ] as const)('pH %d → %d', (ph, q) => {
    expect(phQ(ph)).toBeCloseTo(q, 9);
  });

  it.each([
    [20, 10],
    [50, 50],
    [75, 75],
    [88, 100],
    [112, 100],
    [125, 75],
    [150, 50],
    [200, 10],
  ] as const)('DO %d %% saturation → %d', (pct, q) => {
    expect(doPercentQ(pct)).toBeCloseTo(q, 9);
  });
});

describe('bands: 91–100 #3333FF, 76–90 #00E400, 51–75 #FFFF00, 26–50 #FF7E00, 10–25 #FF0000, < 10 #7E0023', () => {
  it.each([
    [100, 'excellent', '#3333FF'],
    [91, 'excellent', '#3333FF'],
    [90.49, 'good', '#00E400'],
    [76, 'good', '#00E400'],
    [75.49, 'medium', '#FFFF00'],
    [51, 'medium', '#FFFF00'],
    [50.49, 'poor', '#FF7E00'],
    [26, 'poor', '#FF7E00'],
    [25.49, 'bad', '#FF0000'],
    [9.5, 'bad', '#FF0000'],
    [9.49, 'very_polluted', '#7E0023'],
    [0, 'very_polluted', '#7E0023'],
  ] as const)('WQI %d → %s %s', (wqi, category, color) => {
    const b = findWqiBand(wqi);
    expect(b?.category).toBe(category);
    expect(b?.color).toBe(color);
  });

  it('six bands, the decision’s colours', () => {
    expect(WQI_BANDS.map((b) => b.color)).toEqual(['#3333FF', '#00E400', '#FFFF00', '#FF7E00', '#FF0000', '#7E0023']);
  });
});
