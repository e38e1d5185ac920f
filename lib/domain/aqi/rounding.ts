/** Half-up rounding that ignores binary noise (109.49999999999999, i.e. 109.5 computed, still rounds to 110). */
export function roundHalfUp(value: number, decimals = 0): number {
  const f = 10 ** decimals;
  return Math.floor(value * f + 0.5 + 1e-9) / f;
}
