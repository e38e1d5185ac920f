import { describe, expect, it } from 'vitest';
import { kf, kp, kq, kv, type ReceivingWater } from './coefficients';

describe('kq: each range includes its upper bound (Q = 50 → 0.9, just above → 1.0)', () => {
  it.each([
    ['river Q 0', { type: 'river', flowM3PerS: 0 }, 0.9],
    ['river Q 50', { type: 'river', flowM3PerS: 50 }, 0.9],
    ['river Q 50.01', { type: 'river', flowM3PerS: 50.01 }, 1.0],
    ['river Q 200', { type: 'river', flowM3PerS: 200 }, 1.0],
    ['river Q 200.01', { type: 'river', flowM3PerS: 200.01 }, 1.1],
    ['river Q 500', { type: 'river', flowM3PerS: 500 }, 1.1],
    ['river Q 500.01', { type: 'river', flowM3PerS: 500.01 }, 1.2],
    ['river without flow data', { type: 'river', flowM3PerS: null }, 0.9],
    ['lake V 10⁷', { type: 'lake', volumeM3: 1e7 }, 0.6],
    ['lake V just above 10⁷', { type: 'lake', volumeM3: 1e7 + 1 }, 0.8],
    ['lake V 10⁸', { type: 'lake', volumeM3: 1e8 }, 0.8],
    ['lake V above 10⁸', { type: 'lake', volumeM3: 1e8 + 1 }, 1.0],
    ['lake without volume data', { type: 'lake', volumeM3: null }, 0.6],
    ['coastal', { type: 'coastal', protectedArea: false }, 1.3],
    ['coastal, protected area', { type: 'coastal', protectedArea: true }, 1.0],
    ['river negative flow → null', { type: 'river', flowM3PerS: -1 }, null],
    ['lake NaN volume → null', { type: 'lake', volumeM3: Number.NaN }, null],
  ] as const satisfies readonly (readonly [string, ReceivingWater, number | null])[])(
    '%s → %s',
    (_label, water, expected) => {
      expect(kq(water)).toBe(expected);
    },
  );
});

describe('kf: F ≤ 50 → 1.2, ≤ 500 → 1.1, ≤ 5000 → 1.0, above → 0.9 (m³/day)', () => {
  it.each([
    ['0', 0, 1.2],
    ['50', 50, 1.2],
    ['50.1', 50.1, 1.1],
    ['500', 500, 1.1],
    ['500.1', 500.1, 1.0],
    ['5000', 5000, 1.0],
    ['5000.1', 5000.1, 0.9],
    ['negative', -5, null],
    ['NaN', Number.NaN, null],
  ])('F %s → %s', (_label, f, expected) => {
    expect(kf(f)).toBe(expected);
  });
});

describe('kp: P ≤ 20,000 → 1.0, ≤ 100,000 → 0.9, above → 0.8 (m³/h)', () => {
  it.each([
    ['20,000', 20_000, 1.0],
    ['20,001', 20_001, 0.9],
    ['100,000', 100_000, 0.9],
    ['100,001', 100_001, 0.8],
    ['negative', -1, null],
  ])('P %s → %s', (_label, p, expected) => {
    expect(kp(p)).toBe(expected);
  });
});

describe('kv: zones 1…5 → 0.6, 0.8, 1.0, 1.2, 1.4; anything else → null', () => {
  it.each([
    [1, 0.6],
    [2, 0.8],
    [3, 1.0],
    [4, 1.2],
    [5, 1.4],
    [0, null],
    [6, null],
    [2.5, null],
    [Number.NaN, null],
  ])('zone %s → %s', (zone, expected) => {
    expect(kv(zone)).toBe(expected);
  });
});
