/**
 * Coefficients of QCVN 40:2011 (Cmax = C × Kq × Kf) and QCVN 19:2009 (Cmax = C × Kp × Kv), DOMAIN.md §6.
 * Each range includes its upper bound: Q = 50 is "≤ 50" (0.9) and Q = 50.01 is "50 < Q ≤ 200" (1.0).
 * Invalid inputs (negative, NaN) give null.
 */
type Step = readonly [upTo: number, k: number];

function stepLookup(steps: readonly Step[], above: number, x: number): number | null {
  if (!Number.isFinite(x) || x < 0) return null;
  return steps.find(([upTo]) => x <= upTo)?.[1] ?? above;
}

/** Receiving water of a wastewater outlet; `protectedArea` = coastal water for aquatic life, sports or recreation. */
export type ReceivingWater =
  | { type: 'river'; flowM3PerS: number | null }
  | { type: 'lake'; volumeM3: number | null }
  | { type: 'coastal'; protectedArea: boolean };

/** Kq: river Q ≤ 50 → 0.9, ≤ 200 → 1.0, ≤ 500 → 1.1, > 500 → 1.2 (m³/s); lake V ≤ 10⁷ → 0.6, ≤ 10⁸ → 0.8, larger → 1.0 (m³); coastal 1.3 (protected 1.0). Without flow or volume data QCVN 40 uses 0.9 (river) and 0.6 (lake). */
export function kq(water: ReceivingWater): number | null {
  switch (water.type) {
    case 'river':
      return water.flowM3PerS === null
        ? 0.9
        : stepLookup(
            [
              [50, 0.9],
              [200, 1.0],
              [500, 1.1],
            ],
            1.2,
            water.flowM3PerS,
          );
    case 'lake':
      return water.volumeM3 === null
        ? 0.6
        : stepLookup(
            [
              [1e7, 0.6],
              [1e8, 0.8],
            ],
            1.0,
            water.volumeM3,
          );
    case 'coastal':
      return water.protectedArea ? 1.0 : 1.3;
  }
}

/** Kf by discharge F (m³/day): ≤ 50 → 1.2, ≤ 500 → 1.1, ≤ 5000 → 1.0, > 5000 → 0.9. */
export function kf(dischargeM3PerDay: number): number | null {
  return stepLookup(
    [
      [50, 1.2],
      [500, 1.1],
      [5000, 1.0],
    ],
    0.9,
    dischargeM3PerDay,
  );
}

/** Kp by stack flow P (m³/h): ≤ 20,000 → 1.0, ≤ 100,000 → 0.9, > 100,000 → 0.8. */
export function kp(stackFlowM3PerH: number): number | null {
  return stepLookup(
    [
      [20_000, 1.0],
      [100_000, 0.9],
    ],
    0.8,
    stackFlowM3PerH,
  );
}

const KV_BY_ZONE = { 1: 0.6, 2: 0.8, 3: 1.0, 4: 1.2, 5: 1.4 } as const;
export type KvZone = keyof typeof KV_BY_ZONE;

/** Kv by zone type 1…5 (1 = special/type-I urban cores and protected sites … 5 = mountain rural): 0.6 … 1.4; else null. */
export function kv(zone: number): number | null {
  return zone in KV_BY_ZONE ? KV_BY_ZONE[zone as KvZone] : null;
}
