/**
 * Camera images and sampler answers arriving on the FTP accounts (issue #21), beside data files: images
 * (`.jpg/.jpeg/.png` named like data files) are kept by lib/services/camera, `.result` files in `commands/` answer
 * sampler commands, and downloading a `.cmd` file marks its command delivered. Each file is handled once, then
 * removed from the spool (its bytes are in the raw store, or its content in the command's row).
 */
import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { isImageFileName } from '../lib/domain/camera';
import { storeImage } from '../lib/services/camera';
import { commandFileRead, handleResultFile, isInCommandFolder, isResultUpload } from '../lib/services/sampler';
import type { Log, SpoolMeta } from './spool';

export type DeviceFiles = {
  /** True when the path is a device file (image, or anything in commands/): the data pipeline must leave it alone. */
  claims(fsPath: string): boolean;
  /** Handles an uploaded or swept device file; resolves when done. */
  submit(fsPath: string, meta: SpoolMeta, bytes?: Buffer): Promise<void>;
  /** A file was downloaded by the account of `facilityId`. */
  onRead(fsPath: string, facilityId: number, account: string): void;
  drain(): Promise<void>;
};

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createDeviceFiles(opts: { ftpRoot: string; dataDir: string; log: Log; debug?: Log }): DeviceFiles {
  const busy = new Map<string, Promise<void>>();
  const actor = (meta: SpoolMeta) => `ftp:${meta.account ?? 'recovered'}`;

  const handle = async (fsPath: string, meta: SpoolMeta, given?: Buffer) => {
    const name = path.basename(fsPath);
    if (isInCommandFolder(opts.ftpRoot, fsPath)) {
      if (!isResultUpload(opts.ftpRoot, fsPath)) return;
      if (meta.facilityId === null) return;
      const bytes = given ?? (await readFile(fsPath));
      const r = await handleResultFile(meta.facilityId, bytes, actor(meta));
      opts.log(`ftp: ${name} from ${meta.account ?? 'recovered'}: ${r.ok ? `command ${r.commandId} ${r.state}` : `result refused: ${r.problem}`}`);
      await unlink(fsPath).catch(() => undefined);
      return;
    }
    const bytes = given ?? (await readFile(fsPath));
    const r = await storeImage({
      bytes,
      name,
      source: 'ftp',
      account: meta.account,
      remoteAddress: meta.remoteAddress,
      receivedAt: new Date(),
      facilityId: meta.facilityId,
      dataDir: opts.dataDir,
    });
    const line = `ftp: image ${name} from ${meta.account ?? 'recovered'}: ${r.outcome}${r.reasons.length ? `: ${r.reasons.join('; ')}` : ''}`;
    if (r.outcome === 'accepted') opts.debug?.(line);
    else opts.log(line);
    await unlink(fsPath).catch(() => undefined);
  };

  return {
    claims: (fsPath) => isInCommandFolder(opts.ftpRoot, fsPath) || isImageFileName(fsPath),
    submit(fsPath, meta, bytes) {
      const running = busy.get(fsPath);
      if (running) return running;
      // A failure leaves the file in the spool: the next sweep tries again.
      const p = handle(fsPath, meta, bytes)
        .catch((e: unknown) => opts.log(`ftp: ${path.basename(fsPath)}: kept in the spool for retry: ${message(e)}`))
        .finally(() => busy.delete(fsPath));
      busy.set(fsPath, p);
      return p;
    },
    onRead(fsPath, facilityId, account) {
      if (!isInCommandFolder(opts.ftpRoot, fsPath) || !/\.cmd$/i.test(fsPath)) return;
      void commandFileRead(facilityId, path.basename(fsPath), `ftp:${account}`).catch((e: unknown) =>
        opts.log(`ftp: delivery of ${path.basename(fsPath)} not recorded: ${message(e)}`),
      );
    },
    async drain() {
      while (busy.size > 0) await Promise.allSettled([...busy.values()]);
    },
  };
}
