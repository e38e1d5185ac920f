/**
 * The ingest thread: runs processSpooledFile (parse, hash, raw store, group commit, spool delete) for files the FTP
 * receiver has placed, so the receiver's thread only receives. Started by worker/ingest-host.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { disconnectDb } from '../lib/db/client';
import { ingestFile } from '../lib/services/ingest';
import type { HostMessage, ThreadData, ThreadMessage } from './ingest-host';
import { processSpooledFile, type SpoolMeta } from './spool';

const port = parentPort;
if (!port) throw new Error('worker/ingest-thread.ts runs as a worker thread');
const data = workerData as ThreadData;
const spool = { source: data.source, linkRaw: data.linkRaw };
const ingest = (input: Parameters<typeof ingestFile>[0]) => ingestFile({ ...input, dataDir: data.dataDir });

port.on('message', (msg: HostMessage) => {
  if (msg.type === 'stop') {
    void disconnectDb()
      .catch(() => undefined)
      .finally(() => port.close());
    return;
  }
  const { received, ...rest } = msg.meta;
  const meta: SpoolMeta = received
    ? {
        ...rest,
        // The transferred bytes, as a Buffer without a copy.
        received: {
          ...received,
          bytes: Buffer.from(received.bytes.buffer, received.bytes.byteOffset, received.bytes.byteLength),
        },
      }
    : rest;
  void processSpooledFile(msg.filePath, meta, ingest, spool)
    .catch((e: unknown) => ({ status: 'kept' as const, error: e instanceof Error ? e.message : String(e) }))
    .then((outcome) => port.postMessage({ type: 'outcome', id: msg.id, outcome } satisfies ThreadMessage));
});
