/**
 * The loop of a queue consumer: `pass` claims and handles one batch and returns how many items it claimed; the next
 * pass starts at once after a full batch (more is waiting), otherwise after `pollMs`. A pass that throws counts as
 * empty. stop() cancels the next pass and waits for the running one.
 */
export function startPollingLoop(opts: {
  pass: (isStopped: () => boolean) => Promise<number>;
  batch: number;
  pollMs: number;
  onError: (e: unknown) => void;
}): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const isStopped = () => stopped;

  const tick = async (): Promise<void> => {
    if (stopped) return;
    let claimed = 0;
    try {
      claimed = await opts.pass(isStopped);
    } catch (e) {
      opts.onError(e);
    }
    if (!stopped) timer = setTimeout(schedule, claimed >= opts.batch ? 0 : opts.pollMs);
  };
  const schedule = () => {
    running = tick();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
