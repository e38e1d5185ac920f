/**
 * The database side of backup and restore (lib/services/backup): which tables hold rows, their counts, and the
 * built-in logical dump/load used when no pg_dump as new as the server is at hand. Each call opens its own connection
 * to `url` (restore targets a database the shared pool does not point at).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { inTransaction } from './transaction';

const BATCH = 2000;
const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`;

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Tables with rows (partition leaves, not their partitioned parents), in the public schema. */
async function listTables(c: pg.Client): Promise<string[]> {
  const r = await c.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
  );
  return r.rows.map((x) => x.name);
}

async function countRows(c: pg.Client, tables: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${q(t)}`);
    out[t] = Number(r.rows[0]!.n);
  }
  return out;
}

async function serverMajor(c: pg.Client): Promise<{ major: number; version: string }> {
  const r = await c.query<{ v: string; s: string }>(
    `SELECT current_setting('server_version_num') AS v, current_setting('server_version') AS s`,
  );
  return { major: Math.floor(Number(r.rows[0]!.v) / 10000), version: r.rows[0]!.s };
}

/** The server's major version, the tables with rows and the applied migrations of the database at `url`. */
export async function describeDatabase(
  url: string,
): Promise<{ server: { major: number; version: string }; tables: string[]; migrations: string[] }> {
  return withClient(url, async (c) => {
    const tables = await listTables(c);
    const applied = tables.includes('_prisma_migrations')
      ? await c.query<{ name: string }>(
          'SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name',
        )
      : { rows: [] };
    return { server: await serverMajor(c), tables, migrations: applied.rows.map((r) => r.name) };
  });
}

/** Row counts of the given tables. */
export async function countTableRows(url: string, tables: readonly string[]): Promise<Record<string, number>> {
  return withClient(url, (c) => countRows(c, tables));
}

/**
 * Every table's rows as gzipped NDJSON files `<dir>/<table>.ndjson.gz`, in one snapshot (consistent as of its start),
 * with each table's row count and each sequence's last value.
 */
export async function dumpLogical(
  url: string,
  dir: string,
  log: (l: string) => void,
): Promise<{ tables: Record<string, number>; sequences: Record<string, string> }> {
  await mkdir(dir, { recursive: true });
  return withClient(url, (c) =>
    inTransaction(
      c,
      async () => {
        const tables: Record<string, number> = {};
        for (const t of await listTables(c)) {
          const file = path.join(dir, `${t}.ndjson.gz`);
          const gz = createGzip();
          const out = createWriteStream(file);
          const done = pipeline(gz, out);
          let n = 0;
          await c.query(`DECLARE dump_cursor NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${q(t)} t`);
          for (;;) {
            const r = await c.query<{ j: string }>(`FETCH ${BATCH} FROM dump_cursor`);
            if (r.rows.length === 0) break;
            const chunk = r.rows.map((x) => x.j).join('\n') + '\n';
            if (!gz.write(chunk)) await new Promise((res) => gz.once('drain', res));
            n += r.rows.length;
          }
          await c.query('CLOSE dump_cursor');
          gz.end();
          await done;
          tables[t] = n;
          if (n > 0) log(`  ${t}: ${n} rows`);
        }
        const seq = await c.query<{ name: string; v: string | null }>(
          `SELECT sequencename AS name, last_value::text AS v FROM pg_sequences WHERE schemaname = 'public'`,
        );
        const sequences: Record<string, string> = {};
        for (const s of seq.rows) if (s.v !== null) sequences[s.name] = s.v;
        return { tables, sequences };
      },
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    ),
  );
}

/**
 * Loads a logical dump (dumpLogical's files in `dir`) into the migrated, empty database at `url` in one transaction:
 * each table's row count must match `m.tables`; sequences are set to `m.sequences`.
 */
export async function loadLogical(
  url: string,
  dir: string,
  m: { tables: Record<string, number>; sequences: Record<string, string> },
  log: (l: string) => void,
): Promise<void> {
  // Rows go in as they were: no foreign-key or trigger work while loading (needs a superuser, as the embedded one is).
  await withClient(url, (c) =>
    inTransaction(c, async () => {
      await c.query(`SET LOCAL session_replication_role = replica`);
      for (const [table, expected] of Object.entries(m.tables)) {
        if (table === '_prisma_migrations') continue;
        const exists = await c.query('SELECT to_regclass($1) AS r', [q(table)]);
        if (!exists.rows[0]?.r) {
          // Monthly reading partitions are created on demand; create the ones the backup had.
          const part = /^reading_(\d{4})(\d{2})$/.exec(table);
          if (!part) throw new Error(`table ${table} of the backup does not exist in this version's schema`);
          await c.query('SELECT ensure_reading_partition($1::timestamptz)', [`${part[1]}-${part[2]}-01T00:00:00Z`]);
        }
        if (expected === 0) continue;
        const cols = await c.query<{ name: string }>(
          `SELECT column_name AS name FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
          [table],
        );
        const list = cols.rows.map((r) => q(r.name)).join(', ');
        const insert = `INSERT INTO ${q(table)} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${q(table)}, $1::json)`;
        const lines = createInterface({
          input: createReadStream(path.join(dir, `${table}.ndjson.gz`)).pipe(createGunzip()),
          crlfDelay: Infinity,
        });
        let batch: string[] = [];
        let n = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          await c.query(insert, [`[${batch.join(',')}]`]);
          n += batch.length;
          batch = [];
        };
        for await (const line of lines) {
          if (line === '') continue;
          batch.push(line);
          if (batch.length >= BATCH) await flush();
        }
        await flush();
        if (n !== expected) throw new Error(`table ${table}: loaded ${n} rows, the backup recorded ${expected}`);
        log(`  ${table}: ${n} rows`);
      }
      for (const [s, v] of Object.entries(m.sequences)) {
        await c.query('SELECT setval($1::regclass, $2::bigint, true)', [q(s), v]);
      }
    }),
  );
}
