/**
 * The long-running worker: the FTP receiver plus a liveness heartbeat (read by /api/v1/health). main.ts runs it as a
 * process; tests start and stop it in-process.
 */
import { writeHeartbeat } from '../lib/db/heartbeat';
import { env as loadProcessEnv, type Env } from '../lib/env';
import { startFtpReceiver, type FtpReceiver } from './ftp-server';
import { startJobLoop, startSchedules } from './job-loop';
import { jobHandlers } from './jobs';
import { schedules } from './schedules';
import { hostname } from 'node:os';
import type { Log } from './spool';

export type Worker = { ftpPort: number; stop(): Promise<void> };

export type StartWorkerOptions = {
  env?: Env;
  log?: Log;
  /** Default 10 s. */
  heartbeatMs?: number;
  /** Overrides FTP_PORT (0 = any free port, for tests). */
  ftpPort?: number;
  /** Run queued jobs and schedules (default true). */
  jobs?: boolean;
};

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function startWorker(opts: StartWorkerOptions = {}): Promise<Worker> {
  const cfg = opts.env ?? loadProcessEnv();
  const log: Log = opts.log ?? ((line) => console.log(line));
  const debug: Log | undefined = cfg.LOG_LEVEL === 'debug' ? log : undefined;

  const receiver: FtpReceiver = await startFtpReceiver({
    host: cfg.FTP_HOST,
    port: opts.ftpPort ?? cfg.FTP_PORT,
    pasvMin: cfg.FTP_PASV_MIN,
    pasvMax: cfg.FTP_PASV_MAX,
    pasvUrl: cfg.FTP_PASV_URL,
    dataDir: cfg.dataDir,
    log,
    debug,
  });
  log(`FTP receiver listening on ftp://${cfg.FTP_HOST}:${receiver.port}`);

  const beat = async (ftpListening: boolean) => {
    try {
      await writeHeartbeat('worker', new Date(), { ftpListening, ftpPort: receiver.port });
    } catch (e) {
      log(`worker: heartbeat failed: ${message(e)}`);
    }
  };
  await beat(true);
  const timer = setInterval(() => void beat(true), opts.heartbeatMs ?? 10_000);
  const runJobs = opts.jobs ?? true;
  const loop = runJobs ? startJobLoop({ workerId: `${hostname()}:${process.pid}`, handlers: jobHandlers, log }) : null;
  const periodic = runJobs ? startSchedules(schedules, log) : null;

  let stopped = false;
  return {
    ftpPort: receiver.port,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await receiver.stop();
      await Promise.all([loop?.stop(), periodic?.stop()]);
      await beat(false);
    },
  };
}
