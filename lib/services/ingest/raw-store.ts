import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsync, lstatSync, openSync, statSync } from 'node:fs';
import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { env } from '../../env';

/**
 * Content-addressed store of received files: <dataDir>/raw/<sha[0..2]>/<sha[2..4]>/<sha256>. Files are written to a
 * temporary name, fsynced and renamed, so a crash never leaves a partial file under its hash.
 */
const SHA_RE = /^[0-9a-f]{64}$/;
const knownDirs = new Set<string>();

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function rawFilePath(sha256: string, dataDir: string = env().dataDir): string {
  if (!SHA_RE.test(sha256)) throw new Error(`not a sha256: ${sha256.slice(0, 80)}`);
  return path.join(dataDir, 'raw', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/**
 * fsync of a folder. Opening and closing a folder are cheap metadata calls done inline; only the fsync goes to the
 * thread pool (at hundreds of files a second, each avoided thread-pool hop counts).
 */
export async function fsyncDir(dir: string): Promise<void> {
  const fd = openSync(dir, 'r');
  try {
    await new Promise<void>((resolve, reject) => fsync(fd, (e) => (e ? reject(e) : resolve())));
  } finally {
    closeSync(fd);
  }
}

/**
 * A durable file (already fsynced) holding exactly the bytes being stored, which nobody writes in place: the FTP spool.
 * Its inode can become the stored file, saving a copy and its fsync.
 */
export type RawSourceFile = { path: string; ino: number };

/**
 * Hard-links `from` into the store under a temporary name, checks it is the expected inode (the spool path may have
 * been replaced by a newer upload since it was read), renames it into place and fsyncs the folder. False when that is
 * not possible (another file system, the file gone or replaced): the caller then writes a copy.
 */
async function linkIntoStore(
  from: RawSourceFile,
  size: number,
  dir: string,
  sha: string,
  file: string,
): Promise<boolean> {
  const tmp = path.join(dir, `.${sha}.${process.pid}.${randomBytes(6).toString('hex')}.lnk`);
  try {
    await link(from.path, tmp);
  } catch {
    return false;
  }
  try {
    const st = lstatSync(tmp);
    if (st.ino !== from.ino || st.size !== size) {
      await unlink(tmp);
      return false;
    }
    await rename(tmp, file);
  } catch {
    await unlink(tmp).catch(() => undefined);
    return false;
  }
  await fsyncDir(dir);
  return true;
}

export async function storeRaw(bytes: Buffer, dataDir: string = env().dataDir, from?: RawSourceFile): Promise<string> {
  const sha = sha256Hex(bytes);
  const file = rawFilePath(sha, dataDir);
  const dir = path.dirname(file);
  // Same content already stored: content addressing makes the write unnecessary.
  // Inline stat: a cached-metadata lookup, and no exception for the usual "not there yet".
  const existing = statSync(file, { throwIfNoEntry: false });
  if (existing && existing.size === bytes.length) return sha;
  if (!knownDirs.has(dir)) {
    await mkdir(dir, { recursive: true });
    knownDirs.add(dir);
  }
  if (from && (await linkIntoStore(from, bytes.length, dir, sha, file))) return sha;
  const tmp = path.join(dir, `.${sha}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const h = await open(tmp, 'w').catch(async (e: NodeJS.ErrnoException) => {
    // The cached folder may have been removed since (cleanup, tests): create it again once.
    if (e.code !== 'ENOENT') throw e;
    await mkdir(dir, { recursive: true });
    return open(tmp, 'w');
  });
  try {
    await h.writeFile(bytes);
    await h.sync();
  } catch (e) {
    await h.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await h.close();
  await rename(tmp, file);
  await fsyncDir(dir);
  return sha;
}

/** The stored bytes, or null when absent (or the hash is malformed). */
export async function readRawFile(sha256: string, dataDir: string = env().dataDir): Promise<Buffer | null> {
  if (!SHA_RE.test(sha256)) return null;
  try {
    return await readFile(rawFilePath(sha256, dataDir));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
