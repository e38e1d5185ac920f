/**
 * Spool disk space for the FTP receiver. An upload is acknowledged (226) only once it is durable in the spool, so a
 * full disk must make the server refuse uploads with a storage error the logger understands (it keeps the file and
 * sends it again later) rather than accept bytes it cannot keep:
 * - before accepting STOR, the spool's file system must have more than a free-space floor (SPOOL_MIN_FREE_MB,
 *   default 64 MB; 0 disables the check), else 452;
 * - a write that fails with ENOSPC / EDQUOT / EIO deletes the partial file (SpoolUpload already does) and answers
 *   452 / 552 / 451 instead of ftp-srv's generic 550.
 */
import { statfs } from 'node:fs/promises';

export const DEFAULT_SPOOL_MIN_FREE_MB = 64;

/** Client-facing texts; the reply codes are chosen by these exact texts (see spaceReplyCode). */
export const SPOOL_FULL_MESSAGE = 'Insufficient storage space on the server; try again later';
export const QUOTA_MESSAGE = 'Storage allocation exceeded on the server; try again later';
export const IO_ERROR_MESSAGE = 'Local error while storing the file; try again later';

const REPLY_CODES: Record<string, number> = {
  [SPOOL_FULL_MESSAGE]: 452,
  [QUOTA_MESSAGE]: 552,
  [IO_ERROR_MESSAGE]: 451,
};

/** The message for an fs error code that means "cannot store now", or null for other errors. */
export function storageErrorMessage(code: unknown): string | null {
  if (code === 'ENOSPC') return SPOOL_FULL_MESSAGE;
  if (code === 'EDQUOT') return QUOTA_MESSAGE;
  if (code === 'EIO') return IO_ERROR_MESSAGE;
  return null;
}

/**
 * ftp-srv answers every failed STOR with 550 and the error's message. A storage failure gets its own code instead:
 * 452/451 are transient (RFC 959 4xx: the client should retry), 552 is "exceeded storage allocation".
 */
export function spaceReplyCode(code: number, message: unknown): number {
  if (code !== 550 || typeof message !== 'string') return code;
  return REPLY_CODES[message] ?? code;
}

/** Bytes available to this (unprivileged) process on the file system holding `dir`. */
export async function freeBytes(dir: string): Promise<number> {
  const s = await statfs(dir);
  return Number(s.bavail) * Number(s.bsize);
}

/** An upload refused because the spool is (nearly) full. */
export class SpoolFullError extends Error {
  readonly code = 'ENOSPC';
  constructor() {
    super(SPOOL_FULL_MESSAGE);
    this.name = 'SpoolFullError';
  }
}

export type SpoolSpaceCheckOptions = {
  /** Called when an upload is refused (the receiver logs it, at most once a minute). */
  onRefused?: () => void;
  /** While the last reading showed at least this much above the floor, checks within `recheckMs` skip statfs. */
  roomyMarginBytes?: number;
  recheckMs?: number;
  /** The free-space reading (tests). */
  free?: (dir: string) => Promise<number>;
  now?: () => number;
};

/**
 * The STOR-time check: throws SpoolFullError when `dir`'s file system has `minFreeBytes` or less available (0 turns
 * the check off). statfs is a thread-pool hop per upload, so while the last reading, under `recheckMs` (1 s) old,
 * showed the floor plus `roomyMarginBytes` (1 GiB) free, it is skipped. A failing statfs does not block uploads: the
 * write itself still reports a full disk.
 */
export function spoolSpaceCheck(
  dir: string,
  minFreeBytes: number,
  opts: SpoolSpaceCheckOptions = {},
): () => Promise<void> {
  const margin = opts.roomyMarginBytes ?? 1024 ** 3;
  const recheckMs = opts.recheckMs ?? 1000;
  const free = opts.free ?? freeBytes;
  const now = opts.now ?? Date.now;
  let roomyUntil = 0;
  return async () => {
    if (minFreeBytes <= 0 || now() < roomyUntil) return;
    const bytes = await free(dir).catch(() => Number.POSITIVE_INFINITY);
    if (bytes > minFreeBytes + margin) roomyUntil = now() + recheckMs;
    if (bytes > minFreeBytes) return;
    opts.onRefused?.();
    throw new SpoolFullError();
  };
}
