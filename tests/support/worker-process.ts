import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * The worker as a real child process (`node --import tsx worker/main.ts`), for tests that kill it (-9) or need it
 * isolated from the test process.
 */
export type WorkerProcess = {
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves when a line matching `re` has been printed (or rejects after `timeoutMs`, or when the process exits). */
  waitForLine(re: RegExp, timeoutMs?: number): Promise<void>;
  running(): boolean;
  kill9(): Promise<void>;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<number | null>;
};

export async function spawnWorker(env: Record<string, string>, opts: { readyTimeoutMs?: number } = {}): Promise<WorkerProcess> {
  const root = path.resolve(import.meta.dirname, '..', '..');
  // A clean environment: nothing from the test runner (NODE_OPTIONS, VITEST…) leaks into the worker.
  const base: Record<string, string> = {};
  for (const k of ['PATH', 'HOME', 'TMPDIR', 'LANG']) if (process.env[k]) base[k] = process.env[k]!;
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
    cwd: root,
    env: { ...base, NODE_ENV: 'production', UV_THREADPOOL_SIZE: '16', DEMO: '0', FTP_HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const l of listeners) l();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  let exited = false;
  const exit = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exited = true;
      for (const l of listeners) l();
      resolve(code);
    }),
  );

  const waitForLine = (re: RegExp, timeoutMs = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (re.test(out)) done(null);
        else if (exited) done(new Error(`worker exited before printing ${re}:\n${out.slice(-3000)}`));
      };
      const timer = setTimeout(() => done(new Error(`worker did not print ${re} within ${timeoutMs} ms:\n${out.slice(-3000)}`)), timeoutMs);
      const done = (e: Error | null) => {
        clearTimeout(timer);
        listeners.delete(check);
        if (e) reject(e);
        else resolve();
      };
      listeners.add(check);
      check();
    });

  const w: WorkerProcess = {
    child,
    output: () => out,
    waitForLine,
    running: () => !exited,
    async kill9() {
      if (!exited) child.kill('SIGKILL');
      await exit;
    },
    async stop() {
      if (!exited) child.kill('SIGTERM');
      return exit;
    },
  };
  await waitForLine(/FTP receiver listening/, opts.readyTimeoutMs ?? 90_000);
  return w;
}
