/**
 * Retry delay of a failed forward: base × 2^(attempts − 1), capped. attempts counts the attempts made so far (≥ 1);
 * below 1 it is treated as 1. Defaults: 30 s, 60 s, 120 s … capped at 1 h. A job is never given up.
 */
export function forwardRetryDelayMs(attempts: number, baseMs = 30_000, capMs = 3_600_000): number {
  const n = Number.isFinite(attempts) ? Math.max(1, Math.floor(attempts)) : 1;
  // 2^31 already exceeds any cap; stopping the exponent there keeps the arithmetic finite.
  const delay = baseMs * 2 ** Math.min(n - 1, 31);
  return Math.min(capMs, delay);
}

/** When the next attempt is due, from the time of the failed one. */
export function nextTryAt(failedAt: Date, attempts: number, baseMs?: number, capMs?: number): Date {
  return new Date(failedAt.getTime() + forwardRetryDelayMs(attempts, baseMs, capMs));
}
