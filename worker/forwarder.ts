/**
 * The forwarder (DOMAIN.md §10): sends every queued file, byte-identical, to the ministry's FTP targets. Jobs are
 * claimed from the outbox as leases (FOR UPDATE SKIP LOCKED, safe with several workers), grouped by target and
 * uploaded over a few reused FTP sessions per target. Each upload goes to `<file>.part` and is then renamed, so the
 * ministry never sees a partial file; a retry that finds the final file already there with the same size counts it
 * as sent (the earlier attempt renamed it but died before recording it), so nothing arrives twice.
 */
import { hostname } from 'node:os';
import { Readable } from 'node:stream';
import { Client, FTPError } from 'basic-ftp';
import {
  claimForwardJobs,
  markForwardFailed,
  markForwardSent,
  recordTargetOutcome,
  releaseForwardJobs,
  type ClaimedForwardJob,
} from '../lib/db/forwarding';
import { forwardRetryDelayMs } from '../lib/domain/backoff';
import { renderForwardPath } from '../lib/domain/forward-path';
import { env as loadProcessEnv, type Env } from '../lib/env';
import { loadTargetConnections, type TargetConnection } from '../lib/services/forwarding';
import { readRawFile, sha256Hex } from '../lib/services/ingest';
import { startPollingLoop } from './polling-loop';
import type { Log } from './spool';

export type ForwarderOptions = {
  env?: Env;
  log: Log;
  workerId?: string;
  /** FTP sessions per target (default FORWARD_CONCURRENCY). */
  concurrency?: number;
  /** Claim lease (default FORWARD_LEASE_SECONDS). */
  leaseSeconds?: number;
  /** Retry back-off (default FORWARD_RETRY_BASE_SECONDS / FORWARD_RETRY_MAX_SECONDS). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Idle poll interval (default 1 s). */
  pollMs?: number;
  /** Jobs claimed per round (default 100). */
  batch?: number;
  /** FTP command timeout (default 30 s). */
  timeoutMs?: number;
};

export type Forwarder = { stop(): Promise<void> };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const IDLE_CLOSE_MS = 60_000;

/** One FTP session; reconnects when closed or after a connection-level error. */
class Lane {
  private client: Client | null = null;
  private home = '/';
  private cwd: string | null = null;
  lastUsed = Date.now();

  constructor(
    private readonly target: TargetConnection,
    private readonly timeoutMs: number,
  ) {}

  private async connect(): Promise<Client> {
    const c = new Client(this.timeoutMs);
    try {
      await c.access({
        host: this.target.host,
        port: this.target.port,
        user: this.target.username,
        password: this.target.password,
        secure: this.target.protocol === 'ftps',
      });
      this.home = await c.pwd();
    } catch (e) {
      c.close();
      throw e;
    }
    this.cwd = null;
    this.client = c;
    return c;
  }

  close(): void {
    this.client?.close();
    this.client = null;
    this.cwd = null;
  }

  /** Runs fn on a session; a reused session that fails below the FTP level (dropped while idle) is replaced once. */
  async run<T>(fn: (c: Client, cd: (dir: string) => Promise<void>) => Promise<T>): Promise<T> {
    this.lastUsed = Date.now();
    const reused = this.client !== null && !this.client.closed;
    const c = reused ? this.client! : await this.connect();
    try {
      return await fn(c, (dir) => this.cd(c, dir));
    } catch (e) {
      if (e instanceof FTPError) throw e;
      this.close();
      if (!reused) throw e;
      const fresh = await this.connect();
      try {
        return await fn(fresh, (dir) => this.cd(fresh, dir));
      } catch (e2) {
        if (!(e2 instanceof FTPError)) this.close();
        throw e2;
      }
    }
  }

  /** Creates and enters `dir` (relative paths start at the login folder); skipped when already there. */
  private async cd(c: Client, dir: string): Promise<void> {
    const target = dir === '' ? this.home : dir;
    if (this.cwd === target) return;
    this.cwd = null;
    if (!target.startsWith('/')) await c.cd(this.home);
    await c.ensureDir(target);
    this.cwd = target;
  }
}

/** Uploads one file into place; returns 'already' when an earlier attempt had delivered it. */
async function deliver(lane: Lane, target: TargetConnection, job: ClaimedForwardJob, dataDir: string): Promise<'uploaded' | 'already'> {
  const bytes = await readRawFile(job.sha256, dataDir);
  if (!bytes) throw new Error(`the original bytes (sha256 ${job.sha256}) are missing from the raw store`);
  if (bytes.length !== job.size || sha256Hex(bytes) !== job.sha256) throw new Error('the stored bytes do not match the ledger');
  const where = renderForwardPath(target.pathTemplate, target.rootFolder, job.name);
  if (!where.ok) throw new Error(`no target path: ${where.reason}`);
  return lane.run(async (c, cd) => {
    await cd(where.dir);
    if (job.attempts > 1) {
      // A previous attempt may have renamed the file into place and died before recording it.
      const size = await c.size(where.file).catch((e: unknown) => {
        if (e instanceof FTPError) return null;
        throw e;
      });
      if (size === bytes.length) return 'already' as const;
    }
    const part = `${where.file}.part`;
    await c.uploadFrom(Readable.from(bytes), part);
    try {
      await c.rename(part, where.file);
    } catch (e) {
      // Some servers refuse to rename over an existing file (a resend): remove it and rename again.
      if (!(e instanceof FTPError)) throw e;
      await c.remove(where.file, true);
      await c.rename(part, where.file);
    }
    return 'uploaded' as const;
  });
}

export function startForwarder(opts: ForwarderOptions): Forwarder {
  const cfg = opts.env ?? loadProcessEnv();
  const workerId = opts.workerId ?? `${hostname()}:${process.pid}:forwarder`;
  const concurrency = opts.concurrency ?? cfg.FORWARD_CONCURRENCY;
  const leaseSeconds = opts.leaseSeconds ?? cfg.FORWARD_LEASE_SECONDS;
  const retryBaseMs = opts.retryBaseMs ?? cfg.FORWARD_RETRY_BASE_SECONDS * 1000;
  const retryMaxMs = opts.retryMaxMs ?? cfg.FORWARD_RETRY_MAX_SECONDS * 1000;
  const pollMs = opts.pollMs ?? 1000;
  const batch = opts.batch ?? 100;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const log = opts.log;

  const lanes = new Map<number, { updatedAt: number; lanes: Lane[] }>();
  /** Targets whose connection failed: left alone until `until` so a dead target does not burn through its queue. */
  const down = new Map<number, { failures: number; until: number }>();
  /** Set by stop(): lanes release the jobs they have not sent yet. */
  let stopped = false;

  const lanesFor = (t: TargetConnection): Lane[] => {
    const cur = lanes.get(t.id);
    if (cur && cur.updatedAt === t.updatedAt.getTime()) return cur.lanes;
    cur?.lanes.forEach((l) => l.close());
    const fresh = { updatedAt: t.updatedAt.getTime(), lanes: Array.from({ length: concurrency }, () => new Lane(t, timeoutMs)) };
    lanes.set(t.id, fresh);
    return fresh.lanes;
  };

  const fail = async (jobs: readonly ClaimedForwardJob[], error: string) => {
    const now = Date.now();
    // Jobs with the same attempt count share one UPDATE.
    const byAttempts = new Map<number, number[]>();
    for (const j of jobs) byAttempts.set(j.attempts, [...(byAttempts.get(j.attempts) ?? []), j.id]);
    for (const [attempts, ids] of byAttempts) {
      await markForwardFailed(ids, workerId, error, new Date(now + forwardRetryDelayMs(attempts, retryBaseMs, retryMaxMs)));
    }
  };

  /** One lane's share of a target's jobs, in order; stops early (releasing the rest) when stopping or the lease runs low. */
  const runLane = async (lane: Lane, target: TargetConnection, jobs: ClaimedForwardJob[], deadline: number) => {
    let sent = 0;
    let lastError: string | null = null;
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[i]!;
      if (stopped || Date.now() > deadline) {
        await releaseForwardJobs(jobs.slice(i).map((j) => j.id), workerId);
        break;
      }
      try {
        const how = await deliver(lane, target, job, cfg.dataDir);
        await markForwardSent([job.id], workerId, new Date());
        sent++;
        if (how === 'already') log(`forwarder: ${job.name} was already at ${target.name} (earlier attempt), recorded as sent`);
      } catch (e) {
        lastError = `${job.name}: ${message(e)}`;
        const connectionLevel = !(e instanceof FTPError);
        if (connectionLevel && sent === 0) {
          // Cannot reach the target at all: fail this lane's jobs together and rest the target.
          await fail(jobs.slice(i), message(e));
          const d = down.get(target.id) ?? { failures: 0, until: 0 };
          d.failures++;
          d.until = Date.now() + forwardRetryDelayMs(d.failures, retryBaseMs, retryMaxMs);
          down.set(target.id, d);
          log(`forwarder: target ${target.name} unreachable (${message(e)}); ${jobs.length - i} job(s) retried later`);
          break;
        }
        await fail([job], message(e));
        log(`forwarder: ${job.name} → ${target.name} failed (attempt ${job.attempts}): ${message(e)}`);
      }
    }
    const at = new Date();
    if (sent > 0) {
      down.delete(target.id);
      await recordTargetOutcome(target.id, { ok: true, at });
    }
    if (lastError) await recordTargetOutcome(target.id, { ok: false, at, error: lastError });
  };

  const runTarget = async (target: TargetConnection, jobs: ClaimedForwardJob[], deadline: number) => {
    const pool = lanesFor(target);
    const n = Math.min(pool.length, jobs.length);
    const shares: ClaimedForwardJob[][] = Array.from({ length: n }, () => []);
    jobs.forEach((j, i) => shares[i % n]!.push(j));
    await Promise.all(shares.map((share, i) => runLane(pool[i]!, target, share, deadline)));
  };

  const loop = startPollingLoop({
    batch,
    pollMs,
    onError: (e) => log(`forwarder: ${message(e)}`),
    pass: async () => {
      const now = Date.now();
      for (const [id, d] of down) if (d.until <= now) down.set(id, { ...d, until: 0 });
      for (const { lanes: ls } of lanes.values()) for (const l of ls) if (now - l.lastUsed > IDLE_CLOSE_MS) l.close();
      const skip = [...down].filter(([, d]) => d.until > now).map(([id]) => id);
      const jobs = await claimForwardJobs({ workerId, max: batch, leaseSeconds, skipTargets: skip });
      if (jobs.length > 0) {
        const deadline = Date.now() + leaseSeconds * 800;
        const byTarget = new Map<number, ClaimedForwardJob[]>();
        for (const j of jobs) byTarget.set(j.targetId, [...(byTarget.get(j.targetId) ?? []), j]);
        const targets = await loadTargetConnections([...byTarget.keys()]);
        await Promise.all(
          [...byTarget].map(async ([targetId, list]) => {
            const t = targets.get(targetId);
            if (!t || !('password' in t)) {
              const why = t && 'error' in t ? t.error : 'target not found';
              await fail(list, why);
              await recordTargetOutcome(targetId, { ok: false, at: new Date(), error: why }).catch(() => undefined);
              return;
            }
            await runTarget(t, list, deadline);
          }),
        );
      }
      return jobs.length;
    },
  });

  return {
    async stop() {
      stopped = true;
      await loop.stop();
      for (const { lanes: ls } of lanes.values()) ls.forEach((l) => l.close());
      lanes.clear();
    },
  };
}
