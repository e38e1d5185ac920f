/**
 * Backup and restore through the real command line: files are ingested, `cli backup DIR` writes the dump, the raw
 * store and a manifest; `cli restore DIR` loads it into a fresh, empty database with a fresh DATA_DIR; then
 * `cli ledger verify` passes there and every table has the same row count. Both dump formats are exercised (pg_dump
 * custom format, and the built-in logical dump used when no compatible pg_dump exists). A damaged backup and a
 * non-empty target are refused.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeFacility, makeStation } from './api-fixtures';
import { createEmptyDatabase } from '../support/test-db';
import { disconnectDb, pool } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { resetEnv } from '@/lib/env';
import { ingestFile } from '@/lib/services/ingest';
import type { Manifest } from '@/lib/services/backup';

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
// The backup covers a whole database, so this file owns one: other files' ledger rows keep their raw bytes elsewhere.
const serverUrl = inject('databaseUrl');
let sourceUrl = '';

type CliResult = { code: number; stdout: string; stderr: string };

async function cli(args: string[], env: { DATABASE_URL: string; DATA_DIR: string }): Promise<CliResult> {
  return exec(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, DEMO: '0' },
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({
      code: e.code ?? 1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    }),
  );
}

async function tableCounts(url: string, tables: string[]): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const out: Record<string, number> = {};
    for (const t of tables)
      out[t] = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM "${t}"`)).rows[0]!.n);
    return out;
  } finally {
    await c.end();
  }
}

let srcData: string;
const cleanup: (() => Promise<void>)[] = [];

/** pg_dump's major version, or null when there is none on PATH / in PG_BIN_DIR. */
async function pgDumpMajor(): Promise<number | null> {
  const bin = process.env.PG_BIN_DIR ? path.join(process.env.PG_BIN_DIR, 'pg_dump') : 'pg_dump';
  try {
    const { stdout } = await exec(bin, ['--version']);
    const m = /(\d+)(?:\.\d+)?/.exec(stdout);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

async function serverMajor(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Math.floor(
      Number((await c.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]!.v) / 10000,
    );
  } finally {
    await c.end();
  }
}

// pg_dump cannot dump a newer server (e.g. Debian's 15 against the embedded 18): that format is then not testable here.
const pgDumpUsable = await (async () => {
  const major = await pgDumpMajor();
  const server = await serverMajor(serverUrl);
  return major !== null && major >= server;
})();

beforeAll(async () => {
  const own = await createEmptyDatabase(serverUrl, 'backup_src');
  cleanup.push(own.drop);
  await applyMigrations(own.url);
  await disconnectDb();
  sourceUrl = own.url;
  process.env.DATABASE_URL = own.url;
  resetEnv();
  srcData = await mkdtemp(path.join(os.tmpdir(), 'qt-backup-src-'));
  const f = await makeFacility();
  // Active since 2024, so that its 2024 files are plausible history and get their monthly partitions (DOMAIN.md §2).
  const s = await makeStation(f.code, { activeFrom: new Date('2024-01-01T00:00:00Z') });
  // A few days of files (two months, so two reading partitions), one rejected and one duplicate.
  for (const [day, hour] of [
    ['20240430', 23],
    ['20240501', 0],
    ['20240501', 1],
    ['20240502', 12],
  ] as const) {
    for (const minute of [0, 5, 10]) {
      const stamp = `${day}${String(hour).padStart(2, '0')}${String(minute).padStart(2, '0')}00`;
      await ingestFile({
        name: `BG_${s.fileCode}_${stamp}.txt`,
        bytes: Buffer.from(
          `COD\t${40 + minute}.5\tmg/L\t${stamp}\t00\r\nPH\t7.1\tpH\t${stamp}\t00\r\nTSS\t12\tmg/L\t${stamp}\t00\r\n`,
        ),
        source: 'api',
        account: 'backup-test',
        dataDir: srcData,
      });
    }
  }
  await ingestFile({
    name: 'garbage.txt',
    bytes: Buffer.from([0, 1, 2, 3]),
    source: 'api',
    account: 'backup-test',
    dataDir: srcData,
  });
  const stamp = '20240502120000';
  await ingestFile({
    name: `BG_${s.fileCode}_${stamp}.txt`,
    bytes: Buffer.from(`COD\t40.5\tmg/L\t${stamp}\t00\r\nPH\t7.1\tpH\t${stamp}\t00\r\nTSS\t12\tmg/L\t${stamp}\t00\r\n`),
    source: 'api',
    account: 'backup-test',
    dataDir: srcData,
  });
  // A file acknowledged over FTP but not yet ingested: part of the backup too.
  await import('node:fs/promises').then((fs) => fs.mkdir(path.join(srcData, 'ftp', f.code), { recursive: true }));
  await writeFile(path.join(srcData, 'ftp', f.code, 'pending.txt'), 'COD\t1\tmg/L\t20240502120500\t00\r\n');
});

afterAll(async () => {
  await disconnectDb();
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  await rm(srcData, { recursive: true, force: true });
});

describe.each(['pg_dump', 'logical'] as const)('backup and restore (%s)', (format) => {
  if (format === 'pg_dump' && !pgDumpUsable) {
    it.skip('needs a pg_dump at least as new as the server (set PG_BIN_DIR)', () => undefined);
    return;
  }
  let backupDir: string;
  let manifest: Manifest;

  it('backup writes the dump, the raw store and a manifest with SHA-256s', async () => {
    backupDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'qt-backup-')), 'b');
    cleanup.push(() => rm(path.dirname(backupDir), { recursive: true, force: true }));
    const r = await cli(['backup', backupDir, '--format', format], { DATABASE_URL: sourceUrl, DATA_DIR: srcData });
    expect(r.code, r.stderr + r.stdout).toBe(0);
    manifest = JSON.parse(await readFile(path.join(backupDir, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.format).toBe(format);
    const ledgerRows = Number((await pool().query<{ n: string }>('SELECT count(*) AS n FROM ingest_file')).rows[0]!.n);
    expect(manifest.tables.ingest_file).toBe(ledgerRows);
    expect(ledgerRows).toBeGreaterThanOrEqual(14);
    const raw = manifest.files.filter((f) => f.path.startsWith('files/raw/'));
    const distinct = Number(
      (await pool().query<{ n: string }>('SELECT count(DISTINCT sha256) AS n FROM ingest_file')).rows[0]!.n,
    );
    expect(raw.length).toBeGreaterThanOrEqual(distinct);
    for (const f of raw) expect(f.path.endsWith(f.sha256)).toBe(true);
    expect(manifest.files.map((f) => f.path)).toContain(
      `files/ftp/${(await pool().query<{ code: string }>('SELECT code FROM facility ORDER BY id DESC LIMIT 1')).rows[0]!.code}/pending.txt`,
    );
  });

  it('restore into a fresh database and DATA_DIR: ledger verify passes and every table count matches', async () => {
    const fresh = await createEmptyDatabase(serverUrl, 'restore');
    cleanup.push(fresh.drop);
    const freshData = await mkdtemp(path.join(os.tmpdir(), 'qt-restore-'));
    cleanup.push(() => rm(freshData, { recursive: true, force: true }));
    const env = { DATABASE_URL: fresh.url, DATA_DIR: freshData };

    const r = await cli(['restore', backupDir], env);
    expect(r.code, r.stderr + r.stdout).toBe(0);

    const verify = await cli(['ledger', 'verify'], env);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(new RegExp(`ledger ok: ${manifest.tables.ingest_file} rows checked`));

    const tables = Object.keys(manifest.tables);
    expect(await tableCounts(fresh.url, tables)).toEqual(await tableCounts(sourceUrl, tables));
    // The same chain, byte for byte.
    const chain = async (url: string) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const rows = (await c.query<{ id: number; row_hash: string }>('SELECT id, row_hash FROM ingest_file ORDER BY id'))
        .rows;
      await c.end();
      return rows;
    };
    expect(await chain(fresh.url)).toEqual(await chain(sourceUrl));
    // New rows continue the sequences instead of colliding with restored ids.
    const c = new pg.Client({ connectionString: fresh.url });
    await c.connect();
    const next = await c.query<{ n: string }>(`SELECT nextval(pg_get_serial_sequence('ingest_file', 'id')) AS n`);
    const max = await c.query<{ m: number }>('SELECT max(id) AS m FROM ingest_file');
    await c.end();
    expect(Number(next.rows[0]!.n)).toBeGreaterThan(max.rows[0]!.m);
    // Reading partitions came back as partitions, and the FTP spool file waits in the new DATA_DIR.
    const partitions = async (url: string) => {
      const k = new pg.Client({ connectionString: url });
      await k.connect();
      const rows = (
        await k.query<{ name: string }>(
          `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'reading'::regclass ORDER BY 1`,
        )
      ).rows;
      await k.end();
      return rows.map((x) => x.name);
    };
    expect(await partitions(fresh.url)).toEqual(await partitions(sourceUrl));
    expect(await partitions(fresh.url)).toEqual(expect.arrayContaining(['reading_202404', 'reading_202405']));
    const pending = manifest.files.find((f) => f.path.endsWith('/pending.txt'))!;
    expect(await readFile(path.join(freshData, pending.path.slice('files/'.length)), 'utf8')).toMatch(/^COD/);
  });

  it('refuses a non-empty target database and a damaged backup', async () => {
    const nonEmpty = await cli(['restore', backupDir], {
      DATABASE_URL: sourceUrl,
      DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'qt-restore-x-')),
    });
    expect(nonEmpty.code).not.toBe(0);
    expect(nonEmpty.stderr).toMatch(/not empty/);

    const victim = manifest.files.find((f) => f.path.startsWith('files/raw/'))!;
    const p = path.join(backupDir, victim.path);
    const original = await readFile(p);
    const damaged = Buffer.from(original);
    damaged[0] = damaged[0]! ^ 0xff;
    await writeFile(p, damaged);
    const fresh = await createEmptyDatabase(serverUrl, 'restore');
    cleanup.push(fresh.drop);
    const r = await cli(['restore', backupDir], {
      DATABASE_URL: fresh.url,
      DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'qt-restore-y-')),
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/damaged[\s\S]*SHA-256 differs/);
    // Nothing was loaded.
    expect(await tableCounts(fresh.url, [])).toEqual({});
    const c = new pg.Client({ connectionString: fresh.url });
    await c.connect();
    expect((await c.query("SELECT 1 FROM pg_tables WHERE schemaname = 'public'")).rowCount).toBe(0);
    await c.end();
    await writeFile(p, original);
  });
});
