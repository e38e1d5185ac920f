/**
 * The FTP receiver (ftp-srv). Each account is confined to `<dataDir>/ftp/<facilityCode>/` and may lay folders out as
 * it likes. An upload is written to a temporary file, fsynced and renamed into place before the server answers 226,
 * so an acknowledged file is durable; it is then ingested and deleted (the raw store keeps its bytes). With
 * INGEST_THREAD=1 ingest runs on its own thread (worker/ingest-host.ts); by default on this one, which measured cheaper.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { fstatSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, unlink, type FileHandle } from 'node:fs/promises';
import type net from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { FileSystem, FtpSrv, type FtpConnection } from 'ftp-srv';
import { findFacilityByCode } from '../lib/db/facilities';
import { findFtpAccountByUsername, type FtpAccountCredentials } from '../lib/db/ftp-accounts';
import { env } from '../lib/env';
import { ingestFile } from '../lib/services/ingest';
import { fsyncDir } from '../lib/services/ingest';
import { clearLoginFailures, hashPassword, loginRetryAfterMs, recordLoginFailure, verifyPassword } from '../lib/services/accounts';
import {
  createIngestQueue,
  listSpoolFiles,
  type IngestFn,
  type Log,
  type ReceivedFile,
  type SpoolMeta,
  type SpoolOutcome,
} from './spool';
import { startIngestThread, type IngestThread } from './ingest-host';
import { createDeviceFiles } from './ftp-devices';
import { installAuthTls } from './ftps-auth';
import { DEFAULT_SPOOL_MIN_FREE_MB, spaceReplyCode, spoolSpaceCheck, storageErrorMessage } from './spool-space';

export type FtpReceiverOptions = {
  host: string;
  /** 0 picks a free port (tests); the port in use is returned. */
  port: number;
  pasvMin: number;
  pasvMax: number;
  /** Address announced for passive mode; must be an IP. Local clients are always sent their own address. */
  pasvUrl?: string;
  dataDir: string;
  log: Log;
  /** Per-file and ftp-srv internals; off unless given. */
  debug?: Log;
  /** Replaces the ingest pipeline (tests of the receiver alone); it then runs on the receiver's thread. */
  ingest?: IngestFn;
  /** Ingest on a dedicated thread (worker/ingest-host.ts). Default INGEST_THREAD (off). */
  ingestThread?: boolean;
  /** How often files left in the spool (failed ingest, crash) are retried. Default 60 s. */
  sweepIntervalMs?: number;
  /** Concurrent ingests. Default 256: the group commit can only batch files that are in flight together. */
  concurrency?: number;
  /** A sweep leaves files younger than this to the upload path (a non-.txt file may await its rename). Default 120 s. */
  sweepMinAgeMs?: number;
  /** First retry delay after a failed ingest, doubling up to an hour. Default 30 s. */
  retryBaseMs?: number;
  /** PEM certificate and key: enables explicit FTPS (AUTH TLS); plain FTP stays available. */
  tls?: { cert: Buffer | string; key: Buffer | string };
  /** With `tls`: also serve implicit FTPS (TLS from the first byte, no AUTH TLS) on this port; 0 picks a free one. */
  implicitTlsPort?: number;
  /** Uploads are refused (452) while the spool's disk has this many bytes free or fewer. Default 64 MB (the worker passes SPOOL_MIN_FREE_MB). */
  spoolMinFreeBytes?: number;
};

export type FtpReceiver = {
  port: number;
  /** The implicit-FTPS port in use, or null when not served. */
  implicitTlsPort: number | null;
  stop(): Promise<void>;
  /** Resolves when no upload is being ingested (tests). */
  idle(): Promise<void>;
  /** The ingest thread, if used (tests kill it). */
  ingestThread: IngestThread | null;
};

/** Larger uploads are cut off; ingest rejects anything over its own, smaller cap with a recorded reason. */
const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
const SAFE_CODE = /^[A-Za-z0-9_.-]+$/;

/** Uploads up to this size keep their bytes in memory for ingest (no read-back); larger ones are read from the spool. */
const HANDOFF_MAX_BYTES = 256 * 1024;
/** Folders known to exist (spool day folders, the temporary folder): a lost one is created again on ENOENT. */
const knownDirs = new Set<string>();

async function ensureDir(dir: string): Promise<void> {
  if (knownDirs.has(dir)) return;
  await mkdir(dir, { recursive: true });
  knownDirs.add(dir);
}

const isNotFound = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'ENOENT';

/**
 * Writes to a temporary file; on end: fsync, rename into place, fsync the folder. `path` is the final path. Once
 * placed, `onPlaced` gets the bytes (small uploads) and the inode's identity, which ingest uses instead of reading back.
 */
class SpoolUpload extends Writable {
  readonly path: string;
  private readonly tmpPath: string;
  private readonly onPlaced?: (finalPath: string, received: ReceivedFile | null) => void;
  private readonly transferable: boolean;
  private handle: FileHandle | null = null;
  private placed = false;
  private size = 0;
  private chunks: Buffer[] | null = [];

  constructor(
    finalPath: string,
    tmpPath: string,
    onPlaced?: (finalPath: string, received: ReceivedFile | null) => void,
    transferable = false,
  ) {
    super();
    this.path = finalPath;
    this.tmpPath = tmpPath;
    this.onPlaced = onPlaced;
    this.transferable = transferable;
    // ftp-srv's STOR emits 'close' on the destination when the data connection ends, expecting end() (as its own fs does).
    this.once('close', () => {
      if (!this.destroyed && !this.writableEnded) this.end();
    });
  }

  override _construct(cb: (error?: Error | null) => void): void {
    const create = () => open(this.tmpPath, 'wx', 0o640);
    create()
      .catch(async (e: unknown) => {
        // The temporary folder was removed since it was last seen: create it again once.
        if (!isNotFound(e)) throw e;
        knownDirs.delete(path.dirname(this.tmpPath));
        await ensureDir(path.dirname(this.tmpPath));
        return create();
      })
      .then(
        (h) => {
          this.handle = h;
          cb();
        },
        (e: unknown) => cb(clientError(e)),
      );
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (error?: Error | null) => void): void {
    this.size += chunk.length;
    if (this.size > MAX_UPLOAD_BYTES) return cb(new Error('File too large'));
    const h = this.handle;
    if (!h) return cb(new Error('Upload file not open'));
    if (this.chunks) {
      if (this.size <= HANDOFF_MAX_BYTES) this.chunks.push(chunk);
      else this.chunks = null;
    }
    h.write(chunk).then(
      () => cb(),
      (e: unknown) => cb(clientError(e)),
    );
  }

  override _final(cb: (error?: Error | null) => void): void {
    const place = async () => {
      const h = this.handle;
      if (!h) throw new Error('Upload file not open');
      await h.sync();
      // The inode's identity as ingest will see it (mtime is the receipt time; rename and close keep it).
      const st = this.chunks ? fstatSync(h.fd) : null;
      await h.close();
      this.handle = null;
      const dir = path.dirname(this.path);
      await ensureDir(dir);
      await rename(this.tmpPath, this.path).catch(async (e: unknown) => {
        if (!isNotFound(e)) throw e;
        // The client removed the folder since: create it again once.
        knownDirs.delete(dir);
        await ensureDir(dir);
        await rename(this.tmpPath, this.path);
      });
      this.placed = true;
      await fsyncDir(dir);
      return st;
    };
    place().then(
      (st) => {
        const bytes = this.chunks
          ? this.transferable
            ? ownedConcat(this.chunks, this.size)
            : Buffer.concat(this.chunks, this.size)
          : null;
        this.chunks = null;
        this.onPlaced?.(
          this.path,
          st && bytes && bytes.length === st.size
            ? { bytes, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, mtime: st.mtime }
            : null,
        );
        cb();
      },
      (e: unknown) => cb(clientError(e)),
    );
  }

  override _destroy(error: Error | null, cb: (error?: Error | null) => void): void {
    const cleanup = async () => {
      const h = this.handle;
      this.handle = null;
      if (h) await h.close().catch(() => undefined);
      if (!this.placed) await unlink(this.tmpPath).catch(() => undefined);
    };
    void cleanup().finally(() => cb(error));
  }
}

/** The chunks in one Buffer that owns its ArrayBuffer (not Node's shared pool), so it can be transferred to a thread. */
function ownedConcat(chunks: Buffer[], size: number): Buffer {
  const out = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const c of chunks) at += c.copy(out, at);
  return at === size ? out : out.subarray(0, at);
}

/** Error text for the client: never the server's own paths (Node's fs messages contain them). */
function clientError(e: unknown): Error {
  const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : undefined;
  // Full disk, quota, I/O error: a text that makes the STOR reply a storage error (spool-space.ts), not a plain 550.
  const storage = storageErrorMessage(code);
  if (storage) return new Error(storage);
  const known: Record<string, string> = {
    ENOENT: 'No such file or directory',
    EEXIST: 'Already exists',
    ENOTDIR: 'Not a directory',
    EISDIR: 'Is a directory',
    ENOTEMPTY: 'Directory not empty',
    EACCES: 'Permission denied',
    EPERM: 'Permission denied',
    ENOSPC: 'No space left on the server',
  };
  if (typeof code === 'string') return new Error(known[code] ?? 'Operation failed');
  return new Error(e instanceof Error && !e.message.includes(path.sep) ? e.message : 'Operation failed');
}

async function guarded<T>(op: () => PromiseLike<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    throw clientError(e);
  }
}

type Hooks = {
  onRenamed(fromPath: string, toPath: string): void;
  checkSpace(): Promise<void>;
  onPlaced?(finalPath: string, received: ReceivedFile | null): void;
  /** A file was downloaded (sampler command files). */
  onRead?(fsPath: string): void;
  /** The bytes go to the ingest thread: hand them over in a Buffer that owns its memory (transferable). */
  transferable?: boolean;
};

/** ftp-srv's file system, confined to the account root, writing through SpoolUpload. */
class AccountFileSystem extends FileSystem {
  private readonly tmpDir: string;
  private readonly hooks: Hooks;

  constructor(connection: FtpConnection, root: string, tmpDir: string, hooks: Hooks) {
    super(connection, { root, cwd: '/' });
    this.tmpDir = tmpDir;
    this.hooks = hooks;
  }

  /** Client path → absolute path inside the root (`..` cannot climb above `/`); throws otherwise. */
  private inside(p: string | null | undefined): string {
    if (p === null || p === undefined || p.includes('\0')) throw new Error('Invalid path');
    const unix = p.replace(/\\/g, '/');
    const joined = path.posix.isAbsolute(unix) ? path.posix.normalize(unix) : path.posix.join('/', this.cwd, unix);
    const root = path.resolve(this.root);
    const fsPath = path.resolve(path.join(root, joined));
    if (fsPath !== root && !fsPath.startsWith(root + path.sep)) throw new Error('Path outside the account folder');
    return fsPath;
  }

  override async write(
    fileName: string,
    opts: { append?: boolean; start?: unknown } = {},
  ): Promise<{ stream: Writable; clientPath: string }> {
    if (opts.append) throw new Error('Append is not supported');
    if (typeof opts.start === 'number' && opts.start > 0) throw new Error('Resuming an upload is not supported');
    const fsPath = this.inside(fileName);
    if (fsPath === path.resolve(this.root)) throw new Error('Invalid file name');
    // Refused before the client sends a byte (and before 150) when the spool disk is at its floor.
    await this.hooks.checkSpace();
    await ensureDir(this.tmpDir);
    const stream = new SpoolUpload(
      fsPath,
      path.join(this.tmpDir, `${randomUUID()}.upload`),
      this.hooks.onPlaced,
      this.hooks.transferable ?? false,
    );
    const clientPath = '/' + path.relative(path.resolve(this.root), fsPath).split(path.sep).join('/');
    return { stream, clientPath };
  }

  override mkdir(p: string): Promise<string> {
    this.inside(p);
    // ftp-srv replies with the returned path: give the client's view, not the server's.
    return guarded(() => super.mkdir(p) as PromiseLike<unknown>).then(() =>
      path.posix.resolve('/', this.cwd, p.replace(/\\/g, '/')),
    );
  }

  override chdir(p?: string): Promise<string> {
    this.inside(p ?? '.');
    return guarded(() => super.chdir(p) as PromiseLike<string>);
  }

  override list(p?: string): Promise<unknown> {
    this.inside(p ?? '.');
    return guarded(() => super.list(p) as PromiseLike<unknown>);
  }

  override get(fileName: string): Promise<unknown> {
    this.inside(fileName);
    return guarded(() => super.get(fileName) as PromiseLike<unknown>);
  }

  override read(fileName: string, opts?: { start?: unknown }): Promise<unknown> {
    const fsPath = this.inside(fileName);
    this.hooks.onRead?.(fsPath);
    return guarded(() => super.read(fileName, opts) as PromiseLike<unknown>);
  }

  override delete(p: string): Promise<unknown> {
    this.inside(p);
    return guarded(() => super.delete(p) as PromiseLike<unknown>);
  }

  override async rename(from: string, to: string): Promise<void> {
    const source = this.inside(from);
    const target = this.inside(to);
    await guarded(() => super.rename(from, to) as PromiseLike<unknown>);
    await fsyncDir(path.dirname(target)).catch(() => undefined);
    this.hooks.onRenamed(source, target);
  }

  override chmod(): Promise<unknown> {
    return Promise.reject(new Error('Not supported'));
  }
}

/** A bunyan-shaped logger for ftp-srv: its warnings and errors go to `debug`, the rest is dropped. */
type FtpSrvLogger = {
  child(): FtpSrvLogger;
  trace(...a: unknown[]): void;
  debug(...a: unknown[]): void;
  info(...a: unknown[]): void;
  warn(...a: unknown[]): void;
  error(...a: unknown[]): void;
  fatal(...a: unknown[]): void;
};

function ftpSrvLogger(debug: Log | undefined): FtpSrvLogger {
  const text = (a: unknown[]) =>
    a
      .map((x) =>
        x instanceof Error
          ? x.message
          : typeof x === 'string'
            ? x
            : (() => {
                try {
                  return JSON.stringify(x);
                } catch {
                  return String(x);
                }
              })(),
      )
      .join(' ');
  const noop = () => undefined;
  const out = (...a: unknown[]) => debug?.(`ftp-srv: ${text(a)}`);
  const logger: FtpSrvLogger = {
    child: () => logger,
    trace: noop,
    debug: noop,
    info: noop,
    warn: out,
    error: out,
    fatal: out,
  };
  return logger;
}

const isDataFile = (p: string) => /\.txt$/i.test(p);

function describe(outcome: SpoolOutcome): string {
  if (outcome.status === 'ingested') {
    const r = outcome.result;
    const why = r.reasons.length > 0 ? `: ${r.reasons.join('; ')}` : '';
    return `${r.outcome} (${r.readings} readings${r.rejectedLines.length ? `, ${r.rejectedLines.length} lines rejected` : ''})${why}`;
  }
  return outcome.status === 'kept' ? `kept in the spool for retry: ${outcome.error}` : 'gone';
}

export async function startFtpReceiver(opts: FtpReceiverOptions): Promise<FtpReceiver> {
  const { log, debug } = opts;
  const spoolMinFreeBytes = opts.spoolMinFreeBytes ?? DEFAULT_SPOOL_MIN_FREE_MB * 1024 * 1024;
  let lastSpaceLog = 0;
  const ftpRoot = path.join(opts.dataDir, 'ftp');
  const tmpDir = path.join(opts.dataDir, 'ftp-tmp');
  await mkdir(ftpRoot, { recursive: true });
  // Half-written uploads of a previous run: their clients never got a 226 and will send them again.
  await rm(tmpDir, { recursive: true, force: true });
  await mkdir(tmpDir, { recursive: true });

  // The raw store lives under the same data folder as the spool.
  const ingest: IngestFn = opts.ingest ?? ((input) => ingestFile({ ...input, dataDir: opts.dataDir }));
  const retryBaseMs = opts.retryBaseMs ?? 30_000;
  // Camera images and sampler answers (worker/ftp-devices.ts) never enter the data pipeline.
  const devices = createDeviceFiles({ ftpRoot, dataDir: opts.dataDir, log, debug });
  const lastMeta = new Map<string, SpoolMeta>();
  const failures = new Map<string, { attempts: number; retryAt: number }>();
  const counts = { files: 0, accepted: 0, partial: 0, rejected: 0, duplicate: 0, kept: 0 };

  // Bytes handed from uploads to ingest (not read back from the spool), bounded so a stalled database cannot make the
  // receiver hold every waiting file in memory: past the budget, ingest reads the file from the spool as a sweep does.
  const handoffBudget = 64 * 1024 * 1024;
  let handoffHeld = 0;
  const justPlaced = new Map<string, ReceivedFile>();
  const onPlaced = (finalPath: string, received: ReceivedFile | null) => {
    const prev = justPlaced.get(finalPath);
    if (prev) {
      justPlaced.delete(finalPath);
      handoffHeld -= prev.bytes.length;
    }
    if (!received || handoffHeld + received.bytes.length > handoffBudget) return;
    justPlaced.set(finalPath, received);
    handoffHeld += received.bytes.length;
  };
  /** The bytes of the upload just placed at `fsPath`, if still held (released once its ingest ends). */
  const takeReceived = (fsPath: string): ReceivedFile | undefined => {
    const r = justPlaced.get(fsPath);
    if (r) justPlaced.delete(fsPath);
    return r;
  };

  const useThread = !opts.ingest && (opts.ingestThread ?? env().INGEST_THREAD);
  const thread = useThread ? startIngestThread({ dataDir: opts.dataDir, source: 'ftp', linkRaw: true, log }) : null;
  const queue = createIngestQueue({
    ingest,
    process: thread ? (filePath, meta) => thread.process(filePath, meta) : undefined,
    concurrency: opts.concurrency ?? 256,
    spool: { source: 'ftp', linkRaw: true },
    onOutcome: (filePath, meta, outcome) => {
      // `size`, not bytes.length: the bytes may have been transferred to the ingest thread.
      if (meta.received) handoffHeld -= meta.received.size;
      meta = { ...meta, received: undefined };
      const name = path.basename(filePath);
      const who = meta.account ?? 'recovered';
      if (outcome.status === 'kept') {
        const f = failures.get(filePath) ?? { attempts: 0, retryAt: 0 };
        f.attempts += 1;
        f.retryAt = Date.now() + Math.min(3_600_000, retryBaseMs * 2 ** Math.min(f.attempts - 1, 7));
        failures.set(filePath, f);
        lastMeta.set(filePath, meta);
        counts.kept += 1;
        log(`ftp: ${name} from ${who}: ${describe(outcome)}`);
        return;
      }
      failures.delete(filePath);
      lastMeta.delete(filePath);
      if (outcome.status !== 'ingested') return;
      counts.files += 1;
      counts[outcome.result.outcome] += 1;
      const line = `ftp: ${name} from ${who}: ${describe(outcome)}`;
      if (outcome.result.outcome === 'accepted' || outcome.result.outcome === 'duplicate') debug?.(line);
      else log(line);
    },
  });

  const facilityIds = new Map<string, number>();
  const sweep = async (minAgeMs: number) => {
    const files = await listSpoolFiles(ftpRoot);
    const now = Date.now();
    for (const f of files) {
      if (queue.busy(f.filePath)) continue;
      const fail = failures.get(f.filePath);
      // A failed file waits for its retry time only; an unknown one may still be awaiting its rename to .txt.
      if (fail ? fail.retryAt > now : now - f.mtimeMs < minAgeMs) continue;
      let meta = lastMeta.get(f.filePath);
      if (!meta) {
        let facilityId = facilityIds.get(f.facilityCode);
        if (facilityId === undefined) {
          const facility = await findFacilityByCode(f.facilityCode);
          if (!facility) {
            debug?.(`ftp: ${f.filePath} is in the folder of unknown facility ${f.facilityCode}; left in place`);
            continue;
          }
          facilityId = facility.id;
          facilityIds.set(f.facilityCode, facilityId);
        }
        meta = { account: null, facilityId, remoteAddress: null };
      }
      // An upload placed without its STOR completing (the client vanished) still has its bytes held: release them.
      const held = takeReceived(f.filePath);
      if (held) handoffHeld -= held.bytes.length;
      if (devices.claims(f.filePath)) {
        void devices.submit(f.filePath, meta);
        continue;
      }
      // It may have been recorded before a crash or a lost COMMIT reply: ingest then finds its ledger row.
      void queue.enqueue(f.filePath, { ...meta, replay: true });
    }
  };

  const pasvUrl =
    opts.pasvUrl ?? (/^\d+\.\d+\.\d+\.\d+$/.test(opts.host) && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1');
  if (!opts.pasvUrl && opts.host === '0.0.0.0') {
    log('ftp: FTP_PASV_URL is not set; remote clients will be told to use 127.0.0.1 for passive transfers');
  }

  // ftp-srv's AUTH TLS lets the client's first TLS bytes reach the FTP parser; ours wraps the socket before any read.
  if (opts.tls) installAuthTls();
  const signals = ['SIGTERM', 'SIGINT', 'SIGQUIT'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const srv = new FtpSrv({
    url: `ftp://${opts.host}:${opts.port}`,
    pasv_url: pasvUrl,
    pasv_min: opts.pasvMin,
    pasv_max: opts.pasvMax,
    anonymous: false,
    greeting: 'Quan Trac monitoring data receiver',
    log: ftpSrvLogger(debug),
    timeout: 15 * 60_000,
    ...(opts.tls ? { tls: { cert: opts.tls.cert, key: opts.tls.key } } : {}),
  });
  // Implicit FTPS: a second ftp-srv on its own port, answering through the first one's handlers (login, connect, errors).
  const implicitSrv =
    opts.tls && opts.implicitTlsPort !== undefined
      ? new FtpSrv({
          url: `ftps://${opts.host}:${opts.implicitTlsPort}`,
          pasv_url: pasvUrl,
          pasv_min: opts.pasvMin,
          pasv_max: opts.pasvMax,
          anonymous: false,
          greeting: 'Quan Trac monitoring data receiver',
          log: ftpSrvLogger(debug),
          timeout: 15 * 60_000,
          tls: { cert: opts.tls.cert, key: opts.tls.key },
        })
      : null;
  for (const event of ['login', 'connect', 'client-error']) {
    (implicitSrv as unknown as NodeJS.EventEmitter | null)?.on(event, (...args: unknown[]) =>
      (srv as unknown as NodeJS.EventEmitter).emit(event, ...args),
    );
  }
  // ftp-srv installs signal handlers that exit the process; shutdown belongs to the worker.
  for (const s of signals) {
    for (const l of process.listeners(s)) if (!before.get(s)?.has(l)) process.removeListener(s, l);
  }

  // Accounts last read from the database: while PostgreSQL restarts, known loggers can still log in and deliver (their
  // files wait in the spool), instead of every station failing at once.
  const knownAccounts = new Map<string, FtpAccountCredentials>();
  const lookupAccount = async (username: string): Promise<FtpAccountCredentials | null> => {
    try {
      const account = await findFtpAccountByUsername(username);
      if (account) knownAccounts.set(username, account);
      else knownAccounts.delete(username);
      return account;
    } catch (e) {
      const known = knownAccounts.get(username);
      if (!known) throw new Error('Service temporarily unavailable', { cause: e });
      debug?.(
        `ftp: account lookup failed (${e instanceof Error ? e.message : String(e)}); using the last known account`,
      );
      return known;
    }
  };
  const dummyHash = await hashPassword(randomUUID());
  // Loggers often log in once per file; bcrypt costs ~70 ms of CPU each time. A verified (user, password, stored
  // hash) triple is remembered for 10 minutes as an HMAC under a per-process key; a changed hash invalidates it.
  const verifiedKey = randomBytes(32);
  const verified = new Map<string, { mac: string; until: number }>();
  const checkPassword = async (
    username: string,
    password: string,
    storedHash: string | undefined,
  ): Promise<boolean> => {
    if (!storedHash) {
      await verifyPassword(password, dummyHash);
      return false;
    }
    const mac = createHmac('sha256', verifiedKey).update(`${username}\0${password}\0${storedHash}`).digest('hex');
    const hit = verified.get(username);
    if (hit && hit.mac === mac && hit.until > Date.now()) return true;
    const ok = await verifyPassword(password, storedHash);
    if (ok) {
      if (verified.size > 10_000) verified.clear();
      verified.set(username, { mac, until: Date.now() + 600_000 });
    }
    return ok;
  };

  // Free space before each STOR (spool-space.ts).
  const checkSpace = spoolSpaceCheck(tmpDir, spoolMinFreeBytes, {
    onRefused: () => {
      // Once a minute at most: every logger retries, and the log must stay readable.
      if (Date.now() - lastSpaceLog < 60_000) return;
      lastSpaceLog = Date.now();
      log(`ftp: uploads refused (452): spool disk at or below ${Math.round(spoolMinFreeBytes / 1048576)} MB free`);
    },
  });

  srv.on('login', ({ connection, username, password }, resolve, reject) => {
    const login = async () => {
      const socket = (connection as unknown as { commandSocket?: net.Socket }).commandSocket;
      // Without this, Nagle's algorithm meets the client's delayed ACK: ~40 ms per command.
      socket?.setNoDelay(true);
      // Wrong passwords slow down per (user name, address) and per address, as the web login does (security round 2).
      const address = connection.ip ?? 'unknown';
      const now = Date.now();
      if (loginRetryAfterMs(username, address, now, 'ftp') > 0) {
        log(`ftp: login slowed down for "${username}" from ${address} (recent failures)`);
        throw new Error('Too many failed logins, try again later');
      }
      const account = await lookupAccount(username);
      // Unknown users cost one bcrypt check too, so timing does not reveal which names exist.
      const ok = await checkPassword(username, password, account?.passwordHash);
      if (!account || !account.enabled || !ok) {
        recordLoginFailure(username, address, now, 'ftp');
        log(`ftp: login refused for "${username}" from ${connection.ip ?? '?'}`);
        throw new Error('Invalid username or password');
      }
      clearLoginFailures(username, address, 'ftp');
      if (!SAFE_CODE.test(account.facilityCode)) throw new Error('Account folder unavailable');
      const root = path.join(ftpRoot, account.facilityCode);
      await mkdir(root, { recursive: true });
      const meta: SpoolMeta = {
        account: account.username,
        facilityId: account.facilityId,
        remoteAddress: connection.ip ?? null,
      };
      const submit = (fsPath: string, received: ReceivedFile | undefined) => {
        if (devices.claims(fsPath)) {
          if (received) handoffHeld -= received.bytes.length;
          void devices.submit(fsPath, meta, received?.bytes);
        } else if (isDataFile(fsPath)) void queue.enqueue(fsPath, received ? { ...meta, received } : meta);
        else {
          if (received) handoffHeld -= received.bytes.length;
          // Not a data name (yet): the sweep takes it if no rename follows, and must still know who sent it.
          lastMeta.set(fsPath, meta);
        }
      };
      // ftp-srv answers a failed STOR with 550; storage failures get 452/552/451 (spool-space.ts).
      const reply = connection.reply.bind(connection);
      connection.reply = (options: number | object, ...letters: unknown[]) =>
        reply(typeof options === 'number' ? spaceReplyCode(options, letters[0]) : options, ...letters);
      connection.on('STOR', (err: unknown, fsPath: unknown) => {
        if (!err && typeof fsPath === 'string') submit(fsPath, takeReceived(fsPath));
      });
      debug?.(`ftp: ${account.username} logged in from ${connection.ip ?? '?'}`);
      return new AccountFileSystem(connection, root, tmpDir, {
        onRenamed: (from, to) => {
          if (!failures.has(from)) lastMeta.delete(from);
          // A renamed upload is read back from the spool.
          submit(to, undefined);
        },
        onPlaced,
        onRead: (fsPath) => devices.onRead(fsPath, account.facilityId, account.username),
        transferable: thread !== null,
        checkSpace,
      });
    };
    login().then(
      (fs) => resolve({ fs, blacklist: ['APPE', 'SITE'] }),
      (e: unknown) => reject(e instanceof Error ? clientError(e) : new Error('Login failed')),
    );
  });
  // As early as possible (before USER/PASS): Nagle's algorithm meeting the client's delayed ACK costs ~40 ms a command.
  // ftp-srv's typings omit this event.
  (srv as unknown as NodeJS.EventEmitter).on('connect', (e: { connection?: { commandSocket?: net.Socket } }) => {
    e.connection?.commandSocket?.setNoDelay(true);
  });
  srv.on('client-error', ({ context, error }) => debug?.(`ftp: client error (${context}): ${error.message}`));

  await srv.listen().catch(async (e: unknown) => {
    await thread?.stop();
    throw e;
  });
  const address = (srv as unknown as { server: net.Server }).server.address();
  const port = address && typeof address === 'object' ? address.port : opts.port;
  let implicitTlsPort: number | null = null;
  if (implicitSrv) {
    await implicitSrv.listen().catch(async (e: unknown) => {
      await srv.close().catch(() => undefined);
      await thread?.stop();
      throw e;
    });
    const a = (implicitSrv as unknown as { server: net.Server }).server.address();
    implicitTlsPort = a && typeof a === 'object' ? a.port : (opts.implicitTlsPort ?? null);
  }

  // Files left by a previous run (crash before ingest, or ingest failing): ingest dedupes by hash, so this is safe.
  await sweep(0).catch((e: unknown) =>
    log(`ftp: spool recovery failed: ${e instanceof Error ? e.message : String(e)}`),
  );
  const sweepTimer = setInterval(() => {
    void sweep(opts.sweepMinAgeMs ?? 120_000).catch((e: unknown) =>
      log(`ftp: spool sweep failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, opts.sweepIntervalMs ?? 60_000);
  sweepTimer.unref();
  const summaryTimer = setInterval(() => {
    if (counts.files === 0 && counts.kept === 0) return;
    log(
      `ftp: ${counts.files} files in the last minute (${counts.accepted} accepted, ${counts.partial} partial, ${counts.rejected} rejected, ${counts.duplicate} duplicate)${counts.kept ? `, ${counts.kept} kept for retry` : ''}`,
    );
    for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] = 0;
  }, 60_000);
  summaryTimer.unref();

  let stopped = false;
  return {
    port,
    implicitTlsPort,
    idle: async () => {
      await queue.drain();
      await devices.drain();
    },
    ingestThread: thread,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(sweepTimer);
      clearInterval(summaryTimer);
      await srv.close().catch(() => undefined);
      await implicitSrv?.close().catch(() => undefined);
      await queue.drain();
      await devices.drain();
      await thread?.stop();
      // Empty leftovers of aborted uploads.
      const left = await readdir(tmpDir).catch(() => [] as string[]);
      await Promise.all(left.map((n) => unlink(path.join(tmpDir, n)).catch(() => undefined)));
    },
  };
}
