/**
 * The watched-folder receiver (DOMAIN.md §2): departments whose own FTP server (vsftpd, pure-ftpd…) writes files to
 * disk point WATCH_DIR at its folder. Files under `<dir>/<FACILITYCODE>/**` are ingested as that facility (it may
 * deliver only for its own stations); files directly in `<dir>` are trusted. The folder is polled, because fs.watch
 * misses events on network mounts, and a file is taken only once its size and mtime held still across two polls.
 * A recorded file is moved to `<dir>/.done/` (or deleted); a failed ingest leaves it for a later retry.
 */
import { mkdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { findFacilityByCode } from '../lib/db/facilities';
import { ingestFile } from '../lib/services/ingest';
import { createIngestQueue, type IngestFn, type Log, type SpoolMeta } from './spool';
import { walkFiles } from './walk-files';

export type WatchFolderOptions = {
  dir: string;
  /** Default 2 s. */
  pollMs?: number;
  /** Delete recorded files instead of moving them to `<dir>/.done/`. */
  deleteAfter?: boolean;
  /** Raw store root. */
  dataDir: string;
  log: Log;
  debug?: Log;
  /** Replaces the ingest pipeline (tests). */
  ingest?: IngestFn;
  /** Concurrent ingests. Default 4. */
  concurrency?: number;
  /** First retry delay after a failed ingest, doubling up to an hour. Default 30 s. */
  retryBaseMs?: number;
  /** A file not named *.txt is taken only once this old: the sending server may still rename it. Default 60 s. */
  otherMinAgeMs?: number;
};

export type WatchFolder = {
  /** One poll now (tests); concurrent calls share the poll in progress. */
  poll(): Promise<void>;
  /** Resolves when no file is being ingested. */
  idle(): Promise<void>;
  stop(): Promise<void>;
};

export const DONE_FOLDER = '.done';
const MAX_DEPTH = 8;
const FACILITY_TTL_MS = 60_000;
const UNKNOWN_FACILITY_TTL_MS = 10_000;

type Entry = { filePath: string; rel: string[]; size: number; mtimeMs: number };

/** Regular files under `dir`, skipping hidden names (`.done`, pure-ftpd's `.pureftpd-upload.*`) and symlinks. */
async function listFiles(dir: string): Promise<Entry[]> {
  const files = await walkFiles(dir, { maxDepth: MAX_DEPTH, skip: (name) => name.startsWith('.') });
  return files.map((f) => ({ filePath: f.filePath, rel: f.rel, size: f.stat.size, mtimeMs: f.stat.mtimeMs }));
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function startWatchFolder(opts: WatchFolderOptions): Promise<WatchFolder> {
  const { log, debug } = opts;
  const root = path.resolve(opts.dir);
  const doneRoot = path.join(root, DONE_FOLDER);
  await mkdir(root, { recursive: true });
  const pollMs = opts.pollMs ?? 2000;
  const retryBaseMs = opts.retryBaseMs ?? 30_000;
  const otherMinAgeMs = opts.otherMinAgeMs ?? 60_000;
  const ingest: IngestFn = opts.ingest ?? ((input) => ingestFile({ ...input, dataDir: opts.dataDir }));

  const failures = new Map<string, { attempts: number; retryAt: number }>();
  const fail = (filePath: string, why: string) => {
    const f = failures.get(filePath) ?? { attempts: 0, retryAt: 0 };
    f.attempts += 1;
    f.retryAt = Date.now() + Math.min(3_600_000, retryBaseMs * 2 ** Math.min(f.attempts - 1, 7));
    failures.set(filePath, f);
    log(`watch: ${path.relative(root, filePath)} kept for retry: ${why}`);
  };

  // Paths whose move failed after they were recorded: their backoff entry must survive the 'ingested' outcome.
  const disposeFailed = new Set<string>();
  const dispose = async (filePath: string) => {
    try {
      if (opts.deleteAfter) {
        await unlink(filePath);
        return;
      }
      const target = path.join(doneRoot, path.relative(root, filePath));
      await mkdir(path.dirname(target), { recursive: true });
      await rename(filePath, target);
    } catch (e) {
      // Recorded, but the file could not be moved (read-only share?): a replay finds the ledger row, so retrying is safe.
      fail(filePath, `recorded, but could not be moved away: ${message(e)}`);
      disposeFailed.add(filePath);
      throw e;
    }
  };

  const queue = createIngestQueue({
    ingest,
    concurrency: opts.concurrency ?? 4,
    spool: { source: 'watch', dispose },
    onOutcome: (filePath, _meta, outcome) => {
      const rel = path.relative(root, filePath);
      if (outcome.status === 'kept') return fail(filePath, outcome.error);
      if (outcome.status !== 'ingested') return;
      if (!disposeFailed.delete(filePath)) failures.delete(filePath);
      const r = outcome.result;
      const line = `watch: ${rel}: ${r.outcome} (${r.readings} readings)${r.reasons.length ? `: ${r.reasons.join('; ')}` : ''}`;
      if (r.outcome === 'accepted' || r.outcome === 'duplicate') debug?.(line);
      else log(line);
    },
  });

  const facilities = new Map<string, { id: number | null; at: number }>();
  const warned = new Set<string>();
  const facilityId = async (folder: string): Promise<number | null> => {
    const hit = facilities.get(folder);
    const now = Date.now();
    if (hit && now - hit.at < (hit.id === null ? UNKNOWN_FACILITY_TTL_MS : FACILITY_TTL_MS)) return hit.id;
    // Servers sometimes lower-case folder names; facility codes are upper case by convention.
    const f = (await findFacilityByCode(folder)) ?? (await findFacilityByCode(folder.toUpperCase()));
    facilities.set(folder, { id: f?.id ?? null, at: now });
    return f?.id ?? null;
  };

  let previous = new Map<string, { size: number; mtimeMs: number }>();
  const pollOnce = async () => {
    const files = await listFiles(root);
    const now = Date.now();
    const current = new Map<string, { size: number; mtimeMs: number }>();
    for (const f of files) {
      current.set(f.filePath, { size: f.size, mtimeMs: f.mtimeMs });
      const before = previous.get(f.filePath);
      if (!before || before.size !== f.size || before.mtimeMs !== f.mtimeMs) continue; // still being written
      if (queue.busy(f.filePath)) continue;
      const failed = failures.get(f.filePath);
      if (failed && failed.retryAt > now) continue;
      if (!/\.txt$/i.test(f.filePath) && now - f.mtimeMs < otherMinAgeMs) continue;
      const meta: SpoolMeta = { account: null, facilityId: null, remoteAddress: null, replay: true };
      if (f.rel.length > 1) {
        const folder = f.rel[0]!;
        const id = await facilityId(folder);
        if (id === null) {
          if (!warned.has(folder)) log(`watch: folder '${folder}' names no known facility; its files are left in place`);
          warned.add(folder);
          continue;
        }
        meta.facilityId = id;
        meta.account = folder;
      }
      // replay: a crash between recording the file and moving it away must not record it twice.
      void queue.enqueue(f.filePath, meta);
    }
    previous = current;
  };

  let running: Promise<void> | null = null;
  const poll = () => {
    running ??= pollOnce()
      .catch((e: unknown) => log(`watch: poll failed: ${message(e)}`))
      .finally(() => {
        running = null;
      });
    return running;
  };

  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void poll().finally(schedule);
    }, pollMs);
    timer.unref();
  };
  await poll();
  schedule();

  return {
    poll,
    idle: () => queue.drain(),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await queue.drain();
    },
  };
}
