/**
 * The long-running worker: the FTP receiver plus a liveness heartbeat (read by /api/v1/health). main.ts runs it as a
 * process; tests start and stop it in-process.
 */
import { writeHeartbeat } from '../lib/db/heartbeat';
import { env as loadProcessEnv, type Env } from '../lib/env';
import { readFile } from 'node:fs/promises';
import { startFtpReceiver, type FtpReceiver } from './ftp-server';
import { startWatchFolder, type WatchFolder } from './watch-folder';
import { startForwarder } from './forwarder';
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

  // Connection errors while PostgreSQL restarts are absorbed by the pools themselves (lib/db/client.ts).
  if (Boolean(cfg.FTP_TLS_CERT) !== Boolean(cfg.FTP_TLS_KEY)) {
    throw new Error('FTPS needs both FTP_TLS_CERT and FTP_TLS_KEY');
  }
  const tls =
    cfg.FTP_TLS_CERT && cfg.FTP_TLS_KEY
      ? { cert: await readFile(cfg.FTP_TLS_CERT), key: await readFile(cfg.FTP_TLS_KEY) }
      : undefined;
  const receiver: FtpReceiver = await startFtpReceiver({
    host: cfg.FTP_HOST,
    port: opts.ftpPort ?? cfg.FTP_PORT,
    pasvMin: cfg.FTP_PASV_MIN,
    pasvMax: cfg.FTP_PASV_MAX,
    pasvUrl: cfg.FTP_PASV_URL,
    dataDir: cfg.dataDir,
    log,
    debug,
    tls,
    implicitTlsPort: tls ? cfg.FTPS_IMPLICIT_PORT : undefined,
    retryBaseMs: cfg.INGEST_RETRY_MS,
    spoolMinFreeBytes: Math.round(cfg.SPOOL_MIN_FREE_MB * 1024 * 1024),
    sweepIntervalMs: Math.min(60_000, cfg.INGEST_RETRY_MS),
  });
  log(`FTP receiver listening on ftp://${cfg.FTP_HOST}:${receiver.port}${tls ? ' (FTPS: AUTH TLS)' : ''}`);
  if (receiver.implicitTlsPort !== null) log(`FTP receiver listening on ftps://${cfg.FTP_HOST}:${receiver.implicitTlsPort} (implicit FTPS)`);
  const watch: WatchFolder | null = cfg.WATCH_DIR
    ? await startWatchFolder({
        dir: cfg.WATCH_DIR,
        pollMs: cfg.WATCH_POLL_MS,
        deleteAfter: cfg.WATCH_DELETE,
        dataDir: cfg.dataDir,
        log,
        debug,
        retryBaseMs: cfg.INGEST_RETRY_MS,
      })
    : null;
  if (cfg.WATCH_DIR) log(`watching ${cfg.WATCH_DIR} every ${cfg.WATCH_POLL_MS} ms`);

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
  const forwarder = runJobs ? startForwarder({ env: cfg, log }) : null;

  let stopped = false;
  return {
    ftpPort: receiver.port,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await Promise.all([receiver.stop(), watch?.stop()]);
      await Promise.all([loop?.stop(), periodic?.stop()]);
      await forwarder?.stop();
      await beat(false);
    },
  };
}
