/**
 * The FTP upload folders are the spool: a received file stays on disk until ingest has recorded it (the raw store
 * then keeps its bytes), and is deleted only after that. A failed ingest leaves the file for a later sweep.
 */
import { statSync } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { IngestInput, IngestResult, IngestSource } from '../lib/services/ingest';
import { walkFiles } from './walk-files';

export type Log = (line: string) => void;
export type IngestFn = (input: IngestInput) => Promise<IngestResult>;
export type SpoolMeta = {
  account: string | null;
  facilityId: number | null;
  remoteAddress: string | null;
  /** The file may already be recorded (recovered after a crash, or retried after a failure): see IngestInput.replay. */
  replay?: boolean;
  /**
   * What the receiver already knows of the file it just placed (its bytes and identity), so ingest need not read it
   * back. Never kept for retries.
   */
  received?: ReceivedFile;
};
/** A spooled file as written: its bytes and the identity (inode, size, mtime) of the inode holding them. */
export type ReceivedFile = { bytes: Buffer; ino: number; size: number; mtimeMs: number; mtime: Date };
/** How a spooled file is processed: the receiver named in the ledger, and what happens to the file once recorded. */
export type SpoolOptions = {
  source?: IngestSource;
  dispose?: (filePath: string) => Promise<void>;
  /**
   * The spool's files are never written in place once placed (the FTP receiver renames complete, fsynced uploads into
   * place), so the raw store may hard-link them instead of writing and fsyncing a copy. Not for folders another program
   * writes into.
   */
  linkRaw?: boolean;
};

export type SpoolOutcome =
  { status: 'ingested'; result: IngestResult } | { status: 'kept'; error: string } | { status: 'missing' };

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function isNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === 'ENOENT';
}

/**
 * Reads one spooled file, ingests it and deletes it, unless it was replaced meanwhile (same name uploaded again:
 * the new file has a new inode and is ingested on its own). Ingest errors leave the file in place.
 */
export async function processSpooledFile(
  filePath: string,
  meta: SpoolMeta,
  ingest: IngestFn,
  options: SpoolOptions = {},
): Promise<SpoolOutcome> {
  let bytes: Buffer;
  let before: { ino: number; size: number; mtimeMs: number; mtime: Date };
  if (meta.received) {
    // Handed over by the receiver that just placed it: same bytes and inode as on disk, no need to read them back.
    ({ bytes, ...before } = meta.received);
  } else {
    try {
      const fh = await open(filePath, 'r');
      try {
        const st = await fh.stat();
        if (!st.isFile()) return { status: 'missing' };
        before = { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, mtime: st.mtime };
        bytes = await fh.readFile();
      } finally {
        await fh.close();
      }
    } catch (e) {
      if (isNotFound(e)) return { status: 'missing' };
      return { status: 'kept', error: errorMessage(e) };
    }
  }

  let result: IngestResult;
  try {
    result = await ingest({
      source: options.source ?? 'ftp',
      name: path.basename(filePath),
      bytes,
      account: meta.account,
      facilityId: meta.facilityId,
      remoteAddress: meta.remoteAddress,
      receivedAt: before.mtime,
      replay: meta.replay ?? false,
      spoolFile: options.linkRaw ? { path: filePath, ino: before.ino } : undefined,
    });
  } catch (e) {
    return { status: 'kept', error: errorMessage(e) };
  }

  try {
    // Inline stat (cached metadata): no thread-pool hop and no exception when the file is already gone.
    const now = statSync(filePath, { throwIfNoEntry: false });
    if (now && now.ino === before.ino && now.size === before.size && now.mtimeMs === before.mtimeMs) {
      await (options.dispose ?? unlink)(filePath);
    }
  } catch (e) {
    if (!isNotFound(e)) return { status: 'ingested', result }; // recorded; a later sweep sees a duplicate
  }
  return { status: 'ingested', result };
}

export type IngestQueue = {
  /** Ingests a spooled file, serialised per path and bounded in concurrency; never rejects. */
  enqueue(filePath: string, meta: SpoolMeta): Promise<SpoolOutcome>;
  busy(filePath: string): boolean;
  /** Resolves when nothing is queued or running. */
  drain(): Promise<void>;
};

export function createIngestQueue(opts: {
  ingest: IngestFn;
  /** Replaces processSpooledFile (the FTP receiver's ingest thread); `ingest` and `spool` are then unused. */
  process?: (filePath: string, meta: SpoolMeta) => Promise<SpoolOutcome>;
  concurrency?: number;
  spool?: SpoolOptions;
  onOutcome?: (filePath: string, meta: SpoolMeta, outcome: SpoolOutcome) => void;
}): IngestQueue {
  const concurrency = opts.concurrency ?? 4;
  const chains = new Map<string, Promise<SpoolOutcome>>();
  let running = 0;
  const waiting: (() => void)[] = [];

  const acquire = async () => {
    if (running < concurrency) {
      running += 1;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };

  const run = async (filePath: string, meta: SpoolMeta): Promise<SpoolOutcome> => {
    await acquire();
    let outcome: SpoolOutcome;
    try {
      outcome = opts.process
        ? await opts.process(filePath, meta)
        : await processSpooledFile(filePath, meta, opts.ingest, opts.spool);
    } catch (e) {
      outcome = { status: 'kept', error: errorMessage(e) };
    } finally {
      release();
    }
    try {
      opts.onOutcome?.(filePath, meta, outcome);
    } catch {
      /* a logging callback must not break the queue */
    }
    return outcome;
  };

  return {
    enqueue(filePath, meta) {
      const prev = chains.get(filePath) ?? Promise.resolve<SpoolOutcome>({ status: 'missing' });
      const next = prev.then(() => run(filePath, meta));
      chains.set(filePath, next);
      void next.finally(() => {
        if (chains.get(filePath) === next) chains.delete(filePath);
      });
      return next;
    },
    busy: (filePath) => chains.has(filePath),
    async drain() {
      while (chains.size > 0) await Promise.allSettled([...chains.values()]);
    },
  };
}

/** Every regular file under `<root>/<facility>/…`, with its facility folder name and modification time. */
export async function listSpoolFiles(
  root: string,
): Promise<{ filePath: string; facilityCode: string; mtimeMs: number }[]> {
  // Files directly under the root belong to no facility: they are not spooled uploads.
  const files = await walkFiles(root);
  return files.flatMap((f) => (f.rel.length > 1 ? [{ filePath: f.filePath, facilityCode: f.rel[0]!, mtimeMs: f.stat.mtimeMs }] : []));
}
