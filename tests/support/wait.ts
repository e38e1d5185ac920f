export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export type WaitOptions = {
  timeoutMs?: number;
  everyMs?: number;
  /** Appended to the timeout error (a log tail, a child's output). */
  context?: () => string;
};

/** Polls `probe` until it returns something truthy and resolves to that; rejects after the timeout (20 s by default). */
export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  opts: WaitOptions | number = {},
): Promise<T> {
  const { timeoutMs = 20_000, everyMs = 100, context } = typeof opts === 'number' ? { timeoutMs: opts } : opts;
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(context ? `timed out waiting\n${context()}` : 'timed out waiting');
    await sleep(everyMs);
  }
}
