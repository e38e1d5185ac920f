/**
 * Backup and restore of one installation: the database plus the files under DATA_DIR that the database refers to.
 *
 * A backup folder holds
 *   database.dump              pg_dump custom format (when a pg_dump at least as new as the server is available), or
 *   db/<table>.ndjson.gz       a logical dump (one JSON row per line, one consistent snapshot) otherwise;
 *   files/raw/…                the content-addressed raw store (every ledger row's original bytes);
 *   files/ftp/…                files acknowledged over FTP but not ingested yet;
 *   files/forward-key          the key that decrypts forwarding passwords (when generated into DATA_DIR);
 *   manifest.json              written last: format, row counts, migrations, and the size and SHA-256 of every file.
 * The database is dumped before the files are copied: ingest stores a file's bytes before its ledger row commits, so
 * every row in the dump has its raw file in the copy (files that arrive in between are harmless extras).
 *
 * Restore checks every SHA-256 first, then loads the database into an EMPTY database (pg_restore, or migrations plus
 * the logical rows) and copies the files into DATA_DIR; `ledger verify` then proves chain and raw store intact.
 */
import { env } from '../../env';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { countTableRows, describeDatabase, dumpLogical, loadLogical } from '../../db/backup';
import { applyMigrations, listMigrations, migrationsDir } from '../../db/migrate';

export const MANIFEST = 'manifest.json';
const MANIFEST_VERSION = 1;
/** What is copied from DATA_DIR (the embedded cluster `pg/` is covered by the dump; `ftp-tmp/` holds only partial uploads). */
const DATA_ENTRIES = ['raw', 'ftp', 'forward-key'] as const;

export type BackupFormat = 'pg_dump' | 'logical';

export type Manifest = {
  version: number;
  createdAt: string;
  format: BackupFormat;
  serverVersion: string;
  migrations: string[];
  /** Rows per table at the time of the dump (logical: the tables dumped; pg_dump: for the restore check). */
  tables: Record<string, number>;
  /** Logical format: sequence → last value. */
  sequences: Record<string, string>;
  files: { path: string; size: number; sha256: string }[];
};

export type BackupOptions = {
  databaseUrl: string;
  dataDir: string;
  dir: string;
  /** 'auto' (default): pg_dump when a compatible one is found, else the logical dump. */
  format?: BackupFormat | 'auto';
  /** pg_dump / pg_restore to use; default from PATH (or PG_BIN_DIR). */
  pgBinDir?: string;
  log?: (line: string) => void;
};

export type RestoreOptions = {
  databaseUrl: string;
  dataDir: string;
  dir: string;
  pgBinDir?: string;
  migrations?: string;
  log?: (line: string) => void;
};

function run(
  cmd: string,
  args: string[],
  env?: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** The connection for pg_dump / pg_restore: the password goes in the environment, not on the command line (ps). */
function pgConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

function binary(name: string, dir?: string): string {
  const d = dir ?? env().PG_BIN_DIR;
  return d ? path.join(d, name) : name;
}

/** Major version of a pg_dump/pg_restore binary, or null when it cannot be run. */
async function toolMajor(bin: string): Promise<number | null> {
  const r = await run(bin, ['--version']).catch(() => null);
  const m = r && r.code === 0 ? /(\d+)(?:\.\d+)?/.exec(r.stdout) : null;
  return m ? Number(m[1]) : null;
}

async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  await pipeline(createReadStream(file), h);
  return h.digest('hex');
}

async function walk(root: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(path.join(root, rel), { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await walk(root, r)));
    else if (e.isFile() && !e.name.endsWith('.tmp')) out.push(r);
  }
  return out.sort();
}

/** Copies DATA_DIR's entries into <dir>/files, hashing as it goes. */
async function copyDataFiles(dataDir: string, dir: string): Promise<Manifest['files']> {
  const files: Manifest['files'] = [];
  for (const entry of DATA_ENTRIES) {
    const src = path.join(dataDir, entry);
    const st = await stat(src).catch(() => null);
    if (!st) continue;
    const rels = st.isDirectory() ? (await walk(src)).map((r) => `${entry}/${r}`) : [entry];
    for (const rel of rels) {
      const from = path.join(dataDir, rel);
      const to = path.join(dir, 'files', rel);
      await mkdir(path.dirname(to), { recursive: true });
      await copyFile(from, to);
      const s = await stat(to);
      files.push({ path: `files/${rel}`, size: s.size, sha256: await sha256File(to) });
    }
  }
  return files;
}

export async function backup(opts: BackupOptions): Promise<Manifest> {
  const log = opts.log ?? (() => undefined);
  const dir = path.resolve(opts.dir);
  if (existsSync(path.join(dir, MANIFEST)))
    throw new Error(`${dir} already holds a backup (manifest.json); use a new folder`);
  await mkdir(dir, { recursive: true });
  if ((await readdir(dir)).length > 0) throw new Error(`${dir} is not empty; use a new folder`);

  const { server, tables: tablesBefore, migrations } = await describeDatabase(opts.databaseUrl);

  let format: BackupFormat = opts.format === 'pg_dump' || opts.format === 'logical' ? opts.format : 'logical';
  const pgDump = binary('pg_dump', opts.pgBinDir);
  if (opts.format === undefined || opts.format === 'auto' || opts.format === 'pg_dump') {
    const major = await toolMajor(pgDump);
    const compatible = major !== null && major >= server.major;
    if (compatible) format = 'pg_dump';
    else if (opts.format === 'pg_dump') {
      throw new Error(
        `pg_dump ${major ?? 'not found'} cannot dump PostgreSQL ${server.version}; set PG_BIN_DIR or use the logical format`,
      );
    } else
      log(`pg_dump ${major ?? 'not found'} cannot dump PostgreSQL ${server.version}: using the built-in logical dump`);
  }

  let tables: Record<string, number>;
  let sequences: Record<string, string> = {};
  log(`database (${format})…`);
  if (format === 'pg_dump') {
    const file = path.join(dir, 'database.dump');
    const conn = pgConnection(opts.databaseUrl);
    const r = await run(
      pgDump,
      ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${conn.dbname}`],
      conn.env,
    );
    if (r.code !== 0) throw new Error(`pg_dump failed: ${r.stderr.trim()}`);
    // Counts for the restore check; taken after the dump, so only a concurrent ingest can make them differ (see restore).
    tables = await countTableRows(opts.databaseUrl, tablesBefore);
  } else {
    ({ tables, sequences } = await dumpLogical(opts.databaseUrl, path.join(dir, 'db'), log));
  }

  log('files…');
  const files: Manifest['files'] = [];
  for (const f of await walk(dir)) {
    const s = await stat(path.join(dir, f));
    files.push({ path: f, size: s.size, sha256: await sha256File(path.join(dir, f)) });
  }
  files.push(...(await copyDataFiles(opts.dataDir, dir)));

  const manifest: Manifest = {
    version: MANIFEST_VERSION,
    createdAt: new Date().toISOString(),
    format,
    serverVersion: server.version,
    migrations,
    tables,
    sequences,
    files,
  };
  // Written last and atomically: a folder without manifest.json is an unfinished backup.
  await writeFile(path.join(dir, `${MANIFEST}.tmp`), JSON.stringify(manifest, null, 2));
  await rename(path.join(dir, `${MANIFEST}.tmp`), path.join(dir, MANIFEST));
  log(`backup done: ${files.length} files, ${Object.values(tables).reduce((a, b) => a + b, 0)} rows`);
  return manifest;
}

export async function readManifest(dir: string): Promise<Manifest> {
  const text = await readFile(path.join(dir, MANIFEST), 'utf8').catch(() => {
    throw new Error(`${dir} has no ${MANIFEST}: not a backup, or an unfinished one`);
  });
  const m = JSON.parse(text) as Manifest;
  if (m.version !== MANIFEST_VERSION) throw new Error(`unsupported backup version ${m.version}`);
  return m;
}

/** Every file of the backup is present and has its recorded size and SHA-256; returns the problems. */
export async function verifyBackup(dir: string, manifest?: Manifest): Promise<string[]> {
  const m = manifest ?? (await readManifest(dir));
  const problems: string[] = [];
  for (const f of m.files) {
    if (f.path.split('/').includes('..') || path.isAbsolute(f.path)) {
      problems.push(`${f.path}: unsafe path`);
      continue;
    }
    const p = path.join(dir, f.path);
    const s = await stat(p).catch(() => null);
    if (!s) problems.push(`${f.path}: missing`);
    else if (s.size !== f.size) problems.push(`${f.path}: size ${s.size}, expected ${f.size}`);
    else if ((await sha256File(p)) !== f.sha256) problems.push(`${f.path}: SHA-256 differs`);
  }
  return problems;
}

export async function restore(opts: RestoreOptions): Promise<{ manifest: Manifest; files: number }> {
  const log = opts.log ?? (() => undefined);
  const dir = path.resolve(opts.dir);
  const m = await readManifest(dir);
  log(`checking ${m.files.length} files against the manifest…`);
  const problems = await verifyBackup(dir, m);
  if (problems.length > 0) throw new Error(`the backup is damaged:\n${problems.slice(0, 20).join('\n')}`);

  const existing = (await describeDatabase(opts.databaseUrl)).tables;
  if (existing.length > 0)
    throw new Error(`the target database is not empty (${existing.length} tables); restore needs an empty database`);

  log(`database (${m.format})…`);
  if (m.format === 'pg_dump') {
    const conn = pgConnection(opts.databaseUrl);
    const r = await run(
      binary('pg_restore', opts.pgBinDir),
      [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--single-transaction',
        `--dbname=${conn.dbname}`,
        path.join(dir, 'database.dump'),
      ],
      conn.env,
    );
    if (r.code !== 0) throw new Error(`pg_restore failed: ${r.stderr.trim()}`);
  } else {
    const ours = await listMigrations(opts.migrations ?? migrationsDir());
    if (JSON.stringify(ours) !== JSON.stringify(m.migrations)) {
      throw new Error(
        'the backup was made by another version (its migrations differ from this one); restore it with that version, then upgrade',
      );
    }
    await applyMigrations(opts.databaseUrl, opts.migrations ?? migrationsDir());
    await loadLogical(opts.databaseUrl, path.join(dir, 'db'), m, log);
  }

  // The counts recorded at backup time must be there (pg_dump: counted just after the dump, so >= only if ingest ran).
  const counts = await countTableRows(opts.databaseUrl, Object.keys(m.tables));
  for (const [t, n] of Object.entries(m.tables)) {
    const got = counts[t] ?? 0;
    if (m.format === 'logical' ? got !== n : got > n)
      throw new Error(`table ${t}: ${got} rows after restore, the backup recorded ${n}`);
  }

  log('files…');
  let copied = 0;
  for (const f of m.files) {
    if (!f.path.startsWith('files/')) continue;
    const rel = f.path.slice('files/'.length);
    const to = path.join(opts.dataDir, rel);
    const present = await stat(to).catch(() => null);
    if (present) {
      if ((await sha256File(to)) === f.sha256) continue;
      throw new Error(`${to} exists with other content; restore into an empty DATA_DIR`);
    }
    await mkdir(path.dirname(to), { recursive: true });
    await copyFile(path.join(dir, f.path), `${to}.restore.tmp`);
    await rename(`${to}.restore.tmp`, to);
    copied++;
  }
  log(`restore done: ${copied} files copied`);
  return { manifest: m, files: copied };
}
