import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { env } from '../../env';

/**
 * AES-256-GCM for secrets stored in the database (forwarding targets' passwords). The key is FORWARD_SECRET_KEY
 * (base64, 32 bytes); when unset, one is generated into DATA_DIR/forward-key on first use (web and worker share
 * DATA_DIR, so both read the same key). Sealed form: `v1:<iv>:<tag>:<ciphertext>`, each base64.
 */
const KEY_BYTES = 32;
const IV_BYTES = 12;
let cachedKey: { source: string; key: Buffer } | undefined;

function decodeKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`${where} must be ${KEY_BYTES} bytes in base64 (got ${key.length} bytes)`);
  return key;
}

/** The key from configuration, or from (created on first use) DATA_DIR/forward-key. */
export function secretKey(log: (line: string) => void = (l) => console.log(l)): Buffer {
  const cfg = env();
  const source = cfg.FORWARD_SECRET_KEY ? 'env' : path.join(cfg.dataDir, 'forward-key');
  if (cachedKey?.source === source) return cachedKey.key;
  let key: Buffer;
  if (cfg.FORWARD_SECRET_KEY) key = decodeKey(cfg.FORWARD_SECRET_KEY, 'FORWARD_SECRET_KEY');
  else {
    try {
      key = decodeKey(readFileSync(source, 'utf8'), source);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      mkdirSync(path.dirname(source), { recursive: true });
      const fresh = randomBytes(KEY_BYTES);
      try {
        // 'wx': if the web app and the worker race, one creates it and the other reads the winner's key.
        const fd = openSync(source, 'wx', 0o600);
        writeSync(fd, `${fresh.toString('base64')}\n`);
        closeSync(fd);
        log(`forwarding: FORWARD_SECRET_KEY is not set; generated a key into ${source} (back it up with the database)`);
        key = fresh;
      } catch (e2) {
        if ((e2 as NodeJS.ErrnoException).code !== 'EEXIST') throw e2;
        key = decodeKey(readFileSync(source, 'utf8'), source);
      }
    }
  }
  cachedKey = { source, key };
  return key;
}

export function sealSecret(plain: string, key: Buffer = secretKey()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), ct.toString('base64')].join(':');
}

/** The plain text; throws when the sealed text was altered or sealed under another key. */
export function openSecret(sealed: string, key: Buffer = secretKey()): string {
  const parts = sealed.split(':');
  if (parts.length !== 4 || parts[0] !== 'v1') throw new Error('not a sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parts[1]!, 'base64'));
  decipher.setAuthTag(Buffer.from(parts[2]!, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(parts[3]!, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('the secret cannot be decrypted (wrong FORWARD_SECRET_KEY or altered data)');
  }
}
