import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { env } from '../env';

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

async function fsyncDir(dir: string): Promise<void> {
  const h = await open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

export async function storeRaw(bytes: Buffer, dataDir: string = env().dataDir): Promise<string> {
  const sha = sha256Hex(bytes);
  const file = rawFilePath(sha, dataDir);
  const dir = path.dirname(file);
  // Same content already stored: content addressing makes the write unnecessary.
  const existing = await stat(file).catch(() => null);
  if (existing && existing.size === bytes.length) return sha;
  if (!knownDirs.has(dir)) {
    await mkdir(dir, { recursive: true });
    knownDirs.add(dir);
  }
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
