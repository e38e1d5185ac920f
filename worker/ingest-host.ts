/**
 * The receiver's side of the ingest thread (worker/ingest-thread.ts): ingest runs on a second core while the FTP
 * receiver's thread only receives. Same process, so kill -9 of the worker stops both. A file's outcome comes back here;
 * if the thread dies, its files in flight are reported kept (they stay in the spool for the sweep) and it is restarted.
 */
import { Worker } from 'node:worker_threads';
import type { IngestSource } from '../lib/services/ingest';
import type { Log, SpoolMeta, SpoolOutcome } from './spool';

export type ThreadData = { dataDir: string; source: IngestSource; linkRaw: boolean };
/** SpoolMeta as sent: the bytes travel as a transferred Uint8Array. */
type WireMeta = Omit<SpoolMeta, 'received'> & {
  received?: Omit<NonNullable<SpoolMeta['received']>, 'bytes'> & { bytes: Uint8Array };
};
export type HostMessage = { type: 'ingest'; id: number; filePath: string; meta: WireMeta } | { type: 'stop' };
export type ThreadMessage = { type: 'outcome'; id: number; outcome: SpoolOutcome };

export type IngestThread = {
  /** Ingests one spooled file on the thread; never rejects. The handed-over bytes are transferred, not copied. */
  process(filePath: string, meta: SpoolMeta): Promise<SpoolOutcome>;
  /** Ends the thread (call once nothing is in flight). */
  stop(): Promise<void>;
  /** Tests: kills the thread as a crash would (it is restarted). */
  kill(): Promise<void>;
  /** Times the thread was restarted after dying. */
  restarts(): number;
};

const ENTRY = new URL('./ingest-thread.mjs', import.meta.url);

export function startIngestThread(opts: ThreadData & { log: Log }): IngestThread {
  const pending = new Map<number, (outcome: SpoolOutcome) => void>();
  let nextId = 1;
  let stopping = false;
  let restarts = 0;
  let quickDeaths = 0;
  let thread: Worker;
  /** False from the thread's death until its replacement is spawned: nothing is posted to a dead thread. */
  let alive = false;
  let exited: Promise<void>;

  const spawn = () => {
    const startedAt = Date.now();
    const data: ThreadData = { dataDir: opts.dataDir, source: opts.source, linkRaw: opts.linkRaw };
    const w = new Worker(ENTRY, { workerData: data });
    let lastError = '';
    w.on('message', (msg: ThreadMessage) => {
      const resolve = pending.get(msg.id);
      pending.delete(msg.id);
      resolve?.(msg.outcome);
    });
    w.on('error', (e) => {
      lastError = e instanceof Error ? e.message : String(e);
    });
    exited = new Promise<void>((resolve) =>
      w.once('exit', (code) => {
        resolve();
        if (stopping || w !== thread) return;
        alive = false;
        // Its files in flight are still in the spool: kept, so the sweep retries them (replay finds any it recorded).
        const error = `ingest thread exited (code ${code}${lastError ? `: ${lastError}` : ''})`;
        for (const [id, done] of pending) {
          pending.delete(id);
          done({ status: 'kept', error });
        }
        opts.log(`ftp: ${error}; restarting it`);
        quickDeaths = Date.now() - startedAt < 10_000 ? quickDeaths + 1 : 0;
        restarts += 1;
        // A thread that cannot start (broken install) must not spin: back off up to 30 s.
        const delay = quickDeaths > 1 ? Math.min(30_000, 250 * 2 ** (quickDeaths - 2)) : 0;
        setTimeout(() => {
          if (!stopping) spawn();
        }, delay).unref();
      }),
    );
    thread = w;
    alive = true;
  };
  spawn();

  return {
    process(filePath, meta) {
      return new Promise<SpoolOutcome>((resolve) => {
        if (!alive) {
          resolve({ status: 'kept', error: 'ingest thread restarting' });
          return;
        }
        const id = nextId++;
        pending.set(id, resolve);
        const bytes = meta.received?.bytes;
        // Only a buffer that owns its whole ArrayBuffer can be transferred (pooled small Buffers share theirs).
        const buf = bytes?.buffer;
        const transfer =
          bytes && buf instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buf.byteLength
            ? [buf]
            : [];
        const msg: HostMessage = { type: 'ingest', id, filePath, meta };
        try {
          thread.postMessage(msg, transfer);
        } catch (e) {
          pending.delete(id);
          resolve({
            status: 'kept',
            error: `ingest thread unavailable: ${e instanceof Error ? e.message : String(e)}`,
          });
        }
      });
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      thread.postMessage({ type: 'stop' } satisfies HostMessage);
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5_000).unref());
      if ((await Promise.race([exited, timeout])) === 'timeout') await thread.terminate();
      for (const [id, done] of pending) {
        pending.delete(id);
        done({ status: 'kept', error: 'ingest thread stopped' });
      }
    },
    async kill() {
      await thread.terminate();
    },
    restarts: () => restarts,
  };
}
