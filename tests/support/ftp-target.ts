/**
 * A stand-in for the ministry's receiving FTP server: ftp-srv in a separate `node` process on loopback, with its own
 * root folder, one user and its own passive port range. Uploads are refused while a file named REFUSE exists in the
 * root; every completed STOR and RNTO is appended to a log outside the root (to count deliveries). The process can be
 * stopped, killed and started again on the same port and root.
 *
 * Run as the server itself when FTP_TARGET_SERVE=1 (`node --import tsx tests/support/ftp-target.ts`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type net from 'node:net';
import { Writable } from 'node:stream';
import { freePort } from '../../scripts/net';

type ServeConfig = { root: string; logFile: string; port: number; user: string; password: string; pasvMin: number; pasvMax: number; slowMs: number };

export type FtpTarget = {
  port: number;
  user: string;
  password: string;
  /** The ministry's folder (what "arrived"). */
  root: string;
  logFile: string;
  start(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
  /** SIGKILL and wait. */
  kill(): Promise<void>;
  refuse(on: boolean): Promise<void>;
  /** Every file under root (relative paths, sorted), excluding REFUSE. */
  files(): Promise<string[]>;
  /** Log lines: `STOR <path>` / `RNTO <from> <to>` (paths relative to root). */
  log(): Promise<string[]>;
  /** Final deliveries (renamed into place) per path, from the log. */
  arrivals(): Promise<Map<string, number>>;
  dispose(): Promise<void>;
};

export async function startFtpTarget(opts: { pasvMin: number; pasvMax: number; slowMs?: number; user?: string; password?: string }): Promise<FtpTarget> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qt-ministry-'));
  const root = path.join(dir, 'root');
  await mkdir(root);
  const cfg: ServeConfig = {
    root,
    logFile: path.join(dir, 'transfers.log'),
    port: await freePort(),
    user: opts.user ?? 'bo',
    password: opts.password ?? 'bo-secret-1',
    pasvMin: opts.pasvMin,
    pasvMax: opts.pasvMax,
    slowMs: opts.slowMs ?? 0,
  };
  let child: ChildProcess | null = null;

  const exited = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => c.once('exit', () => r()));
  /** Signals the server process (if running) and waits until it has gone. */
  const end = async (signal: NodeJS.Signals) => {
    const c = child;
    if (!c) return;
    c.kill(signal);
    await exited(c);
    child = null;
  };

  const target: FtpTarget = {
    port: cfg.port,
    user: cfg.user,
    password: cfg.password,
    root,
    logFile: cfg.logFile,
    async start() {
      if (child) return;
      const c = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, 'ftp-target.ts')], {
        env: { ...process.env, FTP_TARGET_SERVE: '1', FTP_TARGET_CONFIG: JSON.stringify(cfg) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = c;
      let err = '';
      c.stderr?.on('data', (d: Buffer) => (err += d.toString()));
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`ftp target did not start: ${err}`)), 20_000);
        c.stdout?.on('data', (d: Buffer) => {
          if (d.toString().includes('READY')) {
            clearTimeout(t);
            resolve();
          }
        });
        c.once('exit', (code) => {
          clearTimeout(t);
          reject(new Error(`ftp target exited (${code}): ${err}`));
        });
      });
      c.removeAllListeners('exit');
      c.once('exit', () => {
        if (child === c) child = null;
      });
    },
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
    async refuse(on) {
      const flag = path.join(root, 'REFUSE');
      if (on) await appendFile(flag, 'refuse uploads\n');
      else await rm(flag, { force: true });
    },
    async files() {
      const out: string[] = [];
      const walk = async (d: string) => {
        for (const e of await readdir(d, { withFileTypes: true })) {
          const p = path.join(d, e.name);
          if (e.isDirectory()) await walk(p);
          else if (!(d === root && e.name === 'REFUSE')) out.push(path.relative(root, p));
        }
      };
      await walk(root);
      return out.sort();
    },
    async log() {
      const text = await readFile(cfg.logFile, 'utf8').catch(() => '');
      return text.split('\n').filter((l) => l !== '');
    },
    async arrivals() {
      const out = new Map<string, number>();
      for (const l of await target.log()) {
        const m = /^RNTO \S+ (\S+)$/.exec(l);
        if (m) out.set(m[1]!, (out.get(m[1]!) ?? 0) + 1);
      }
      return out;
    },
    async dispose() {
      await target.kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
  await target.start();
  return target;
}

// ------------------------------------------------------------------------------------------------------------------
// The server process

async function serve(cfg: ServeConfig): Promise<void> {
  const { FtpSrv, FileSystem } = await import('ftp-srv');
  const rel = (fsPath: string) => path.relative(cfg.root, fsPath);
  const record = (line: string) => appendFile(cfg.logFile, `${line}\n`);

  class MinistryFs extends FileSystem {
    override write(fileName: string): { stream: Writable; clientPath: string } {
      if (existsSync(path.join(cfg.root, 'REFUSE'))) throw new Error('upload refused by the receiving server');
      const { fsPath, clientPath } = (this as unknown as { _resolvePath(p: string): { fsPath: string; clientPath: string } })._resolvePath(fileName);
      const file = createWriteStream(fsPath);
      const slow = cfg.slowMs;
      const stream = new Writable({
        write(chunk: Buffer, _enc, cb) {
          const go = () => (file.write(chunk) ? cb() : file.once('drain', () => cb()));
          if (slow > 0) setTimeout(go, slow);
          else go();
        },
        final(cb) {
          file.end(() => {
            void record(`STOR ${rel(fsPath)}`).then(() => cb(), cb);
          });
        },
      });
      return { stream, clientPath };
    }

    override async rename(from: string, to: string): Promise<void> {
      const r = this as unknown as { _resolvePath(p: string): { fsPath: string } };
      const a = r._resolvePath(from).fsPath;
      const b = r._resolvePath(to).fsPath;
      await super.rename(from, to);
      await record(`RNTO ${rel(a)} ${rel(b)}`);
    }
  }

  const srv = new FtpSrv({
    url: `ftp://127.0.0.1:${cfg.port}`,
    pasv_url: '127.0.0.1',
    pasv_min: cfg.pasvMin,
    pasv_max: cfg.pasvMax,
    anonymous: false,
    greeting: 'Ministry receiver (test)',
    log: quietLogger(),
  });
  srv.on('login', ({ connection, username, password }, resolve, reject) => {
    if (username !== cfg.user || password !== cfg.password) {
      reject(new Error('Invalid username or password'));
      return;
    }
    (connection as unknown as { commandSocket?: net.Socket }).commandSocket?.setNoDelay(true);
    resolve({ fs: new MinistryFs(connection, { root: cfg.root, cwd: '/' }) });
  });
  await srv.listen();
  await stat(cfg.root);
  process.stdout.write(`READY ${cfg.port}\n`);
  const quit = () => {
    void srv.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', quit);
  process.on('SIGINT', quit);
}

/** ftp-srv wants a bunyan-like logger; the test target stays silent. */
function quietLogger() {
  const noop = () => undefined;
  const logger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop, fatal: noop, child: () => logger };
  return logger as never;
}

if (process.env.FTP_TARGET_SERVE === '1') {
  const cfg = JSON.parse(process.env.FTP_TARGET_CONFIG ?? '{}') as ServeConfig;
  serve(cfg).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
