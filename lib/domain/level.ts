/**
 * Early-warning level of one reading against its station parameter's limits (DOMAIN.md §6).
 * Above max or below min is `exceeding`; ≥ 80 % of max (and not above it) is `approaching`; invalid readings get
 * no level (null) and never count; without limits a valid reading is `good`.
 */
export const LEVELS = ['good', 'approaching', 'exceeding'] as const;
export type Level = (typeof LEVELS)[number];

export const APPROACHING_RATIO = 0.8;

export function computeLevel(input: {
  value: number;
  valid: boolean;
  limitMin: number | null;
  limitMax: number | null;
  approachingRatio?: number;
}): Level | null {
  const { value, valid, limitMin, limitMax } = input;
  if (!valid || !Number.isFinite(value)) return null;
  if (limitMax !== null && value > limitMax) return 'exceeding';
  if (limitMin !== null && value < limitMin) return 'exceeding';
  if (limitMax !== null && limitMax > 0 && value >= (input.approachingRatio ?? APPROACHING_RATIO) * limitMax) return 'approaching';
  return 'good';
}
